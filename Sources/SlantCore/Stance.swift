/// The six stance categories. Their raw values are part of Slant's output contract.
public enum StanceCategory: String, Sendable, Codable, CaseIterable, Comparable {
    /// Epistemic doubt and softening: may, perhaps, it seems, 可能.
    case hedge
    /// Certainty and emphasis: obviously, in fact, to be honest, 显然.
    case booster
    /// Evaluative and loaded words: shameful, doomed, brilliant.
    case attitude
    /// Reported or second-hand claims: according to, reportedly, quotations, 据报道.
    case attribution
    /// The author in the text: I, we, in my view, 我们.
    case selfMention = "self_mention"
    /// Addressing the reader: you may wonder, consider, rhetorical questions.
    case engagement

    public static func < (lhs: StanceCategory, rhs: StanceCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Whether the category counts toward subjectivity (attitude, boosters, self-mention, engagement).
    public var isSubjective: Bool {
        switch self {
        case .attitude, .booster, .selfMention, .engagement: true
        case .hedge, .attribution: false
        }
    }
}

/// A stance marker: a cue in the text, why it was matched, and how much it weighs.
public struct Marker: Hashable, Sendable {
    /// The bytes the cue covers (UTF-8 offsets into the document text).
    public var range: TextRange
    /// The category it marks (after any modifier: a negated booster is a hedge).
    public var category: StanceCategory
    /// The lexicon entry that matched, as written in the lexicon (`according to`, `可能`), or a detector's
    /// name in parentheses: `(question)`, `(quotation)`.
    public var entry: String
    /// The lexicon's language (`en`, `zh`), or `*` for detectors that work in every language.
    public var language: String
    /// The weight it contributes to its category.
    public var weight: Double
    /// What changed the plain entry: `negated by 'not'`, `booster → hedge`, `quoted`.
    public var modifiers: [String]
    /// Index into ``Document/sentences`` of the sentence holding the marker.
    public var sentence: Int

    public init(
        range: TextRange, category: StanceCategory, entry: String, language: String, weight: Double, modifiers: [String] = [],
        sentence: Int
    ) {
        self.range = range
        self.category = category
        self.entry = entry
        self.language = language
        self.weight = weight
        self.modifiers = modifiers
        self.sentence = sentence
    }
}

/// Counts and weights per category over a stretch of text, and the two indices derived from them.
public struct StanceScores: Sendable, Equatable {
    /// Markers per category.
    public var counts: [StanceCategory: Int] = [:]
    /// Summed marker weights per category.
    public var weights: [StanceCategory: Double] = [:]
    /// Word-like tokens (words, numbers, ideograph and kana words) in the stretch.
    public var words: Int = 0
    /// The words of the stretch with each sentence counted as at least 60 (``wordsPerSentenceUnit``) words: its
    /// length in sixtieths of a sentence unit, kept whole so sums are exact in any order.
    public var paddedWords: Int = 0

    public init() {}

    /// Adds one marker.
    public mutating func add(_ marker: Marker) {
        counts[marker.category, default: 0] += 1
        weights[marker.category, default: 0] += marker.weight
    }

    /// Adds another stretch's scores.
    public mutating func add(_ other: StanceScores) {
        for (category, count) in other.counts { counts[category, default: 0] += count }
        for (category, weight) in other.weights { weights[category, default: 0] += weight }
        words += other.words
        paddedWords += other.paddedWords
    }

    /// Words beyond which one sentence counts as more than one: about three times a typical sentence, so that
    /// text with few or no sentence breaks (lists, transcripts, unpunctuated runs) is not read as one sentence.
    public static let wordsPerSentenceUnit = 60

    /// Adds one sentence's length: `words` words, counted as at least 60.
    public mutating func addSentence(words: Int) {
        paddedWords += max(words, Self.wordsPerSentenceUnit)
    }

    /// The stretch's length in sentences, the measure subjectivity is taken against: each sentence counts as
    /// one, or as `words / 60` when it has more than 60 words.
    public var sentenceUnits: Double {
        get { Double(paddedWords) / Double(Self.wordsPerSentenceUnit) }
        set { paddedWords = Int((newValue * Double(Self.wordsPerSentenceUnit)).rounded()) }
    }

    /// The summed weight of the subjective markers (attitude, boosters, self-mention, engagement).
    public var subjectiveWeight: Double {
        StanceCategory.allCases.filter(\.isSubjective).reduce(0) { $0 + (weights[$1] ?? 0) }
    }

    /// Certainty, from −1 (only hedges) to +1 (only boosters): `(B − H) / (B + H)` over weights; 0 when the
    /// text holds neither.
    public var certainty: Double {
        let boosters = weights[.booster] ?? 0
        let hedges = weights[.hedge] ?? 0
        return boosters + hedges == 0 ? 0 : (boosters - hedges) / (boosters + hedges)
    }

    /// Subjectivity, from 0 toward 1: `x / (x + 1)` where `x` is the weight of subjective markers (attitude,
    /// boosters, self-mention, engagement) per sentence unit. One subjective marker per sentence gives 0.5.
    ///
    /// Sentences, not words, are the length: a loaded word makes a claim subjective however many neutral words
    /// surround it, and word counts depend on each language's tokenization far more than sentence counts do.
    public var subjectivity: Double {
        let perSentence = subjectiveWeightPerSentence
        return perSentence > 0 ? perSentence / (perSentence + 1) : 0
    }

    /// The length subjectivity is taken against: the sentence units, at least one.
    public var subjectivityLength: Double { max(sentenceUnits, 1) }

    /// `x` in the subjectivity formula: the subjective weight per sentence unit.
    public var subjectiveWeightPerSentence: Double { subjectiveWeight / subjectivityLength }

    /// Markers of a category per 1,000 words (per 1,000 ICU word tokens in Chinese and Japanese).
    public func rate(_ category: StanceCategory) -> Double {
        words == 0 ? 0 : Double(counts[category] ?? 0) * 1000 / Double(words)
    }
}
