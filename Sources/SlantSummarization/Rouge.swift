import SlantICU

/// ROUGE-1, ROUGE-2 and ROUGE-L F1 with the tokenization of the shared evaluation harness
/// (`rouge_eval.py`): NFKC and lower case; every Han, Hiragana or Katakana character is a token; other
/// tokens are maximal runs of letters, marks and digits; punctuation is dropped; no stemming. ROUGE-L is the
/// longest common subsequence over the whole summary (rouge-score's `rougeL`, not `rougeLsum`).
public enum Rouge {
    /// F1 scores from 0 to 1.
    public struct Scores: Sendable, Equatable {
        public var rouge1: Double
        public var rouge2: Double
        public var rougeL: Double

        public init(rouge1: Double, rouge2: Double, rougeL: Double) {
            self.rouge1 = rouge1
            self.rouge2 = rouge2
            self.rougeL = rougeL
        }
    }

    /// Tokens as the harness makes them.
    public static func tokens(_ text: String) -> [String] {
        let normalized = ((try? TextTransform.nfkc.apply(to: text)) ?? text).lowercased()
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { result.append(String(current)) }
            current.removeAll()
        }
        for scalar in normalized.unicodeScalars {
            if isCJK(scalar) {
                flush()
                result.append(String(scalar))
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
                .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
            default:
                flush()
            }
        }
        flush()
        return result
    }

    /// Han, Hiragana and Katakana characters and the marks the harness groups with them (ー々〆ゝゞヽヾ).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "ー", "々", "〆", "ゝ", "ゞ", "ヽ", "ヾ": return true
        default: break
        }
        guard scalar.value >= 0x2E80 else { return false }
        let script = Script(of: scalar)
        return script == .han || script == .hiragana || script == .katakana
    }

    /// The scores of a summary against a reference.
    public static func score(reference: String, summary: String) -> Scores {
        let referenceTokens = tokens(reference)
        let summaryTokens = tokens(summary)
        return Scores(
            rouge1: ngramF1(referenceTokens, summaryTokens, n: 1), rouge2: ngramF1(referenceTokens, summaryTokens, n: 2),
            rougeL: lcsF1(referenceTokens, summaryTokens))
    }

    static func ngramF1(_ reference: [String], _ summary: [String], n: Int) -> Double {
        func counts(_ tokens: [String]) -> [ArraySlice<String>: Int] {
            var result: [ArraySlice<String>: Int] = [:]
            if tokens.count >= n { for start in 0...(tokens.count - n) { result[tokens[start..<start + n], default: 0] += 1 } }
            return result
        }
        let referenceCounts = counts(reference)
        let summaryCounts = counts(summary)
        let overlap = summaryCounts.reduce(0) { $0 + min($1.value, referenceCounts[$1.key] ?? 0) }
        let referenceTotal = max(0, reference.count - n + 1)
        let summaryTotal = max(0, summary.count - n + 1)
        return f1(overlap, referenceTotal, summaryTotal)
    }

    static func lcsF1(_ reference: [String], _ summary: [String]) -> Double {
        guard !reference.isEmpty, !summary.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: summary.count + 1)
        var current = previous
        for token in reference {
            for index in 1...summary.count {
                current[index] = token == summary[index - 1] ? previous[index - 1] + 1 : max(previous[index], current[index - 1])
            }
            swap(&previous, &current)
        }
        return f1(previous[summary.count], reference.count, summary.count)
    }

    private static func f1(_ overlap: Int, _ referenceTotal: Int, _ summaryTotal: Int) -> Double {
        guard overlap > 0, referenceTotal > 0, summaryTotal > 0 else { return 0 }
        let precision = Double(overlap) / Double(summaryTotal)
        let recall = Double(overlap) / Double(referenceTotal)
        return 2 * precision * recall / (precision + recall)
    }
}
