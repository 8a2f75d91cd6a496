import Foundation
public import SlantCore

/// `stance`: marks hedges, boosters, attitude words, attributions, self-mention and reader engagement in
/// each sentence, and scores sentences and the document (``Layer/markers``).
///
/// Options:
/// - `lexicon`: lexicon files that add to or override the shipped ones. A file's language is the part of its
///   name before the first `.` (`en.tsv`, `en.newsroom.tsv`); an entry with the same category and cue as a
///   shipped one replaces it, and weight 0 removes it.
/// - `detectors`: whether quotations and questions are marked (default true).
public struct StanceStage: Stage {
    public static let name = "stance"
    public var requires: Set<Layer> { [.language, .sentences, .tokens] }
    public var provides: Set<Layer> { [.markers] }

    private let annotators: [String: StanceAnnotator]
    private let traditionalChinese: StanceAnnotator?
    private let fallback: StanceAnnotator

    /// Builds the stage with the shipped lexicons plus `extraLexicons` (paths).
    /// - Throws: ``StageError/invalidOption(stage:option:message:)`` naming `file:line` for a bad lexicon.
    public init(extraLexicons: [String] = []) throws(StageError) {
        var lexicons: [String: Lexicon] = [:]
        do throws(LexiconError) {
            for language in Lexicon.bundledLanguages {
                if let lexicon = try Lexicon.bundled(for: language) { lexicons[language] = lexicon }
            }
            for path in extraLexicons {
                let language = String(URL(fileURLWithPath: path).lastPathComponent.split(separator: ".").first ?? "und")
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw LexiconError(path, "cannot read the lexicon file (is it UTF-8 text?)")
                }
                var lexicon = lexicons[language] ?? Lexicon(language: language)
                try lexicon.merge(parsing: text, name: path)
                lexicons[language] = lexicon
            }
        } catch {
            throw .invalidOption(stage: Self.name, option: "lexicon", message: error.description)
        }
        var annotators: [String: StanceAnnotator] = [:]
        for (language, lexicon) in lexicons { annotators[language] = StanceAnnotator(lexicon: lexicon) }
        self.annotators = annotators
        self.traditionalChinese = lexicons["zh"].map { StanceAnnotator(lexicon: $0, traditionalChinese: true) }
        self.fallback = StanceAnnotator(lexicon: nil)
    }

    /// Builds the stage from pipeline options.
    public init(options: inout StageOptions) throws(StageError) {
        try self.init(extraLexicons: try options.strings("lexicon", default: []))
    }

    /// The languages the stage has a lexicon for.
    public var languages: [String] { annotators.keys.sorted() }

    public func process(_ document: inout Document) throws(StageError) {
        let tag = document.language ?? .undetermined
        let annotator: StanceAnnotator
        if tag.language == "zh", tag.rawValue.hasSuffix("Hant"), let traditionalChinese {
            annotator = traditionalChinese
        } else if let forLanguage = annotators[tag.language] {
            annotator = forLanguage
        } else {
            annotator = fallback
            if !document.sentences.isEmpty {
                document.diagnostics.append(
                    Diagnostic(.note, document.id, "no stance lexicon for '\(tag)': only quotations and questions are marked")
                )
            }
        }
        annotator.annotate(&document)
    }
}
