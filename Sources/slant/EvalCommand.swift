import ArgumentParser
import Foundation
import Slant

/// `slant eval`: evaluation helpers.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate outputs against references.", subcommands: [RougeCommand.self])
}

/// `slant eval rouge GOLD SYSTEM`: ROUGE-1/2/L F1.
struct RougeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rouge",
        abstract: "ROUGE-1/2/L F1 of system summaries against references (JSON Lines).",
        discussion: """
            GOLD lines: {"id", "reference"} (other keys ignored). SYSTEM lines: {"id", "summary"}, where summary is \
            a string or a list of {"text"} objects (as `slant summarize` writes). Tokenization follows the shared \
            harness: NFKC, lower case, CJK by character, other tokens are runs of letters, marks and digits. Scores \
            are F1 × 100 averaged over gold documents; a gold id without a summary scores 0. The last line reads \
            `ROUGE R1=.. R2=.. RL=.. n=..`.
            """
    )

    @Argument(help: "Gold JSON Lines with reference summaries.") var gold: String
    @Argument(help: "System JSON Lines with summaries.") var system: String

    func run() throws {
        let references = try Self.load(gold, field: "reference")
        let summaries = try Self.load(system, field: "summary")
        guard !references.isEmpty else {
            StandardError.write("slant: error: \(gold): no {\"id\", \"reference\"} lines")
            throw ExitCode(2)
        }
        var total = Rouge.Scores(rouge1: 0, rouge2: 0, rougeL: 0)
        var missing = 0
        for (id, reference) in references {
            guard let summary = summaries[id] else {
                missing += 1
                continue
            }
            let scores = Rouge.score(reference: reference, summary: summary)
            total.rouge1 += scores.rouge1
            total.rouge2 += scores.rouge2
            total.rougeL += scores.rougeL
        }
        if missing > 0 { StandardError.write("slant: warning: \(missing) gold document(s) have no summary and score 0") }
        let count = Double(references.count)
        print(
            String(
                format: "ROUGE R1=%.2f R2=%.2f RL=%.2f n=%d", total.rouge1 / count * 100, total.rouge2 / count * 100,
                total.rougeL / count * 100, references.count))
    }

    /// id → text of `field` (a string, or a list of objects with "text" joined by newlines).
    static func load(_ path: String, field: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.write("slant: error: cannot read \(path)")
            throw ExitCode(2)
        }
        var result: [String: String] = [:]
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                StandardError.write("\(path):\(number + 1): warning: not a JSON object; skipped")
                continue
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
            guard let id else { continue }
            if let text = object[field] as? String {
                result[id] = text
            } else if let list = object[field] as? [[String: Any]] {
                result[id] = list.compactMap { $0["text"] as? String }.joined(separator: "\n")
            }
        }
        return result
    }
}
