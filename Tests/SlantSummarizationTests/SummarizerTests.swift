import Foundation
import Slant
import Testing

@testable import SlantSummarization

/// A news-like text written for these tests: ten sentences, two near-duplicates, a heading.
let newsText = """
    # Harbor Bridge Repairs Delayed

    The Millbrook council postponed a vote on repairs to the Old Harbor Bridge on Tuesday.
    Engineers say corrosion in the bridge's steel supports has advanced since the last inspection.
    The council postponed the vote on repairs to the Old Harbor Bridge on Tuesday evening.
    Repairs would cost about four million dollars and close the bridge for six months.
    Local shop owners fear that closing the bridge would cut their trade in half.
    The mayor said the town must find the money without raising property taxes.
    Critics called the delay reckless and demanded a new vote before the summer.
    Ok.
    A second inspection of the bridge supports is planned for next month.
    The council will meet again in June to discuss the engineering report.
    """

func summarize(_ text: String, lang: String = "en", markdown: Bool = true, options: [String: OptionValue]) throws -> Document {
    let chain = try StageRegistry.standard.makeChain(
        [StageSpec("normalize"), StageSpec("segment"), StageSpec("stance"), StageSpec("summarize", options: options)],
        initialLayers: [.language])
    var document = Document(id: "s", text: text, isMarkdown: markdown, language: LanguageTag(lang))
    try chain.process(&document)
    #expect(document.invariantViolations().isEmpty)
    return document
}

func summaryTexts(_ document: Document) -> [String] {
    document.summary.map { String(document.slice(document.sentences[$0.sentence].range)) }
}

@Suite struct SummarizerTests {
    @Test(arguments: ["textrank", "lexrank", "centroid", "lead"])
    func lengthInSentencesAndSourceOrder(_ method: String) throws {
        let document = try summarize(newsText, options: ["method": .string(method), "sentences": .integer(3)])
        #expect(document.summary.count == 3)
        let indices = document.summary.map(\.sentence)
        #expect(indices == indices.sorted())
        #expect(Set(document.summary.map(\.rank)) == [1, 2, 3])
        #expect(!summaryTexts(document).contains("Harbor Bridge Repairs Delayed"))  // headings are not picked alone
        #expect(!summaryTexts(document).contains("Ok."))  // nor very short sentences
    }

    @Test func redundancyControlSkipsTheNearDuplicate() throws {
        let document = try summarize(newsText, options: ["method": .string("lead"), "sentences": .integer(3), "diversity": .number(0.5)])
        let texts = summaryTexts(document)
        #expect(texts.contains { $0.hasPrefix("The Millbrook council postponed") })
        #expect(!texts.contains { $0.hasPrefix("The council postponed the vote") })
        let without = try summarize(newsText, options: ["method": .string("lead"), "sentences": .integer(3), "diversity": .number(1.0)])
        #expect(summaryTexts(without).contains { $0.hasPrefix("The council postponed the vote") })
    }

    @Test func wordAndRatioBudgets() throws {
        let words = try summarize(newsText, options: ["words": .integer(30)])
        let counted = words.summary.reduce(0) { sum, chosen in
            sum + words.tokens(of: words.sentences[chosen.sentence]).filter(\.isWordLike).count
        }
        #expect(counted <= 30)
        #expect(!words.summary.isEmpty)
        let ratio = try summarize(newsText, options: ["ratio": .number(0.5)])
        #expect(ratio.summary.count == 6)  // half of 12 sentences, rounded up
        #expect(throws: StageError.self) { try summarize(newsText, options: ["words": .integer(10), "sentences": .integer(2)]) }
    }

    @Test func preferNeutralAvoidsLoadedAndAttributedSentences() throws {
        let neutral = try summarize(
            newsText, options: ["method": .string("centroid"), "sentences": .integer(4), "prefer": .string("neutral")])
        #expect(!summaryTexts(neutral).contains { $0.hasPrefix("Critics called the delay reckless") })
        for chosen in neutral.summary where summaryTexts(neutral).isEmpty == false { _ = chosen }
    }

    @Test func degenerateInputs() throws {
        #expect(try summarize("", options: [:]).summary.isEmpty)
        #expect(try summarize("   \n\n", options: [:]).summary.isEmpty)
        let one = try summarize("Only one sentence here about the bridge.", options: ["sentences": .integer(3)])
        #expect(summaryTexts(one) == ["Only one sentence here about the bridge."])
        let duplicates = try summarize(
            String(repeating: "The same sentence again and again. ", count: 20), options: ["sentences": .integer(3)])
        #expect(duplicates.summary.count == 3)
        let short = try summarize("Yes. No. Maybe so.", options: ["sentences": .integer(1)])
        #expect(short.summary.count == 1)  // only short sentences: still one is chosen
    }

    @Test func chineseAndJapaneseAreSummarizedOverWordsAndBigrams() throws {
        let chinese = """
            青川市政府批准了电池厂扩建计划。环保组织担心扩建会加重河流污染。\
            电池厂扩建计划预计创造八百个就业岗位。市政府表示将加强对电池厂的环境监测。天气很好。
            """
        let document = try summarize(chinese, lang: "zh-Hans", markdown: false, options: ["sentences": .integer(2)])
        #expect(document.summary.count == 2)
        #expect(summaryTexts(document).allSatisfy { $0.contains("电池厂") || $0.contains("扩建") })
        let japanese = try summarize("東京で新しい橋が開通した。橋の建設には五年かかった。雨が降った。", lang: "ja", markdown: false, options: ["sentences": .integer(1)])
        #expect(japanese.summary.count == 1)
    }

    @Test func summarySentencesCarryStanceWhenStanceRan() throws {
        let document = try summarize(newsText, options: ["sentences": .integer(10)])
        let line = String(decoding: DocumentRecord.line(for: document, parts: [.summary]), as: UTF8.self)
        #expect(line.contains("\"summary\":[{\"start\":"))
        #expect(line.contains("\"stance\":[\"attitude\",\"attribution\"]"))  // "Critics called the delay reckless …"
    }

    @Test func longDocumentsStayFast() throws {
        // 5,000 sentences over a 300-word vocabulary: the inverted index keeps this near-linear.
        var text = ""
        for index in 0..<5_000 { text += "Sentence \(index) talks about topic\(index % 300) and topic\((index * 7) % 300) today. " }
        let document = try summarize(text, markdown: false, options: ["sentences": .integer(5)])
        #expect(document.summary.count == 5)
    }

    @Test func aLargeDocumentGetsTheSameTermsOnOneThreadOrSeveral() async throws {
        // Over a megabyte of English (stemmed) and Chinese and Japanese (character bigrams) sentences, words
        // drawn from a small generator so that most recur across the pieces the threads read: term ids are
        // numbered in order of first occurrence either way, so the vectors and the summary are the same.
        var state: UInt64 = 29
        func pick(_ words: [String]) -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(state >> 33) % words.count]
        }
        // New words keep appearing throughout, so every piece numbers some terms first seen in it.
        let english = (0..<20_000).map { "council\($0)ing" } + ["voted", "bridges", "repairs", "markets", "rivers"]
        let chinese = ["市议会", "桥梁维修", "经济发展", "河流", "研究人员", "新的政策", "居民", "报告"]
        let japanese = ["市議会", "橋の修理", "経済", "研究者たち", "新しい政策"]
        var text = ""
        while text.utf8.count <= DocumentParallelism.minimumBytes + 50_000 {
            text += "The \(pick(english)) \(pick(english)) near the \(pick(english)) today. "
            text += "\(pick(chinese))认为\(pick(chinese))和\(pick(chinese))。"
            text += "\(pick(japanese))は\(pick(japanese))を話した。\n"
        }
        let chain = try StageRegistry.standard.makeChain(
            [StageSpec("normalize"), StageSpec("segment"), StageSpec("summarize", options: ["stem": .bool(true)])],
            initialLayers: [.language])
        let source = Document(id: "large", text: text, language: LanguageTag("en"))
        @Sendable func run(threads: Int) throws -> (vectors: SentenceVectors, summary: [SummarySentence], splits: Bool) {
            try DocumentParallelism.$threads.withValue(threads) {
                var document = source
                try chain.process(&document)
                let vectors = SentenceVectors(document, stopWords: StopWords.list(for: "en"), stem: true)
                return (vectors, document.summary, DocumentParallelism.splits(byteCount: document.byteCount))
            }
        }
        // On a thread of its own, so it does not hold one of the few threads the other suites' tasks run on.
        let (one, three) = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { (try run(threads: 1), try run(threads: 3)) }) }
        }
        #expect(!one.splits && three.splits)
        #expect(one.vectors.count > 10_000)
        #expect(one.vectors.idf.count > 10_000)
        // Compared as booleans: on a failure, the arrays would fill the log.
        let sameTerms = one.vectors.frequencies.map { $0.map(\.term) } == three.vectors.frequencies.map { $0.map(\.term) }
        let sameCounts = one.vectors.frequencies.map { $0.map(\.count) } == three.vectors.frequencies.map { $0.map(\.count) }
        let sameWeights = one.vectors.idf == three.vectors.idf && one.vectors.lengths == three.vectors.lengths
        #expect(sameTerms && sameCounts && sameWeights)
        #expect(!one.summary.isEmpty && one.summary == three.summary)
    }
}

@Suite struct RougeTests {
    @Test func tokenizationFollowsTheHarness() {
        #expect(Rouge.tokens("Hello, WORLD! It's 3.5%") == ["hello", "world", "it", "s", "3", "5"])
        #expect(Rouge.tokens("我们今天去ＮＡＳＡ") == ["我", "们", "今", "天", "去", "nasa"])
        #expect(Rouge.tokens("カタカナとひらがな") == ["カ", "タ", "カ", "ナ", "と", "ひ", "ら", "が", "な"])
        #expect(Rouge.tokens("café naïve") == ["café", "naïve"])
    }

    @Test func scoresComputedByHand() {
        // reference: the cat sat on the mat (6 tokens); summary: the cat on the mat (5 tokens)
        // R1: overlap 5 → P 5/5, R 5/6 → F1 = 10/11. R2: bigrams ref {the cat, cat sat, sat on, on the, the mat},
        // sys {the cat, cat on, on the, the mat} → overlap 3 → P 3/4, R 3/5 → F1 = 2/3. LCS = 5 → F1 = 10/11.
        let scores = Rouge.score(reference: "The cat sat on the mat.", summary: "the cat on the mat")
        #expect(abs(scores.rouge1 - 10.0 / 11.0) < 1e-9)
        #expect(abs(scores.rouge2 - 2.0 / 3.0) < 1e-9)
        #expect(abs(scores.rougeL - 10.0 / 11.0) < 1e-9)
        #expect(Rouge.score(reference: "a b", summary: "c d") == Rouge.Scores(rouge1: 0, rouge2: 0, rougeL: 0))
        #expect(Rouge.score(reference: "", summary: "x").rouge1 == 0)
        // LCS counts order: reference "a b c d", summary "d c b a" → LCS 1 → F1 = 1/4.
        #expect(abs(Rouge.score(reference: "a b c d", summary: "d c b a").rougeL - 0.25) < 1e-9)
    }
}

@Suite struct StemmingTests {
    @Test func snowballStemsThroughTheShim() throws {
        let english = try #require(Stemmer(language: "en"))
        #expect(english.stem("councils") == "council")
        #expect(english.stem("running") == "run")
        let french = try #require(Stemmer(language: "fr"))
        #expect(french.stem("nationales") == "national")
        let russian = try #require(Stemmer(language: "ru"))
        #expect(russian.stem("городами") == "город")
        #expect(Stemmer(language: "zh") == nil)
        #expect(english.stem(String(repeating: "a", count: 1000)).count == 1000)  // longer than the buffer: unchanged
    }

    @Test func theOptionReachesTheSummarizer() throws {
        let text =
            "The city councils voted today. The council votes again soon. Bananas are yellow fruit today. Weather stays calm tomorrow."
        let stemmed = try summarize(
            text, markdown: false,
            options: ["sentences": .integer(2), "stem": .bool(true), "position": .number(0), "diversity": .number(1)])
        #expect(summaryTexts(stemmed) == ["The city councils voted today.", "The council votes again soon."])
    }
}
