public import SlantCore

/// How a summary's length is bounded.
public enum SummaryLength: Sendable, Equatable {
    /// At most this many sentences.
    case sentences(Int)
    /// At most this many words (word tokens; ICU words in Chinese and Japanese).
    case words(Int)
    /// This share of the document's sentences (rounded up, at least one).
    case ratio(Double)
}

/// How sentences are scored for centrality.
public enum SummaryMethod: String, Sendable, CaseIterable {
    /// Continuous LexRank: PageRank over the TF-IDF cosine similarity graph.
    case lexrank
    /// TextRank with BM25 similarity between sentences.
    case textrank
    /// Cosine similarity to the document's TF-IDF centroid.
    case centroid
    /// Position alone: the first sentences first (the "lead" baseline).
    case lead
}

/// Which sentences a summary prefers, beyond centrality.
public enum SummaryPreference: String, Sendable, CaseIterable {
    /// No preference.
    case any
    /// Low subjectivity and no attribution (needs the `stance` stage): the summary reports rather than argues.
    case neutral
}

/// Chooses the sentences of an extractive summary: a centrality score, a position prior, Maximal Marginal
/// Relevance against redundancy, and a length budget. Chosen sentences keep source order.
///
/// Cost is about linear in the number of sentences: similarities come from an inverted index that leaves
/// very common terms out (``SentenceVectors``), and the graph methods iterate a fixed number of times.
public struct Summarizer: Sendable {
    /// The centrality method.
    public var method: SummaryMethod
    /// The length budget.
    public var length: SummaryLength
    /// Weight of the position prior, from 0 (none) to 1 (position only); nil chooses it from the budget
    /// (``automaticPositionWeight(share:language:)``).
    public var positionWeight: Double?
    /// MMR trade-off: 1 ignores redundancy, lower values penalise similarity to sentences already chosen.
    public var diversity: Double
    /// The preference.
    public var preference: SummaryPreference
    /// Sentences with fewer word tokens are not chosen while longer ones remain.
    public var minimumWords: Int
    /// Whether words are stemmed (Snowball) before sentences are compared. Off by default: on the shared
    /// sets it moved ROUGE-1 by −0.3 to +0.4 (BENCHMARKS.md).
    public var stem: Bool

    public init(
        method: SummaryMethod = .lexrank, length: SummaryLength = .sentences(3), positionWeight: Double? = nil, diversity: Double = 0.7,
        preference: SummaryPreference = .any, minimumWords: Int = 4, stem: Bool = false
    ) {
        self.method = method
        self.length = length
        self.positionWeight = positionWeight
        self.diversity = diversity
        self.preference = preference
        self.minimumWords = minimumWords
        self.stem = stem
    }

    /// The summary of a segmented document (sentences and tokens), in source order.
    public func summarize(_ document: Document) -> [SummarySentence] {
        let count = document.sentences.count
        guard count > 0 else { return [] }
        let language = document.language?.language ?? "und"
        let vectors = SentenceVectors(document, stopWords: StopWords.list(for: language), stem: stem)
        let centrality = normalised(score(vectors))
        let budget = sentenceBudget(count)
        let totalWords = max(1, vectors.lengths.reduce(0, +))
        let share: Double
        if case .words(let limit) = length {
            share = min(1, Double(limit) / Double(totalWords))
        } else {
            share = Double(budget) / Double(count)
        }
        let weight = positionWeight ?? Self.automaticPositionWeight(share: share, language: language)
        var scores = (0..<count).map { index in
            (1 - weight) * centrality[index] + weight * positionPrior(index)
        }
        if preference == .neutral, document.sentenceScores.count == count {
            for index in 0..<count {
                let stance = document.sentenceScores[index]
                scores[index] *= 1 - 0.6 * stance.subjectivity
                if (stance.counts[.attribution] ?? 0) > 0 { scores[index] *= 0.7 }
            }
        }
        let eligible = (0..<count).filter { isEligible($0, in: document, words: vectors.lengths[$0]) }
        let pool = eligible.isEmpty ? Array(0..<count) : eligible
        var chosen: [Int] = []
        var words = 0
        var remaining = pool
        // Each candidate's highest similarity to a chosen sentence, updated as sentences are chosen.
        var redundancy = [Double](repeating: 0, count: count)
        while !remaining.isEmpty, chosen.count < budget {
            // The best marginal value; `remaining` is in sentence order, so ties go to the earlier sentence.
            var best = 0
            var bestValue = -Double.infinity
            for (position, candidate) in remaining.enumerated() {
                let value =
                    chosen.isEmpty || diversity >= 1
                    ? scores[candidate] : diversity * scores[candidate] - (1 - diversity) * redundancy[candidate]
                if value > bestValue {
                    best = position
                    bestValue = value
                }
            }
            let next = remaining.remove(at: best)
            if case .words(let limit) = length, !chosen.isEmpty, words + vectors.lengths[next] > limit { continue }
            chosen.append(next)
            words += vectors.lengths[next]
            if case .words(let limit) = length, words >= limit { break }
            if diversity < 1 {
                // Independent per candidate: many in pieces, on several threads.
                let candidates = remaining
                let similarities = DocumentParallelism.map(
                    ranges: candidates.count, splitting: SentenceVectors.splits(candidates.count)
                ) {
                    $0.map { vectors.cosine(candidates[$0], next) }
                }
                for (candidate, similarity) in zip(candidates, similarities.joined()) {
                    redundancy[candidate] = max(redundancy[candidate], similarity)
                }
            }
        }
        return chosen.enumerated().map {
            SummarySentence(sentence: $0.element, score: (scores[$0.element] * 10_000).rounded() / 10_000, rank: $0.offset + 1)
        }
        .sorted { $0.sentence < $1.sentence }
    }

    /// The position prior's weight for a summary keeping `share` of the document: news and reports put the
    /// most important facts first, so the fewer sentences a summary may keep, the more the lead counts. The
    /// weight is 0.8 while the share is at most `lead`, 0.2 from `spread` on, and linear in between; the
    /// points are the best measured per language on the first halves of the shared evaluation sets
    /// (BENCHMARKS.md): English news keeps leaning on the lead up to a quarter of the document.
    public static func automaticPositionWeight(share: Double, language: String = "und") -> Double {
        let (lead, spread) = language == "en" ? (0.25, 0.4) : (0.1, 1.0 / 3)
        if share <= lead { return 0.8 }
        if share >= spread { return 0.2 }
        return 0.8 - 0.6 * (share - lead) / (spread - lead)
    }

    private func sentenceBudget(_ count: Int) -> Int {
        switch length {
        case .sentences(let limit): return max(0, min(limit, count))
        case .words: return count
        case .ratio(let share): return max(1, min(count, Int((share * Double(count)).rounded(.up))))
        }
    }

    /// Headings, table cells, list fragments and very short sentences are not chosen on their own.
    private func isEligible(_ index: Int, in document: Document, words: Int) -> Bool {
        let sentence = document.sentences[index]
        if document.zones.indices.contains(sentence.zone) {
            switch document.zones[sentence.zone].kind {
            case .heading, .tableCell, .code, .markup: return false
            case .listItem: if words < 6 { return false }
            case .paragraph, .quote: break
            }
        }
        return words >= minimumWords
    }

    /// 1 for the first sentence, decaying as 1 / √(position + 1).
    private func positionPrior(_ index: Int) -> Double { 1 / Double(index + 1).squareRoot() }

    private func normalised(_ values: [Double]) -> [Double] {
        guard let high = values.max(), high > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / high }
    }

    private func score(_ vectors: SentenceVectors) -> [Double] {
        switch method {
        case .lead: return (0..<vectors.count).map { positionPrior($0) }
        case .centroid: return centroidScores(vectors)
        case .lexrank: return rank(vectors.cosineGraph(parallel: SentenceVectors.splits(vectors.count)))
        case .textrank:
            let bm25 = BM25(vectors)
            return rank(weightedEdges(vectors) { a, b in bm25.score(query: a, document: b) })
        }
    }

    private func centroidScores(_ vectors: SentenceVectors) -> [Double] {
        var centroid = [Double](repeating: 0, count: vectors.idf.count)
        for counts in vectors.frequencies {
            for entry in counts { centroid[Int(entry.term)] += entry.count * vectors.idf[Int(entry.term)] }
        }
        let norm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [Double](repeating: 0, count: vectors.count) }
        return (0..<vectors.count).map { index in
            guard vectors.norms[index] > 0 else { return 0 }
            var dot = 0.0
            for entry in vectors.frequencies[index] { dot += entry.count * vectors.idf[Int(entry.term)] * centroid[Int(entry.term)] }
            return dot / (vectors.norms[index] * norm)
        }
    }

    /// Each sentence's edges to the sentences it shares an indexed term with, weighted by `weight(target,
    /// source)`.
    private func weightedEdges(_ vectors: SentenceVectors, weight: (Int, Int) -> Double) -> SparseGraph {
        SparseGraph(rows: vectors.neighbours().enumerated().map { source, targets in targets.map { ($0, weight(Int($0), source)) } })
    }

    /// PageRank (damping 0.85, 40 iterations at most) over the weighted sparse graph; edges of weight 0 are
    /// dropped and each sentence's outgoing weights are normalised to sum to 1.
    ///
    /// Each iteration gathers, per sentence, the shares flowing in along its incoming edges, kept with their
    /// sources in ascending order: the terms are added in the order a pass over the sources would add them,
    /// so the ranks are the same bits however a long document's sentences are split across threads.
    private func rank(_ weighted: SparseGraph) -> [Double] {
        let count = weighted.count
        var incomingOffsets = [Int](repeating: 0, count: count + 1)
        var totals = [Double](repeating: 0, count: count)
        for source in 0..<count {
            let outgoing = weighted.offsets[source]..<weighted.offsets[source + 1]
            totals[source] = outgoing.reduce(0) { weighted.weights[$1] > 0 ? $0 + weighted.weights[$1] : $0 }
            for edge in outgoing where weighted.weights[edge] > 0 { incomingOffsets[Int(weighted.targets[edge]) + 1] += 1 }
        }
        for target in 0..<count { incomingOffsets[target + 1] += incomingOffsets[target] }
        var sources = [Int32](repeating: 0, count: incomingOffsets[count])
        var shares = [Double](repeating: 0, count: incomingOffsets[count])
        var cursor = Array(incomingOffsets.dropLast())
        for source in 0..<count {
            for edge in weighted.offsets[source]..<weighted.offsets[source + 1] where weighted.weights[edge] > 0 {
                let target = Int(weighted.targets[edge])
                sources[cursor[target]] = Int32(source)
                shares[cursor[target]] = weighted.weights[edge] / totals[source]
                cursor[target] += 1
            }
        }
        let damping = 0.85
        let base = (1 - damping) / Double(count)
        let parallel = SentenceVectors.splits(count)
        let offsets = incomingOffsets
        let incoming = (sources: sources, shares: shares)
        var ranks = [Double](repeating: 1 / Double(count), count: count)
        for _ in 0..<40 {
            var dangling = 0.0
            for source in 0..<count where totals[source] == 0 { dangling += ranks[source] }
            let spread = damping * dangling / Double(count)
            let current = ranks
            let pieces = DocumentParallelism.map(ranges: count, splitting: parallel) { targets in
                targets.map { target in
                    var sum = base
                    for edge in offsets[target]..<offsets[target + 1] {
                        let flow = damping * current[Int(incoming.sources[edge])]
                        sum += flow * incoming.shares[edge]
                    }
                    return sum + spread
                }
            }
            ranks = pieces.count == 1 ? pieces[0] : pieces.flatMap(\.self)
            var change = 0.0
            for index in 0..<count { change += abs(ranks[index] - current[index]) }
            if change < 1e-7 { break }
        }
        return ranks
    }
}

/// BM25 similarity between sentences (k1 = 1.2, b = 0.75), as TextRank's edge weight.
struct BM25 {
    let vectors: SentenceVectors
    let averageLength: Double

    init(_ vectors: SentenceVectors) {
        self.vectors = vectors
        let total = vectors.totals.reduce(0, +)
        averageLength = max(1, total / Double(max(1, vectors.count)))
    }

    func score(query: Int, document: Int) -> Double {
        let length = vectors.totals[document]
        var sum = 0.0
        vectors.forEachSharedTerm(query, document) { term, _, frequency in
            sum += vectors.idf[term] * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * length / averageLength))
        }
        return sum
    }
}
