public import SlantCore

/// `language`: identifies each document's language, unless it came with one (a JSONL `lang`, `--lang`).
///
/// Options:
/// - `fallback`: the tag to use when identification is unsure (default `und`).
/// - `min-confidence`: below this confidence the fallback is used (default 0.1).
public struct LanguageStage: Stage {
    public static let name = "language"
    public var requires: Set<Layer> { [] }
    public var provides: Set<Layer> { [.language] }

    /// The identifier.
    public var identifier: LanguageIdentifier
    /// The tag for unsure cases.
    public var fallback: LanguageTag
    /// Confidence under which the fallback is used.
    public var minimumConfidence: Double

    public init(
        identifier: LanguageIdentifier = LanguageIdentifier(), fallback: LanguageTag = .undetermined, minimumConfidence: Double = 0.1
    ) {
        self.identifier = identifier
        self.fallback = fallback
        self.minimumConfidence = minimumConfidence
    }

    /// Builds the stage from pipeline options.
    public init(options: inout StageOptions) throws(StageError) {
        self.init(
            fallback: LanguageTag(try options.string("fallback", default: "und")),
            minimumConfidence: try options.number("min-confidence", default: 0.1, in: 0...1)
        )
    }

    public func process(_ document: inout Document) throws(StageError) {
        guard document.language == nil else { return }
        let result = identifier.identify(document.text)
        if result.language.isUndetermined || result.confidence < minimumConfidence {
            document.language = fallback
            document.languageConfidence = result.language.isUndetermined ? 0 : result.confidence
        } else {
            document.language = result.language
            document.languageConfidence = (result.confidence * 1000).rounded() / 1000
        }
    }
}
