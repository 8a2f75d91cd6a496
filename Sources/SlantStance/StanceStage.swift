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

    /// Lexicon files given by the user, parsed when the stage is built (so errors show before any input is
    /// read), by language.
    private let extraLexicons: [String: [(name: String, text: String)]]
    /// Annotators built on first use of each language: loading every lexicon would cost start-up time for
    /// languages a run never sees.
    private let cache = AnnotatorCache()

    /// Builds the stage with the shipped lexicons plus `extraLexicons` (paths).
    /// - Throws: ``StageError/invalidOption(stage:option:message:)`` naming `file:line` for a bad lexicon.
    public init(extraLexicons: [String] = []) throws(StageError) {
        var extra: [String: [(name: String, text: String)]] = [:]
        do throws(LexiconError) {
            for path in extraLexicons {
                let language = String(URL(fileURLWithPath: path).lastPathComponent.split(separator: ".").first ?? "und")
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw LexiconError(path, "cannot read the lexicon file (is it UTF-8 text?)")
                }
                _ = try Lexicon(parsing: text, language: language, name: path)  // report errors now
                extra[language, default: []].append((path, text))
            }
        } catch {
            throw .invalidOption(stage: Self.name, option: "lexicon", message: error.description)
        }
        self.extraLexicons = extra
    }

    /// Builds the stage from pipeline options.
    public init(options: inout StageOptions) throws(StageError) {
        try self.init(extraLexicons: try options.strings("lexicon", default: []))
    }

    /// The languages the stage has a lexicon for.
    public var languages: [String] { Set(Lexicon.bundledLanguages).union(extraLexicons.keys).sorted() }

    /// The lexicon for a language: the shipped one with the user's files merged over it, or nil.
    private func lexicon(for language: String) throws(StageError) -> Lexicon? {
        do throws(LexiconError) {
            var lexicon = try Lexicon.bundled(for: language)
            for (name, text) in extraLexicons[language] ?? [] {
                var merged = lexicon ?? Lexicon(language: language)
                try merged.merge(parsing: text, name: name)
                lexicon = merged
            }
            return lexicon
        } catch {
            throw .invalidOption(stage: Self.name, option: "lexicon", message: error.description)
        }
    }

    public func process(_ document: inout Document) throws(StageError) {
        let tag = document.language ?? .undetermined
        let traditional = tag.language == "zh" && tag.rawValue.hasSuffix("Hant")
        let key = traditional ? "zh-Hant" : tag.language
        let annotator = try cache.annotator(for: key) { () throws(StageError) -> StanceAnnotator in
            StanceAnnotator(lexicon: try lexicon(for: tag.language), traditionalChinese: traditional)
        }
        if annotator.lexicon == nil, !document.sentences.isEmpty {
            document.diagnostics.append(
                Diagnostic(.note, document.id, "no stance lexicon for '\(tag)': only quotations and questions are marked"))
        }
        annotator.annotate(&document)
    }
}

/// Annotators by language, built once and shared by every thread.
private final class AnnotatorCache: @unchecked Sendable {
    // Safety: `annotators` is only touched while holding `lock`.
    private let lock = NSLock()
    private var annotators: [String: StanceAnnotator] = [:]

    func annotator(for key: String, build: () throws(StageError) -> StanceAnnotator) throws(StageError) -> StanceAnnotator {
        lock.lock()
        defer { lock.unlock() }
        if let annotator = annotators[key] { return annotator }
        let annotator = try build()
        annotators[key] = annotator
        return annotator
    }
}
