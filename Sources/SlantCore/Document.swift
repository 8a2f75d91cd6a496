/// One text moving through the pipeline, with every annotation layer the stages have added.
///
/// A document is a value. Layers are arrays sorted by position; relations between them are indices, never
/// references. Every range is a ``TextRange`` of UTF-8 byte offsets into ``text``.
public struct Document: Sendable {
    /// A stable identifier: the path relative to the input root, the JSONL `id`, or `stdin`.
    public var id: String
    /// Where the text came from (a file path or `stdin`), when known.
    public var source: String?
    /// The text; stages that change it (``Layer/normalized``) run before any stage adds offsets.
    public var text: String
    /// Whether the text is Markdown (from a `.md` file or the user's choice), so structure becomes zones.
    public var isMarkdown: Bool
    /// The language: given with the input or `--lang`, or identified by the `language` stage.
    public var language: LanguageTag?
    /// How sure identification was, from 0 to 1; nil when the language was given.
    public var languageConfidence: Double?
    /// Structural blocks in text order (``Layer/zones``).
    public var zones: [Zone]
    /// Sentences in text order, disjoint (``Layer/sentences``).
    public var sentences: [Sentence]
    /// Word, number and punctuation tokens in text order, disjoint; no whitespace (``Layer/tokens``).
    public var tokens: [Token]
    /// Stance markers in text order (``Layer/markers``).
    public var markers: [Marker]
    /// Stance scores per sentence, parallel to ``sentences`` (``Layer/markers``).
    public var sentenceScores: [StanceScores]
    /// Stance scores of the whole document (``Layer/markers``).
    public var stanceProfile: StanceScores?
    /// The extractive summary: chosen sentences in source order (``Layer/summary``).
    public var summary: [SummarySentence]
    /// Notes about this document for the user.
    public var diagnostics: [Diagnostic]
    /// The layers stages have provided so far.
    public var layers: Set<Layer>

    /// Creates a document with no annotations.
    public init(id: String, text: String, source: String? = nil, isMarkdown: Bool = false, language: LanguageTag? = nil) {
        self.id = id
        self.source = source
        self.text = text
        self.isMarkdown = isMarkdown
        self.language = language
        self.languageConfidence = nil
        self.zones = []
        self.sentences = []
        self.tokens = []
        self.markers = []
        self.sentenceScores = []
        self.stanceProfile = nil
        self.summary = []
        self.diagnostics = []
        self.layers = language == nil ? [] : [.language]
    }

    /// The text of a range. O(1) to locate on a native string; the range must lie on scalar boundaries,
    /// which every range Slant produces does.
    public func slice(_ range: TextRange) -> Substring { text.slice(range) }

    /// Number of UTF-8 bytes in the text.
    public var byteCount: Int { text.utf8.count }

    /// The tokens a sentence covers.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> { tokens[sentence.tokens] }
}

/// What a token is, from ICU's word-break rule status refined by the characters it holds.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// A word in an alphabetic script, or a dictionary word in Thai, Lao, Khmer or Burmese.
    case word
    /// A number, including decimals and digit groups ("3.5", "1,000").
    case number
    /// A word of Chinese characters (from ICU's dictionary, refined by Slant).
    case ideograph
    /// A word of Japanese kana (possibly mixed with kanji).
    case kana
    /// Punctuation: periods, commas, quotes, brackets, dashes.
    case punctuation
    /// Symbols: currency, math, arrows and other signs.
    case symbol
    /// Emoji and pictographs, with their modifiers and joiners.
    case emoji
    /// Whitespace: only in the raw ICU mode (`segment` with `mode: icu`), which keeps every ICU segment.
    case space
}

/// A token: a word, number, punctuation mark, symbol or emoji. Whitespace is not a token.
public struct Token: Hashable, Sendable {
    /// The bytes the token covers.
    public var range: TextRange
    /// What the token is.
    public var kind: TokenKind

    public init(range: TextRange, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }

    /// Whether the token is a word, number, ideograph or kana word (not punctuation, a symbol or emoji).
    public var isWordLike: Bool {
        switch kind {
        case .word, .number, .ideograph, .kana: true
        case .punctuation, .symbol, .emoji, .space: false
        }
    }
}

/// A sentence: a range of text without leading or trailing whitespace, and the tokens it covers.
public struct Sentence: Hashable, Sendable {
    /// The bytes the sentence covers, trimmed of surrounding whitespace.
    public var range: TextRange
    /// Indices into ``Document/tokens`` of the tokens inside the sentence (empty until tokens exist).
    public var tokens: Range<Int>
    /// Index into ``Document/zones`` of the zone holding the sentence.
    public var zone: Int

    public init(range: TextRange, tokens: Range<Int> = 0..<0, zone: Int = 0) {
        self.range = range
        self.tokens = tokens
        self.zone = zone
    }
}

/// What kind of block a zone is. Sentences never cross zones.
public enum ZoneKind: String, Sendable, Codable, CaseIterable {
    /// A paragraph of running text.
    case paragraph
    /// A Markdown heading (`#` or underlined).
    case heading
    /// A list item (`-`, `*`, `+`, `1.`).
    case listItem = "list-item"
    /// One cell of a table row (`| a | b |` gives two cells).
    case tableCell = "table-cell"
    /// A block quote line group (`>`).
    case quote
    /// A fenced or indented code block: kept out of sentences and never annotated.
    case code
    /// A thematic break, HTML block or table separator: structure, not prose.
    case markup
}

/// A structural block of the text. ``range`` covers the whole block, markup included; ``content`` the part
/// that holds prose (after `# `, `- `, `> `), where sentences are looked for.
public struct Zone: Hashable, Sendable {
    /// What the block is.
    public var kind: ZoneKind
    /// The whole block, markup included.
    public var range: TextRange
    /// The prose inside the block; empty for code and markup.
    public var content: TextRange

    public init(kind: ZoneKind, range: TextRange, content: TextRange) {
        self.kind = kind
        self.range = range
        self.content = content
    }

    /// Whether sentences are looked for in this zone.
    public var holdsProse: Bool { kind != .code && kind != .markup }
}

/// A sentence chosen for the summary, and why.
public struct SummarySentence: Hashable, Sendable {
    /// Index into ``Document/sentences``.
    public var sentence: Int
    /// The sentence's final score (method score, position prior and preferences combined), from 0 to 1.
    public var score: Double
    /// The order in which it was chosen: 1 for the first pick.
    public var rank: Int

    public init(sentence: Int, score: Double, rank: Int) {
        self.sentence = sentence
        self.score = score
        self.rank = rank
    }
}
