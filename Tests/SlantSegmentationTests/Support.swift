import Slant
import Testing

/// Runs normalize, language (unless `lang` is given) and segment on a text, checking the invariants.
func segment(_ text: String, lang: String? = nil, markdown: Bool = false, options: [String: OptionValue] = [:]) throws -> Document {
    var specs = [StageSpec("normalize")]
    if lang == nil { specs.append(StageSpec("language")) }
    specs.append(StageSpec("segment", options: options))
    let chain = try StageRegistry.standard.makeChain(specs, initialLayers: lang == nil ? [] : [.language])
    var document = Document(id: "test", text: text, isMarkdown: markdown, language: lang.map { LanguageTag($0) })
    try chain.process(&document)
    let problems = document.invariantViolations(trimmedSentences: options["mode"] != .string("icu"))
    #expect(problems.isEmpty, "invariants broken: \(problems)")
    return document
}

/// The sentence texts of a document.
func sentenceTexts(_ document: Document) -> [String] { document.sentences.map { String(document.slice($0.range)) } }

/// The token texts of a document.
func tokenTexts(_ document: Document) -> [String] { document.tokens.map { String(document.slice($0.range)) } }
