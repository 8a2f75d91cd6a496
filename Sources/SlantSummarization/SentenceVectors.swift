import Foundation
import SlantCore

/// Each sentence as a sparse bag of terms, with TF-IDF weights and an inverted index, so similarities are
/// computed only between sentences that share a term.
///
/// Terms are case-folded word tokens minus stop words (stemmed with Snowball when asked and Snowball has the
/// language); Chinese and Japanese words also contribute their
/// character bigrams (ICU's dictionary words alone miss overlaps between compounds). Very common terms
/// (in more than ``maximumDocumentFrequency`` sentences) are left out of the index: their IDF is low and
/// their postings would make the cost quadratic in the number of sentences.
struct SentenceVectors {
    /// Term frequencies per sentence: term id → count.
    let frequencies: [[Int32: Double]]
    /// Inverse document frequency per term id.
    let idf: [Double]
    /// TF-IDF vector norms per sentence.
    let norms: [Double]
    /// Word tokens per sentence.
    let lengths: [Int]
    /// Sentences per term id (only terms below the frequency cap).
    let postings: [[Int32]]

    /// Terms in at most this many sentences enter the similarity index.
    static let maximumDocumentFrequency = 200

    init(_ document: Document, stopWords: Set<String>, stem: Bool = false) {
        let stemmer = stem ? Stemmer(language: document.language?.language ?? "und") : nil
        var stems: [String: String] = [:]
        var ids: [String: Int32] = [:]
        var frequencies: [[Int32: Double]] = []
        var lengths: [Int] = []
        frequencies.reserveCapacity(document.sentences.count)
        func id(_ term: String) -> Int32 {
            if let existing = ids[term] { return existing }
            let new = Int32(ids.count)
            ids[term] = new
            return new
        }
        for sentence in document.sentences {
            var counts: [Int32: Double] = [:]
            var words = 0
            for token in document.tokens[sentence.tokens] where token.isWordLike {
                words += 1
                let text = document.slice(token.range).lowercased().replacingOccurrences(of: "’", with: "'")
                if stopWords.contains(text) { continue }
                var term = text
                if let stemmer, token.kind == .word {
                    if let known = stems[text] {
                        term = known
                    } else {
                        term = stemmer.stem(text)
                        stems[text] = term
                    }
                }
                counts[id(term), default: 0] += 1
                if token.kind == .ideograph || token.kind == .kana {
                    let characters = Array(text.unicodeScalars)
                    if characters.count > 2 {
                        for index in 0..<(characters.count - 1) {
                            counts[id(String(String.UnicodeScalarView(characters[index...index + 1]))), default: 0] += 0.5
                        }
                    }
                }
            }
            frequencies.append(counts)
            lengths.append(words)
        }
        let sentenceCount = Double(max(1, frequencies.count))
        var documentFrequency = [Int](repeating: 0, count: ids.count)
        for counts in frequencies { for term in counts.keys { documentFrequency[Int(term)] += 1 } }
        let idf = documentFrequency.map { log((sentenceCount + 1) / (Double($0) + 1)) + 1 }
        var postings = [[Int32]](repeating: [], count: ids.count)
        for (index, counts) in frequencies.enumerated() {
            for term in counts.keys where documentFrequency[Int(term)] <= Self.maximumDocumentFrequency {
                postings[Int(term)].append(Int32(index))
            }
        }
        self.frequencies = frequencies
        self.idf = idf
        self.lengths = lengths
        self.postings = postings
        self.norms = frequencies.map { counts in
            counts.reduce(0) { sum, entry in
                let weight = entry.value * idf[Int(entry.key)]
                return sum + weight * weight
            }.squareRoot()
        }
    }

    var count: Int { frequencies.count }

    /// Cosine similarity of the TF-IDF vectors of two sentences.
    func cosine(_ a: Int, _ b: Int) -> Double {
        guard norms[a] > 0, norms[b] > 0 else { return 0 }
        let (small, large) =
            frequencies[a].count <= frequencies[b].count ? (frequencies[a], frequencies[b]) : (frequencies[b], frequencies[a])
        var dot = 0.0
        for (term, count) in small {
            if let other = large[term] { dot += count * other * idf[Int(term)] * idf[Int(term)] }
        }
        return dot / (norms[a] * norms[b])
    }

    /// For each sentence, the sentences it shares an indexed term with (each pair once per direction).
    func neighbours() -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: count)
        var seen = [Int32](repeating: -1, count: count)
        for sentence in 0..<count {
            for term in frequencies[sentence].keys {
                for other in postings[Int(term)] where Int(other) != sentence && seen[Int(other)] != Int32(sentence) {
                    seen[Int(other)] = Int32(sentence)
                    result[sentence].append(other)
                }
            }
        }
        return result
    }
}
