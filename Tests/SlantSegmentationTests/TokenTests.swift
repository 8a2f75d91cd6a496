import Slant
import Testing

@Suite struct TokenTests {
    @Test func aTokenCutByASentenceBoundaryIsSplitThere() throws {
        // ICU reads "over.Perhaps" as one word; the rules end a sentence after "over.", so the token is split
        // and re-tokenized (a fuzzer found a quotation marker reaching past its sentence through such a token).
        let document = try segment("He said \"it was over.Perhaps not,\" and left.", lang: "en")
        #expect(sentenceTexts(document) == ["He said \"it was over.", "Perhaps not,\" and left."])
        #expect(tokenTexts(document).contains("over") && tokenTexts(document).contains("Perhaps"))
        for sentence in document.sentences {
            for token in document.tokens[sentence.tokens] { #expect(sentence.range.covers(token.range)) }
        }
        let spanish = try segment("Dijo \"que se fueran de la provincia.Quizás nadie lo sabe.\" Fin.", lang: "es")
        #expect(tokenTexts(spanish).contains("provincia") && tokenTexts(spanish).contains("Quizás"))
    }

    @Test func kindsOfTokens() throws {
        let document = try segment("Hello, world! 👋🏽 café 3.5 € 👨‍👩‍👧", lang: "en")
        let pairs = document.tokens.map { (String(document.slice($0.range)), $0.kind) }
        #expect(pairs.map(\.0) == ["Hello", ",", "world", "!", "👋🏽", "café", "3.5", "€", "👨‍👩‍👧"])
        #expect(pairs.map(\.1) == [.word, .punctuation, .word, .punctuation, .emoji, .word, .number, .symbol, .emoji])
    }

    @Test func combiningMarksStayInsideTheirWord() throws {
        // Without normalization the decomposed é stays one token with its base letter.
        let chain = try StageRegistry.standard.makeChain([StageSpec("segment")], initialLayers: [.language])
        var document = Document(id: "d", text: "cafe\u{301} noir", language: "fr")
        try chain.process(&document)
        #expect(tokenTexts(document) == ["cafe\u{301}", "noir"])
        // With it, the text becomes NFC and the note says offsets refer to the normalized text.
        let normalized = try segment("cafe\u{301} noir", lang: "fr")
        #expect(tokenTexts(normalized) == ["café", "noir"])
        #expect(normalized.diagnostics.contains { $0.message.contains("NFC") })
    }

    @Test func chineseIsSegmentedIntoWordsWithNumbersAndUnitsJoined() throws {
        let document = try segment("１９９８年１２月３１日，我们在北京举行了现代化会议。", lang: "zh-Hans")
        let words = tokenTexts(document)
        #expect(words.contains("１９９８年"))
        #expect(words.contains("１２月"))
        #expect(words.contains("３１日"))
        #expect(words.contains("北京"))
        #expect(words.contains("现代化"))
        #expect(document.tokens.first?.kind == .number)
    }

    @Test func chineseParticlesAndMeasureWordsStandAlone() throws {
        let words = tokenTexts(try segment("这是新的一年。", lang: "zh-Hans"))
        #expect(words.contains("的"))
        #expect(words.contains("一"))
        #expect(words.contains("年"))
    }

    @Test func japaneseKanaWordsAreKana() throws {
        let document = try segment("明日は晴れるかもしれない。", lang: "ja")
        #expect(document.tokens.contains { $0.kind == .kana })
        #expect(document.tokens.contains { $0.kind == .ideograph })
    }

    @Test func mixedScriptText() throws {
        let words = tokenTexts(try segment("我爱New York的pizza，also 東京!", lang: "zh-Hans"))
        #expect(words.contains("New"))
        #expect(words.contains("York"))
        #expect(words.contains("pizza"))
        #expect(words.contains("東京"))
    }

    @Test func thaiAndArabicAndHindiTokens() throws {
        #expect(try segment("วันนี้อากาศดีมาก", lang: "th").tokens.count >= 3)
        #expect(tokenTexts(try segment("قال الوزير إن الخطة ناجحة.", lang: "ar")) == ["قال", "الوزير", "إن", "الخطة", "ناجحة", "."])
        #expect(tokenTexts(try segment("यह एक परीक्षण है।", lang: "hi")) == ["यह", "एक", "परीक्षण", "है", "।"])
    }

    @Test func sentencesKnowTheirTokens() throws {
        let document = try segment("One two. Three four five.", lang: "en")
        #expect(document.sentences.count == 2)
        #expect(document.tokens(of: document.sentences[0]).map { String(document.slice($0.range)) } == ["One", "two", "."])
        #expect(document.tokens(of: document.sentences[1]).count == 4)
    }

    @Test func aLongLineWithoutEndsIsOneSentence() throws {
        let text = String(repeating: "word ", count: 40_000)  // 200 KB, no sentence end
        let document = try segment(text, lang: "en")
        #expect(document.sentences.count == 1)
        #expect(document.tokens.count == 40_000)
    }
}
