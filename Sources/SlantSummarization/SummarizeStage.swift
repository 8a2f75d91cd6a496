public import SlantCore

/// `summarize`: chooses the sentences of an extractive summary (``Layer/summary``).
///
/// Options:
/// - `method`: `lexrank` (default: the best measured on the shared sets), `textrank`, `centroid` or `lead`.
/// - `sentences`, `words` or `ratio`: the length budget (default 3 sentences).
/// - `position`: weight of the position prior, 0–1, or `auto` (default: chosen from the share of the document
///   the budget keeps; see ``Summarizer/automaticPositionWeight(share:language:)``).
/// - `diversity`: MMR trade-off, 0–1; lower values avoid repetition more (default 0.7).
/// - `prefer`: `any` (default) or `neutral` (low subjectivity, no attribution; needs the `stance` stage).
/// - `min-words`: shorter sentences are not chosen while longer ones remain (default 4).
/// - `stem`: whether words are stemmed with Snowball before comparing sentences (default false).
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public var requires: Set<Layer> { [.sentences, .tokens] }
    public var provides: Set<Layer> { [.summary] }

    /// The configured summarizer.
    public var summarizer: Summarizer

    public init(summarizer: Summarizer = Summarizer()) { self.summarizer = summarizer }

    /// Builds the stage from pipeline options.
    public init(options: inout StageOptions) throws(StageError) {
        let method = try options.choice("method", SummaryMethod.allCases.map(\.rawValue), default: "lexrank")
        let sentences = try options.integer("sentences", default: 0, in: 0...10_000)
        let words = try options.integer("words", default: 0, in: 0...1_000_000)
        let ratio = try options.number("ratio", default: 0, in: 0...1)
        let given = [sentences > 0, words > 0, ratio > 0].filter { $0 }.count
        guard given <= 1 else {
            throw .invalidOption(stage: Self.name, option: "sentences", message: "give one of sentences, words or ratio")
        }
        let length: SummaryLength = words > 0 ? .words(words) : ratio > 0 ? .ratio(ratio) : .sentences(sentences > 0 ? sentences : 3)
        self.init(
            summarizer: Summarizer(
                method: SummaryMethod(rawValue: method) ?? .lexrank, length: length,
                positionWeight: try Self.position(&options),
                diversity: try options.number("diversity", default: 0.7, in: 0...1),
                preference: SummaryPreference(
                    rawValue: try options.choice("prefer", SummaryPreference.allCases.map(\.rawValue), default: "any"))
                    ?? .any,
                minimumWords: try options.integer("min-words", default: 4, in: 0...100),
                stem: try options.bool("stem", default: false)))
    }

    /// The `position` option: `auto` (nil) or a number from 0 to 1.
    private static func position(_ options: inout StageOptions) throws(StageError) -> Double? {
        if case .string("auto")? = options.values["position"] {
            _ = try options.string("position", default: "auto")
            return nil
        }
        let value = try options.number("position", default: -1, in: -1...1)
        return value < 0 ? nil : value
    }

    public func process(_ document: inout Document) throws(StageError) {
        document.summary = summarizer.summarize(document)
    }
}
