/// A kind of annotation a stage adds to a ``Document``. Stages declare the layers they require and provide,
/// and a pipeline refuses an order in which a stage runs before what it requires.
///
/// Layers are open: a stage from outside Slant may declare its own (`Layer("sentiment")`).
public struct Layer: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The layer's name as shown in messages.
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { name }
    public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.name < rhs.name }

    /// The text is in Unicode Normalization Form C.
    public static let normalized: Layer = "normalized"
    /// ``Document/language`` is set.
    public static let language: Layer = "language"
    /// ``Document/zones``: paragraphs, headings, list items, table rows, code blocks.
    public static let zones: Layer = "zones"
    /// ``Document/sentences``.
    public static let sentences: Layer = "sentences"
    /// ``Document/tokens``, and each sentence's token range.
    public static let tokens: Layer = "tokens"
    /// ``Document/markers``, ``Document/sentenceScores`` and ``Document/stanceProfile``.
    public static let markers: Layer = "markers"
    /// ``Document/summary``.
    public static let summary: Layer = "summary"
}
