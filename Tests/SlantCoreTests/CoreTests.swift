import Testing

@testable import SlantCore

@Suite struct TextRangeAndTagTests {
    @Test func rangeRelations() {
        let outer = TextRange(start: 0, end: 10)
        let inner = TextRange(start: 2, end: 5)
        #expect(outer.covers(inner))
        #expect(!inner.covers(outer))
        #expect(inner.overlaps(outer))
        #expect(!TextRange(start: 0, end: 2).overlaps(TextRange(start: 2, end: 4)))
        #expect(inner.shifted(by: 3) == TextRange(start: 5, end: 8))
        #expect(TextRange(start: 1, end: 2) < TextRange(start: 1, end: 3))
    }

    @Test(arguments: [("ZH-hans", "zh-Hans"), ("pt_br", "pt-BR"), ("EN", "en"), ("", "und"), ("sr-latn-rs", "sr-Latn-RS")])
    func languageTagsAreNormalised(input: String, expected: String) {
        #expect(LanguageTag(input).rawValue == expected)
    }

    @Test func sliceUsesByteOffsets() {
        let document = Document(id: "d", text: "né 😀 ok")
        #expect(document.slice(TextRange(start: 0, end: 3)) == "né")
        #expect(document.slice(TextRange(start: 4, end: 8)) == "😀")
    }
}

/// A stage that needs sentences, for ordering checks.
private struct NeedsSentences: Stage {
    static let name = "needs-sentences"
    var requires: Set<Layer> { [.sentences] }
    var provides: Set<Layer> { ["counted"] }
    func process(_ document: inout Document) throws(StageError) {}
}

/// A stage that provides sentences (one per text), with an option.
private struct MakesSentences: Stage {
    static let name = "makes-sentences"
    var requires: Set<Layer> { [] }
    var provides: Set<Layer> { [.sentences] }
    let trim: Bool
    func process(_ document: inout Document) throws(StageError) {
        document.sentences = [Sentence(range: TextRange(start: 0, end: document.byteCount))]
    }
}

@Suite struct StageRegistryTests {
    func registry() -> StageRegistry {
        var registry = StageRegistry()
        registry.register(MakesSentences.self, summary: "one sentence") { options throws(StageError) in
            MakesSentences(trim: try options.bool("trim", default: false))
        }
        registry.register(NeedsSentences.self, summary: "counts") { _ throws(StageError) in NeedsSentences() }
        return registry
    }

    @Test func buildsAChainInOrder() throws {
        let chain = try registry().makeChain([StageSpec("makes-sentences"), StageSpec("needs-sentences")])
        #expect(chain.names == ["makes-sentences", "needs-sentences"])
        var document = Document(id: "x", text: "abc")
        try chain.process(&document)
        #expect(document.layers.contains(.sentences))
        #expect(document.layers.contains("counted"))
    }

    @Test func refusesAStageBeforeWhatItNeedsAndNamesTheProvider() {
        #expect(throws: StageError.missingLayer(stage: "needs-sentences", layer: .sentences, providers: ["makes-sentences"])) {
            try registry().makeChain([StageSpec("needs-sentences")])
        }
    }

    @Test func unknownStagesAndOptionsAreErrorsWithTheKnownNames() {
        #expect(throws: StageError.unknownStage(name: "segmnt", known: ["makes-sentences", "needs-sentences"])) {
            try registry().makeStage(StageSpec("segmnt"))
        }
        #expect(throws: StageError.unknownOption(stage: "makes-sentences", option: "trimm", known: ["trim"])) {
            try registry().makeStage(StageSpec("makes-sentences", options: ["trimm": .bool(true)]))
        }
        #expect(throws: StageError.self) {
            try registry().makeStage(StageSpec("makes-sentences", options: ["trim": .string("yes")]))
        }
    }

    @Test func optionValuesParseFromTheCommandLine() {
        #expect(OptionValue(parsing: "true") == .bool(true))
        #expect(OptionValue(parsing: "12") == .integer(12))
        #expect(OptionValue(parsing: "0.5") == .number(0.5))
        #expect(OptionValue(parsing: "a,b") == .list([.string("a"), .string("b")]))
        #expect(OptionValue(parsing: "icu") == .string("icu"))
    }

    @Test func boundedOptionsAreChecked() throws {
        var options = StageOptions(stage: "s", values: ["n": .integer(50)])
        #expect(throws: StageError.self) { try options.integer("n", default: 1, in: 1...10) }
        var choices = StageOptions(stage: "s", values: ["mode": .string("fast")])
        #expect(throws: StageError.self) { try choices.choice("mode", ["rules", "icu"], default: "rules") }
    }

    @Test func invariantsCatchBrokenLayers() {
        var document = Document(id: "d", text: "né ok")
        document.zones = [Zone(kind: .paragraph, range: TextRange(start: 0, end: 6), content: TextRange(start: 0, end: 6))]
        document.sentences = [Sentence(range: TextRange(start: 0, end: 2))]  // splits é
        #expect(document.invariantViolations().contains { $0.contains("splits a UTF-8 sequence") })
        document.sentences = [Sentence(range: TextRange(start: 0, end: 4))]  // ends with a space
        #expect(document.invariantViolations().contains { $0.contains("whitespace") })
        document.sentences = [Sentence(range: TextRange(start: 0, end: 3)), Sentence(range: TextRange(start: 4, end: 6))]
        #expect(document.invariantViolations().isEmpty)
        document.tokens = [Token(range: TextRange(start: 0, end: 9), kind: .word)]
        #expect(document.invariantViolations().contains { $0.contains("outside the text") })
    }
}

@Suite struct ScalarTraitsTests {
    /// Every scalar, so a fast path that drifts from the Unicode property it stands for fails here.
    @Test func fastPathsAgreeWithUnicodePropertiesOnEveryScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if scalar.isWhitespaceScalar != properties.isWhitespace { disagreements.append("whitespace U+\(String(value, radix: 16))") }
            if scalar.isAlphabeticScalar != properties.isAlphabetic { disagreements.append("alphabetic U+\(String(value, radix: 16))") }
            if scalar.isLowercaseScalar != properties.isLowercase { disagreements.append("lowercase U+\(String(value, radix: 16))") }
            if scalar.isUppercaseScalar != properties.isUppercase { disagreements.append("uppercase U+\(String(value, radix: 16))") }
            if scalar.hasNumericValue != (properties.numericType != nil) { disagreements.append("numeric U+\(String(value, radix: 16))") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test(arguments: [
        "Hello World", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789", "中文ABC分词", "ひらがなカタカナ", "한국어 TEXT", "〈Title〉",
    ])
    func quickLowercasingMatchesLowercased(text: String) {
        #expect(text.quickLowercased() == text.lowercased())
        #expect(text.quickLowercased() == Substring(text).quickLowercased())
    }

    @Test func quickLowercasingHoldsForEveryScalarItAccepts() {
        var accepted = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(scalar)
            guard let quick = text.quickLowercased() else { continue }
            accepted += 1
            #expect(quick == text.lowercased(), "U+\(String(value, radix: 16))")
        }
        #expect(accepted > 20_000)
    }

    @Test func quickLowercasingRefusesOtherTextAndDropsWhatItIsTold() {
        #expect("Größe".quickLowercased() == nil)
        #expect("ＡＢＣ".quickLowercased() == nil)  // full-width Latin has case
        #expect("Ꙁ".quickLowercased() == nil)  // Cyrillic Extended-B, inside U+A000–U+FFFF, has case
        #expect("中\u{3000}文".quickLowercased() == nil)  // the ideographic space
        #expect("Z. B".quickLowercased(dropping: { $0 == 0x20 }) == "z.b")
        #expect(
            "U. S. A. and a long tail past fifteen bytes".quickLowercased(dropping: { $0 == 0x20 }) == "u.s.a.andalongtailpastfifteenbytes")
    }
}
