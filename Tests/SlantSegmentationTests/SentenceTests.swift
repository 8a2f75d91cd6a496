import Slant
import Testing

/// One case of the multilingual sentence table: texts written for these tests.
struct SentenceCase: CustomTestStringConvertible, Sendable {
    let lang: String
    let text: String
    let expected: [String]
    var testDescription: String { "\(lang): \(text.prefix(30))" }
}

let sentenceTable: [SentenceCase] = [
    SentenceCase(
        lang: "en", text: "Dr. Smith arrived at 5 p.m. yesterday. He said the U.S. economy grew 3.5% in May. Was it enough?",
        expected: ["Dr. Smith arrived at 5 p.m. yesterday.", "He said the U.S. economy grew 3.5% in May.", "Was it enough?"]),
    SentenceCase(
        lang: "en", text: "I live in the U.S. How about you? She works at Yahoo! in London.",
        expected: ["I live in the U.S.", "How about you?", "She works at Yahoo! in London."]),
    SentenceCase(
        lang: "en", text: "Please see p. 55 of the report by John F. Kennedy Jr. and Co. It was published... eventually.",
        expected: ["Please see p. 55 of the report by John F. Kennedy Jr. and Co.", "It was published... eventually."]),
    SentenceCase(
        lang: "de", text: "Am 3. Oktober sprach Dr. Weber z. B. über die Preise. Niemand widersprach.",
        expected: ["Am 3. Oktober sprach Dr. Weber z. B. über die Preise.", "Niemand widersprach."]),
    SentenceCase(
        lang: "de", text: "„Ich weiß es nicht. Niemand weiß es“, sagte sie. Dann ging sie.",
        expected: ["„Ich weiß es nicht. Niemand weiß es“, sagte sie.", "Dann ging sie."]),
    // ICU 72's de@ss=standard would keep this as one sentence; Slant does not use the suppressions.
    SentenceCase(
        lang: "de", text: "Eigentlich schien alles klar. Als die Gemeinde kam, ging es hoch her. Mehrere Redner sprachen.",
        expected: ["Eigentlich schien alles klar.", "Als die Gemeinde kam, ging es hoch her.", "Mehrere Redner sprachen."]),
    SentenceCase(
        lang: "fr", text: "M. Dupont est arrivé à 14 h. Il a parlé des impôts, p. ex. la TVA. C'est tout !",
        expected: ["M. Dupont est arrivé à 14 h.", "Il a parlé des impôts, p. ex. la TVA.", "C'est tout !"]),
    SentenceCase(
        lang: "es", text: "El Sr. García llegó ayer. ¿Vendrá mañana? ¡Claro que sí!",
        expected: ["El Sr. García llegó ayer.", "¿Vendrá mañana?", "¡Claro que sí!"]),
    SentenceCase(
        lang: "it", text: "Il dott. Rossi è arrivato ieri. Ha detto che il 2,5% non basta.",
        expected: ["Il dott. Rossi è arrivato ieri.", "Ha detto che il 2,5% non basta."]),
    SentenceCase(
        lang: "pt", text: "O Sr. Silva chegou cedo. Disse que não sabia de nada.",
        expected: ["O Sr. Silva chegou cedo.", "Disse que não sabia de nada."]),
    SentenceCase(
        lang: "ru", text: "Проф. Иванов приехал в 1999 г. и остался. Он сказал, т. е. намекнул, что всё хорошо.",
        expected: ["Проф. Иванов приехал в 1999 г. и остался.", "Он сказал, т. е. намекнул, что всё хорошо."]),
    SentenceCase(
        lang: "zh-Hans", text: "我们明天去看《摔跤吧！爸爸》好吗？好！据报道，天气可能很好。",
        expected: ["我们明天去看《摔跤吧！爸爸》好吗？", "好！", "据报道，天气可能很好。"]),
    SentenceCase(
        lang: "ja", text: "今日は雨です。明日は晴れるかもしれない！本当？",
        expected: ["今日は雨です。", "明日は晴れるかもしれない！", "本当？"]),
    SentenceCase(lang: "ko", text: "오늘은 비가 온다. 내일은 맑을 것이다.", expected: ["오늘은 비가 온다.", "내일은 맑을 것이다."]),
    SentenceCase(
        lang: "ar", text: "قال الوزير إن الخطة ناجحة. هل هذا صحيح؟ لا أحد يعرف.",
        expected: ["قال الوزير إن الخطة ناجحة.", "هل هذا صحيح؟", "لا أحد يعرف."]),
    SentenceCase(lang: "hi", text: "यह एक परीक्षण है। क्या यह काम करता है? शायद।", expected: ["यह एक परीक्षण है।", "क्या यह काम करता है?", "शायद।"]),
    SentenceCase(
        lang: "en", text: "1) Cut costs 2) Raise taxes 3) Hope for the best",
        expected: ["1) Cut costs", "2) Raise taxes", "3) Hope for the best"]),
    // Inline enumerations: bullets, letters, a skipped number (no split), and "3." that is a number, not an item.
    SentenceCase(
        lang: "de", text: "• Gemüse essen • Sport treiben ◦ schlafen",
        expected: ["• Gemüse essen", "• Sport treiben ◦ schlafen"]),
    SentenceCase(
        lang: "fr", text: "a. manger b. dormir d. courir",
        expected: ["a. manger", "b. dormir d. courir"]),
    SentenceCase(
        lang: "en", text: "1. We paid 3. 5 dollars 2. Then we left",
        expected: ["1. We paid 3. 5 dollars", "2. Then we left"]),
    // A marker alone before its text stays with it: "• 3." opens the item, it is not a sentence.
    SentenceCase(
        lang: "de", text: "• 3. Seien Sie achtsam! • 4. Essen Sie Fisch!",
        expected: ["• 3. Seien Sie achtsam!", "• 4. Essen Sie Fisch!"]),
]

@Suite struct SentenceTests {
    @Test(arguments: sentenceTable)
    func sentencesInManyLanguages(_ example: SentenceCase) throws {
        let document = try segment(example.text, lang: example.lang)
        #expect(sentenceTexts(document) == example.expected)
    }

    @Test func emptyAndWhitespaceOnlyTextsHaveNoSentences() throws {
        for text in ["", "   ", "\n\n\t \n", "\u{3000}\u{00A0}"] {
            let document = try segment(text, lang: "en")
            #expect(document.sentences.isEmpty)
            #expect(document.tokens.isEmpty)
        }
    }

    @Test func sentencesNeverCrossParagraphs() throws {
        let document = try segment("The first paragraph has no end\n\nThe second one does.", lang: "en")
        #expect(sentenceTexts(document) == ["The first paragraph has no end", "The second one does."])
    }

    @Test func wrappedPlainTextStaysOneSentence() throws {
        let text =
            "This is a rather long line of plain text that is wrapped at a fixed width\nso the sentence continues on this line. Then a new one starts.\n"
        #expect(
            sentenceTexts(try segment(text, lang: "en")) == [
                "This is a rather long line of plain text that is wrapped at a fixed width\nso the sentence continues on this line.",
                "Then a new one starts.",
            ])
    }

    @Test func aShortTitleLineIsItsOwnSentence() throws {
        let text = "Council Votes On Bridge\nThe council met on Monday. It voted yes.\n"
        #expect(sentenceTexts(try segment(text, lang: "en")) == ["Council Votes On Bridge", "The council met on Monday.", "It voted yes."])
    }

    @Test func rawICUModeKeepsICUsBoundariesUntrimmed() throws {
        let document = try segment("Mr. Smith left. He slept.", lang: "en", options: ["mode": .string("icu")])
        #expect(sentenceTexts(document) == ["Mr. ", "Smith left. ", "He slept."])
        #expect(document.tokens.contains { $0.kind == .space })
    }

    @Test func aSpaceExtendedByAJoinerOrMarkIsTrimmedAtSentenceEnds() throws {
        // A space followed by a zero-width non-joiner or a combining mark is one grapheme, so a sentence must
        // not end in it (a fuzzer found one that did); `segment` checks the invariants on every sentence.
        let document = try segment("It was fine. \u{200C}Then it rained. \u{0301}Later it stopped. \u{200C}", lang: "en")
        #expect(sentenceTexts(document).count == 3)
        #expect(Array(sentenceTexts(document).prefix(2)) == ["It was fine.", "Then it rained."])
        let hindi = try segment("यह सच है। \u{094B}फिर भी नहीं।", lang: "hi")  // a spacing vowel sign after the space
        #expect(sentenceTexts(hindi).first == "यह सच है।")
        let joined = try segment("Erst kam Regen.\u{200D} Dann Sonne. \u{200C}", lang: "de")
        #expect(sentenceTexts(joined) == ["Erst kam Regen.\u{200D}", "Dann Sonne."])
    }

    @Test func offsetsRoundTripToTheExactBytes() throws {
        let text = "Ça va? Très bien 😀👍🏽. Next: naïve café.\n\n中文句子。日本語の文。"
        let document = try segment(text)
        let bytes = Array(document.text.utf8)
        for range in document.sentences.map(\.range) + document.tokens.map(\.range) {
            let fromBytes = String(decoding: bytes[range.range], as: UTF8.self)
            #expect(fromBytes == String(document.slice(range)))
        }
        #expect(document.sentences.count == 5)
    }
}

@Suite struct MarkdownTests {
    let markdown = """
        # Title *here*

        Some text. More text
        continues here.

        - item one. Still item
          continued
        - item two

        | Name | Value. With period |
        |------|------|
        | c. d | e |

        ```swift
        let notASentence = "No. Really."
        ```

        > A quoted line
        > continues. Second quote.

        ---
        Final paragraph.
        """

    @Test func structureBecomesZonesAndSentencesStayInside() throws {
        let document = try segment(markdown, lang: "en", markdown: true)
        let kinds = document.zones.map(\.kind)
        #expect(kinds.first == .heading)
        #expect(kinds.contains(.listItem))
        #expect(kinds.contains(.tableCell))
        #expect(kinds.contains(.code))
        #expect(kinds.contains(.quote))
        #expect(kinds.contains(.markup))
        let sentences = sentenceTexts(document)
        #expect(sentences.first == "Title *here*")
        #expect(sentences.contains("Some text."))
        #expect(sentences.contains("More text\ncontinues here."))
        #expect(sentences.contains("item one."))
        #expect(sentences.contains("Still item\n  continued"))
        #expect(sentences.contains("item two"))
        #expect(sentences.contains("Name"))
        #expect(sentences.contains("Value."))
        #expect(sentences.contains("Second quote."))
        #expect(sentences.last == "Final paragraph.")
        #expect(!sentences.contains { $0.contains("notASentence") })
        #expect(!document.tokens.contains { document.slice($0.range) == "notASentence" })
    }

    @Test func closingEmphasisStaysWithItsSentence() throws {
        let document = try segment("**Storage.** Without batteries, power is lost. *Really.* Yes.", lang: "en", markdown: true)
        #expect(sentenceTexts(document) == ["**Storage.**", "Without batteries, power is lost.", "*Really.*", "Yes."])
    }

    @Test func anUnclosedFenceRunsToTheEnd() throws {
        let document = try segment("Intro text.\n\n```\ncode. more code.\n", lang: "en", markdown: true)
        #expect(sentenceTexts(document) == ["Intro text."])
    }

    @Test func aPlainTextTitleLineIsAHeading() {
        let titled = ZoneScanner(markdown: false).zones(of: "Council Votes On Bridge Repairs\n\nThe council met. It voted.")
        #expect(titled.map(\.kind) == [.heading, .paragraph])
        let sentence = ZoneScanner(markdown: false).zones(of: "It rained all day.\n\nMore text followed.")
        #expect(sentence.map(\.kind) == [.paragraph, .paragraph])
        let alone = ZoneScanner(markdown: false).zones(of: "Just a short line")
        #expect(alone.map(\.kind) == [.paragraph])
    }

    @Test func plainTextModeIgnoresMarkdownSyntax() throws {
        let document = try segment("# Not a heading. Just text.", lang: "en", markdown: false)
        #expect(document.zones.map(\.kind) == [.paragraph])
        #expect(sentenceTexts(document) == ["# Not a heading.", "Just text."])
    }
}
