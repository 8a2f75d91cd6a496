import Foundation
import SlantCore

/// Each sentence as a sparse bag of terms, with TF-IDF weights and an inverted index, so similarities are
/// computed only between sentences that share a term.
///
/// Terms are case-folded word tokens minus stop words (stemmed with Snowball when asked and Snowball has the
/// language); Chinese and Japanese words also contribute their
/// character bigrams (ICU's dictionary words alone miss overlaps between compounds). Very common terms
/// (in more than ``maximumDocumentFrequency`` sentences) are left out of the index: their IDF is low and
/// their postings would make the cost quadratic in the number of sentences. Sentences more than ``window``
/// apart are not compared.
struct SentenceVectors {
    /// One term of a sentence and how often it occurs there.
    struct TermCount {
        let term: Int32
        let count: Double
    }

    /// Term counts per sentence, sorted by term id: similarities are merge joins, in a fixed order, with no
    /// hashing.
    let frequencies: [[TermCount]]
    /// The sum of each sentence's term counts.
    let totals: [Double]
    /// Inverse document frequency per term id.
    let idf: [Double]
    /// TF-IDF vector norms per sentence.
    let norms: [Double]
    /// Word tokens per sentence.
    let lengths: [Int]
    /// Sentences per term id, with the term's count there (only terms below the frequency cap), sorted by
    /// sentence: term `t`'s postings are `postings[postingOffsets[t]..<postingOffsets[t + 1]]`.
    let postings: [Posting]
    let postingOffsets: [Int]
    /// Per sentence, its terms above the frequency cap (sorted by id), which the index leaves out.
    let frequentTerms: [[TermCount]]

    /// A sentence holding a term, and the term's count in it.
    struct Posting {
        let sentence: Int32
        let count: Double
    }

    /// Terms in at most this many sentences enter the similarity index.
    static let maximumDocumentFrequency = 200

    /// Sentences further apart than this are not compared: a sentence is central among the ~2,000 around it.
    /// Documents up to this length (every news article, report or chapter) are compared in full; a book-sized
    /// document costs linear time instead of a graph that grows with every term's spread.
    static let window = 1_000

    /// Whether work over `count` sentences (or candidates) is worth splitting across the document's threads:
    /// there is more than one, and there are at least two windows' worth.
    static func splits(_ count: Int) -> Bool { DocumentParallelism.threads > 1 && count >= 2 * window }

    init(_ document: Document, stopWords: Set<UTF8Key>, stem: Bool = false) {
        let stemmer = stem ? Stemmer(language: document.language?.language ?? "und") : nil
        var text = document.text
        let (frequencies, lengths, termCount) = text.withUTF8 { bytes in
            Self.countTerms(of: document, utf8: bytes, stopWords: stopWords, stemmer: stemmer)
        }
        let sentenceCount = Double(max(1, frequencies.count))
        var documentFrequency = [Int](repeating: 0, count: termCount)
        for counts in frequencies { for entry in counts { documentFrequency[Int(entry.term)] += 1 } }
        let idf = documentFrequency.map { log((sentenceCount + 1) / (Double($0) + 1)) + 1 }
        // Postings in one flat array: offsets from the capped frequencies, then filled sentence by sentence.
        var postingOffsets = [Int](repeating: 0, count: termCount + 1)
        for term in 0..<termCount {
            let frequency = documentFrequency[term]
            postingOffsets[term + 1] = postingOffsets[term] + (frequency <= Self.maximumDocumentFrequency ? frequency : 0)
        }
        var postings = [Posting](repeating: Posting(sentence: 0, count: 0), count: postingOffsets[termCount])
        var cursor = Array(postingOffsets.dropLast())
        for (index, counts) in frequencies.enumerated() {
            for entry in counts where documentFrequency[Int(entry.term)] <= Self.maximumDocumentFrequency {
                postings[cursor[Int(entry.term)]] = Posting(sentence: Int32(index), count: entry.count)
                cursor[Int(entry.term)] += 1
            }
        }
        // Per sentence, independent of the others: a long document's in pieces, on several threads.
        let frequencyOf = documentFrequency
        let pieces = DocumentParallelism.map(ranges: frequencies.count, splitting: Self.splits(frequencies.count)) { sentences in
            sentences.map { sentence in
                let counts = frequencies[sentence]
                // Most sentences hold no frequent term: an empty array costs no allocation.
                let isFrequent = { (entry: TermCount) in frequencyOf[Int(entry.term)] > Self.maximumDocumentFrequency }
                let frequent = counts.contains(where: isFrequent) ? counts.filter(isFrequent) : []
                let total = counts.reduce(0) { $0 + $1.count }
                let norm = counts.reduce(0) { sum, entry in
                    let weight = entry.count * idf[Int(entry.term)]
                    return sum + weight * weight
                }.squareRoot()
                return (frequent, total, norm)
            }
        }
        self.frequentTerms = pieces.flatMap { $0.map(\.0) }
        self.totals = pieces.flatMap { $0.map(\.1) }
        self.norms = pieces.flatMap { $0.map(\.2) }
        self.frequencies = frequencies
        self.idf = idf
        self.lengths = lengths
        self.postings = postings
        self.postingOffsets = postingOffsets
    }

    var count: Int { frequencies.count }

    /// Per sentence, its term counts sorted by term id and its word count; and how many term ids there are.
    ///
    /// Term ids follow the order of first occurrence. A large document is read in pieces on several threads:
    /// each piece numbers its own distinct words, the pieces' words are then given term ids in piece order
    /// (which is the order of first occurrence, so the ids are those of a single pass), and each piece counts
    /// its sentences' terms. Only the middle step, one lookup per distinct word of a piece, is sequential.
    private static func countTerms(
        of document: Document, utf8 bytes: UnsafeBufferPointer<UInt8>, stopWords: Set<UTF8Key>, stemmer: Stemmer?
    ) -> (frequencies: [[TermCount]], lengths: [Int], termCount: Int) {
        let splitting = DocumentParallelism.splits(byteCount: bytes.count)
        let pieces = DocumentParallelism.map(ranges: document.sentences.count, splitting: splitting) { sentences in
            PieceWords(document, sentences: sentences, utf8: bytes)
        }
        var numbering = TermNumbering(stopWords: stopWords, stemmer: stemmer, remembers: pieces.count > 1)
        let terms = pieces.map { piece in piece.words.map { numbering.terms(of: $0) } }
        let termCount = numbering.count
        let counted = DocumentParallelism.map(pieces.count) { index in pieces[index].termCounts(terms[index], termCount: termCount) }
        return (counted.flatMap(\.self), pieces.flatMap(\.lengths), termCount)
    }

    /// A folded word and its kind (0: alphabetic, 1: Chinese or Japanese, 2: number), which decides whether it
    /// is stemmed or split into character bigrams.
    private struct Word {
        let folded: String
        let kind: Int
    }

    /// The words of a run of sentences, each distinct word numbered in order of first occurrence within the run.
    private struct PieceWords: Sendable {
        /// The distinct words, by local number.
        var words: [Word] = []
        /// The local number of each word-like token, in order.
        var tokenWords: [Int32] = []
        /// Where each sentence's tokens end in ``tokenWords``.
        var sentenceEnds: [Int] = []
        /// Word tokens per sentence.
        var lengths: [Int] = []

        init(_ document: Document, sentences: Range<Int>, utf8 bytes: UnsafeBufferPointer<UInt8>) {
            var numbers: [[UTF8Key: Int32]] = [[:], [:], [:]]
            // Room for a short document's words from the start (rehashing as they arrive costs more than the words).
            numbers[0].reserveCapacity(min(document.tokens.count / 2, 4_096))
            sentenceEnds.reserveCapacity(sentences.count)
            lengths.reserveCapacity(sentences.count)
            for sentence in document.sentences[sentences] {
                let start = tokenWords.count
                for token in document.tokens[sentence.tokens] where token.isWordLike {
                    let folded = SentenceVectors.foldedTerm(utf8: UnsafeBufferPointer(rebasing: bytes[token.range.range]))
                    let kind = token.kind == .word ? 0 : token.kind == .ideograph || token.kind == .kana ? 1 : 2
                    let key = UTF8Key(folded)
                    if let number = numbers[kind][key] {
                        tokenWords.append(number)
                    } else {
                        let number = Int32(words.count)
                        numbers[kind][key] = number
                        words.append(Word(folded: folded, kind: kind))
                        tokenWords.append(number)
                    }
                }
                sentenceEnds.append(tokenWords.count)
                lengths.append(tokenWords.count - start)
            }
        }

        /// Each sentence's term counts, sorted by term id, given the terms of each local word.
        func termCounts(_ terms: [TokenTerms], termCount: Int) -> [[TermCount]] {
            var counts = [Double](repeating: 0, count: termCount)
            var held: [Int32] = []
            var result: [[TermCount]] = []
            result.reserveCapacity(sentenceEnds.count)
            func add(_ term: Int32, _ amount: Double) {
                if counts[Int(term)] == 0 { held.append(term) }
                counts[Int(term)] += amount
            }
            var start = 0
            for end in sentenceEnds {
                for number in tokenWords[start..<end] {
                    let found = terms[Int(number)]
                    guard let term = found.term else { continue }
                    add(term, 1)
                    for bigram in found.bigrams { add(bigram, 0.5) }
                }
                held.sort()
                result.append(held.map { TermCount(term: $0, count: counts[Int($0)]) })
                for term in held { counts[Int(term)] = 0 }
                held.removeAll(keepingCapacity: true)
                start = end
            }
            return result
        }
    }

    /// Term ids for words, handed out in the order words are first asked about.
    private struct TermNumbering {
        let stopWords: Set<UTF8Key>
        let stemmer: Stemmer?
        /// Whether a word may be asked about again (several pieces), so its terms are remembered.
        let remembers: Bool
        private var ids: [UTF8Key: Int32] = [:]
        private var known: [[UTF8Key: TokenTerms]] = [[:], [:], [:]]

        init(stopWords: Set<UTF8Key>, stemmer: Stemmer?, remembers: Bool) {
            self.stopWords = stopWords
            self.stemmer = stemmer
            self.remembers = remembers
        }

        /// How many term ids have been handed out.
        var count: Int { ids.count }

        /// The terms `word` contributes.
        mutating func terms(of word: Word) -> TokenTerms {
            let key = UTF8Key(word.folded)
            if remembers, let cached = known[word.kind][key] { return cached }
            let found = TokenTerms(word.folded, stopWords: stopWords, stemmer: word.kind == 0 ? stemmer : nil, bigrams: word.kind == 1) {
                id(for: $0)
            }
            if remembers { known[word.kind][key] = found }
            return found
        }

        private mutating func id(for term: String) -> Int32 {
            let key = UTF8Key(term)
            if let existing = ids[key] { return existing }
            let new = Int32(ids.count)
            ids[key] = new
            return new
        }
    }

    /// The term ids one folded word contributes: none for a stop word; else its term (stemmed when asked)
    /// and, for Chinese and Japanese words of three or more characters, their character bigrams.
    private struct TokenTerms: Sendable {
        let term: Int32?
        let bigrams: [Int32]

        init(_ folded: String, stopWords: Set<UTF8Key>, stemmer: Stemmer?, bigrams: Bool, id: (String) -> Int32) {
            guard !stopWords.contains(UTF8Key(folded)) else {
                term = nil
                self.bigrams = []
                return
            }
            term = id(stemmer?.stem(folded) ?? folded)
            guard bigrams else {
                self.bigrams = []
                return
            }
            let starts = Array(folded.unicodeScalars.indices) + [folded.endIndex]
            // Three or more scalars.
            self.bigrams = starts.count > 3 ? (0..<(starts.count - 2)).map { id(String(folded[starts[$0]..<starts[$0 + 2]])) } : []
        }
    }

    /// A token's text (UTF-8 bytes) lowercased, with the typographic apostrophe as `'`; ASCII, CJK and Hangul
    /// text is folded byte by byte.
    static func foldedTerm(utf8 token: UnsafeBufferPointer<UInt8>) -> String {
        if let quick = String.quickLowercased(utf8: token) { return quick }
        let lowered = String(decoding: token, as: UTF8.self).lowercased()
        return lowered.unicodeScalars.contains("’") ? lowered.replacingOccurrences(of: "’", with: "'") : lowered
    }

    /// Cosine similarity of the TF-IDF vectors of two sentences.
    func cosine(_ a: Int, _ b: Int) -> Double {
        guard norms[a] > 0, norms[b] > 0 else { return 0 }
        var dot = 0.0
        forEachSharedTerm(a, b) { term, left, right in dot += left * right * idf[term] * idf[term] }
        return dot / (norms[a] * norms[b])
    }

    /// Calls `body` with each term two sentences share and its counts in each, in term order.
    @inline(__always)
    func forEachSharedTerm(_ a: Int, _ b: Int, _ body: (_ term: Int, _ countInA: Double, _ countInB: Double) -> Void) {
        mergeJoin(frequencies[a], frequencies[b], body)
    }

    /// Calls `body` with each term two sorted term lists share, in term order.
    @inline(__always)
    private func mergeJoin(_ a: [TermCount], _ b: [TermCount], _ body: (_ term: Int, _ countInA: Double, _ countInB: Double) -> Void) {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                var i = 0
                var j = 0
                while i < left.count, j < right.count {
                    let x = left[i].term
                    let y = right[j].term
                    if x == y {
                        body(Int(x), left[i].count, right[j].count)
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
    }

    /// For each sentence, the sentences within the window it shares an indexed term with (each pair once per
    /// direction).
    func neighbours() -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: count)
        var seen = [Int32](repeating: -1, count: count)
        for sentence in 0..<count {
            for entry in frequencies[sentence] {
                for posting in postingsNear(sentence, term: entry.term, after: false)
                where Int(posting.sentence) != sentence && seen[Int(posting.sentence)] != Int32(sentence) {
                    seen[Int(posting.sentence)] = Int32(sentence)
                    result[sentence].append(posting.sentence)
                }
            }
        }
        return result
    }

    /// The postings of a term within ``window`` sentences of `sentence` (only those after it when `after`);
    /// postings are sorted by sentence, so two binary searches find them.
    private func postingsNear(_ sentence: Int, term: Int32, after: Bool) -> ArraySlice<Posting> {
        let list = postings[postingOffsets[Int(term)]..<postingOffsets[Int(term) + 1]]
        let low = after ? sentence + 1 : sentence - Self.window
        let high = sentence + Self.window
        let lower = list.partitioningIndex { Int($0.sentence) >= low }
        let upper = list.partitioningIndex { Int($0.sentence) > high }
        return list[lower..<max(lower, upper)]
    }

    /// For each sentence, its cosine similarity to every sentence it shares an indexed term with. Each pair is
    /// computed once, by accumulating along the postings of the indexed terms (no lookups) and then merging
    /// the few frequent terms the two share; the cost is that of walking the postings. Sentences are
    /// independent here, so a long document's are done in pieces on several threads and joined in order.
    func cosineGraph(parallel: Bool = false) -> SparseGraph {
        let pieces = DocumentParallelism.map(ranges: count, splitting: parallel) { forwardEdges(of: $0) }
        var forwardOffsets = [0]
        forwardOffsets.reserveCapacity(count + 1)
        var forwardTargets: [Int32] = []
        var forwardWeights: [Double] = []
        for piece in pieces {
            forwardOffsets += piece.ends.map { $0 + forwardTargets.count }
            forwardTargets += piece.targets
            forwardWeights += piece.weights
        }
        return SparseGraph(count: count, forwardOffsets: forwardOffsets, forwardTargets: forwardTargets, forwardWeights: forwardWeights)
    }

    /// The edges from each of `sentences` to later sentences, with where each sentence's edges end.
    private func forwardEdges(of sentences: Range<Int>) -> (ends: [Int], targets: [Int32], weights: [Double]) {
        var ends: [Int] = []
        ends.reserveCapacity(sentences.count)
        var targets: [Int32] = []
        var weights: [Double] = []
        var dots = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        var isTouched = [Bool](repeating: false, count: count)
        for sentence in sentences {
            defer { ends.append(targets.count) }
            guard norms[sentence] > 0 else { continue }
            for entry in frequencies[sentence] {
                let idfSquared = idf[Int(entry.term)] * idf[Int(entry.term)]
                for posting in postingsNear(sentence, term: entry.term, after: true) {
                    let other = Int(posting.sentence)
                    if !isTouched[other] {
                        isTouched[other] = true
                        touched.append(other)
                    }
                    dots[other] += entry.count * posting.count * idfSquared
                }
            }
            for other in touched {
                var dot = dots[other]
                mergeJoin(frequentTerms[sentence], frequentTerms[other]) { term, left, right in dot += left * right * idf[term] * idf[term]
                }
                targets.append(Int32(other))
                weights.append(dot / (norms[sentence] * norms[other]))
                dots[other] = 0
                isTouched[other] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        return (ends, targets, weights)
    }
}
