import Slant
import Testing

/// A small lexicon written for these tests, so they check the mechanism whatever the shipped lists say.
let testLexicon = """
    # category\tcue\tweight\toptions
    hedge\tmay\t0.8\tnot-capitalized-inside=yes not-near-number=yes
    hedge\tperhaps\t1.0
    hedge\tsuggest\t1.0\tforms=suggests|suggested
    hedge\tnot necessarily\t1.0
    hedge\tdoubt\t0.8
    booster\tclearly\t1.0\tnot-after=spoke|speak|wrote not-final=yes
    booster\tclear\t0.8
    booster\tmust\t0.8\tonly-before=be|have
    booster\tno doubt\t1.5
    booster\tin fact\t1.0
    attitude\tshameful\t1.5
    attribution\taccording to\t1.0
    self_mention\tI\t1.0\tcase=exact
    engagement\tyou may wonder\t1.0
    negator\tnot\t1
    negator\tn't\t1
    scope-break\tbut\t1
    """

func annotate(_ text: String, lexicon: String = testLexicon, language: String = "en") throws -> Document {
    let parsed = try Lexicon(parsing: lexicon, language: language, name: "test.tsv")
    let chain = try StageRegistry.standard.makeChain([StageSpec("segment")], initialLayers: [.language])
    var document = Document(id: "t", text: text, language: LanguageTag(language))
    try chain.process(&document)
    StanceAnnotator(lexicon: parsed).annotate(&document)
    let problems = document.invariantViolations()
    #expect(problems.isEmpty, "invariants broken: \(problems)")
    return document
}

/// `category:text` for every marker, in order.
func marks(_ document: Document) -> [String] {
    document.markers.map { "\($0.category.rawValue):\(document.slice($0.range))" }
}

@Suite struct CueMatchingTests {
    @Test func multiWordCuesAndForms() throws {
        let document = try annotate("According to the report, the data suggests a change.")
        #expect(marks(document) == ["attribution:According to", "hedge:suggests"])
        #expect(document.markers[1].entry == "suggest")
        #expect(document.markers[0].weight == 1.0)
    }

    @Test func aCueEndingInsideAChineseWordIsFollowedByTheRestOfThatWord() throws {
        let lexicon = "attribution\t说\t0.5\tnot-before=法|服\nhedge\t可能\t1.0\tonly-before=是\n"
        // ICU makes 说法 (claim), 说服 (persuade) and 可能是 single words; 说 alone is the reporting verb.
        let document = try annotate("这种说法不对。他说服了大家。他说会下雨。可能是真的。", lexicon: lexicon, language: "zh")
        #expect(marks(document) == ["attribution:说", "hedge:可能"])
        #expect(document.markers.first?.range.start ?? 0 > document.sentences[2].range.start)
    }

    @Test func onlyBeforeMayListPunctuation() throws {
        let lexicon = "attribution\tadding\t1.0\tonly-before=that|:\n"
        let document = try annotate("He objected, adding: it fails. Adding salt helps. She left, adding that it fails.", lexicon: lexicon)
        #expect(marks(document) == ["attribution:adding", "attribution:adding"])
        #expect(document.markers.map(\.range.start) == [13, 60])
    }

    @Test func arabicMatchesWithOrWithoutItsOptionalMarks() throws {
        let lexicon = "hedge\tربما\t1.0\nbooster\tبالتأكيد\t1.0\nattitude\tفاضحة\t1.0\n"
        // Shadda, fatha and damma, tanween and a tatweel in the text; the cues are written bare.
        let text = "رُبَّما يتأخر المشروع. بالتأكيدِ هذه فضيــحة؟ كلا، إنها فاضحةٌ."
        let document = try annotate(text, lexicon: lexicon, language: "ar")
        #expect(marks(document).filter { !$0.hasPrefix("engagement") } == ["hedge:رُبَّما", "booster:بالتأكيدِ", "attitude:فاضحةٌ"])
        // Marks on a cue apply too: a cue written with a shadda matches bare text.
        let marked = try annotate("ربما يتأخر المشروع.", lexicon: "hedge\tربّما\t1.0\n", language: "ar")
        #expect(marks(marked) == ["hedge:ربما"])
        // Letters are not marks: ة (ta marbuta) and ا (alif) stay apart.
        #expect(try annotate("جاءت المضيفة.", lexicon: "attribution\tالمضيفا\t1.0\n", language: "ar").markers.isEmpty)
    }

    @Test func accentsMayBeLeftOutExceptInShortCues() throws {
        // "désastreux" typed without accents still matches; "nós" (we) never matches "nos" (in the).
        let lexicon = "self_mention\tnós\t1.0\nattitude\tdésastreux\t1.0\n"
        let document = try annotate("Nós achamos o plano desastreux, e nos próximos meses veremos.", lexicon: lexicon, language: "pt")
        #expect(marks(document) == ["self_mention:Nós", "attitude:desastreux"])
    }

    @Test func cuesNeverMatchInsideWords() throws {
        #expect(try annotate("The mayor spoke in Mayfield about perhapsness.").markers.isEmpty)
        #expect(try annotate("According, to me, nothing.").markers.isEmpty)  // punctuation breaks a cue
    }

    @Test func mayTheMonthIsNotAHedge() throws {
        #expect(try annotate("The vote is set for May 5. In May the council met.").markers.isEmpty)
        #expect(marks(try annotate("May we ask? It may rain.")).contains("hedge:may"))
    }

    @Test func mannerClearlyAndDeonticMustAreNotBoosters() throws {
        #expect(try annotate("She spoke clearly about the plan.").markers.isEmpty)
        #expect(try annotate("He explained it clearly.").markers.isEmpty)  // clause-final
        #expect(marks(try annotate("This clearly shows the problem.")) == ["booster:clearly"])
        #expect(try annotate("Visitors must wear helmets.").markers.isEmpty)
        #expect(marks(try annotate("It must be true.")) == ["booster:must"])
    }

    @Test func longerCuesWin() throws {
        #expect(marks(try annotate("You may wonder why.")) == ["engagement:You may wonder"])
        #expect(marks(try annotate("There is no doubt about it.")) == ["booster:no doubt"])
        #expect(marks(try annotate("That is not necessarily true.")) == ["hedge:not necessarily"])
    }

    @Test func negationTurnsBoostersIntoHedgesWithinItsClause() throws {
        let negated = try annotate("It is not clear that the plan works.")
        #expect(marks(negated) == ["hedge:clear"])
        #expect(negated.markers[0].modifiers == ["negated by 'not'", "booster → hedge"])
        #expect(marks(try annotate("It isn't clear at all.")) == ["hedge:clear"])
        // "but" ends the negation's scope, and so does punctuation.
        #expect(marks(try annotate("It is not perfect, but it is clear.")) == ["booster:clear"])
        #expect(marks(try annotate("Not now; clearly later.")) == ["booster:clearly"])
    }

    @Test func exactCaseCues() throws {
        #expect(marks(try annotate("I think so.")) == ["self_mention:I"])
        #expect(try annotate("Chapter i begins.").markers.isEmpty)
    }

    @Test func questionsAndQuotationsInEveryLanguage() throws {
        let english = try annotate("Is this shameful? She said \"we will win this\" yesterday.")
        #expect(marks(english) == ["attitude:shameful", "engagement:?", "attribution:\"we will win this\""])
        let chinese = try annotate("他说：“我们一定会赢。”你相信吗？", lexicon: "", language: "zh")
        #expect(marks(chinese) == ["attribution:“我们一定会赢。”", "engagement:？"])
        let quotedQuestion = try annotate("He asked, \"Is it over now?\"")
        #expect(marks(quotedQuestion) == ["attribution:\"Is it over now?\""])
    }

    @Test func markersInsideQuotationsAreMarkedQuoted() throws {
        let document = try annotate("Critics said \"this is shameful\" today.")
        let attitude = try #require(document.markers.first { $0.category == .attitude })
        #expect(attitude.modifiers == ["quoted"])
    }
}

@Suite struct ScoreTests {
    @Test func certaintyAndSubjectivityFollowTheirFormulas() throws {
        let document = try annotate("In fact this is shameful and perhaps worse.")
        let scores = try #require(document.sentenceScores.first)
        #expect(scores.words == 8)
        #expect(scores.counts[.booster] == 1)
        #expect(scores.counts[.hedge] == 1)
        #expect(scores.counts[.attitude] == 1)
        // certainty = (1.0 − 1.0) / (1.0 + 1.0) = 0; subjectivity: x = (1.0 + 1.5) / 1 sentence = 2.5 → 2.5 / 3.5
        #expect(scores.certainty == 0)
        #expect(scores.sentenceUnits == 1)
        #expect(abs(scores.subjectivity - 2.5 / 3.5) < 1e-9)
        let profile = try #require(document.stanceProfile)
        #expect(abs(profile.rate(.hedge) - 1000.0 / 8) < 1e-9)
    }

    @Test func subjectivityIsTakenAgainstSentencesNotWords() throws {
        let short = try annotate("This shameful plan failed.")
        let long = try annotate("This shameful plan, which the city council approved in March after a long debate, failed in May.")
        let shortScores = try #require(short.stanceProfile)
        let longScores = try #require(long.stanceProfile)
        #expect(shortScores.subjectiveWeight == longScores.subjectiveWeight)
        #expect(longScores.words > 2 * shortScores.words)
        #expect(shortScores.subjectivity > 0)
        #expect(shortScores.subjectivity == longScores.subjectivity)
        // A second, neutral sentence halves x: 1 marker over 2 sentences gives 0.5 / 1.5.
        let two = try #require(try annotate("This shameful plan failed. The council met on Monday.").stanceProfile)
        #expect(two.sentenceUnits == 2)
        #expect(abs(two.subjectivity - (two.subjectiveWeight / 2) / (two.subjectiveWeight / 2 + 1)) < 1e-9)
        #expect(two.subjectivity < shortScores.subjectivity)
    }

    @Test func aRunOfWordsWithoutSentenceBreaksCountsAsSeveralSentences() throws {
        let words = Array(repeating: "the council met and the plan went ahead", count: 15).joined(separator: " and ")
        let document = try annotate("This shameful \(words)")
        let scores = try #require(document.sentenceScores.first)
        #expect(document.sentenceScores.count == 1)
        #expect(scores.words > 2 * StanceScores.wordsPerSentenceUnit)
        #expect(scores.sentenceUnits == Double(scores.words) / Double(StanceScores.wordsPerSentenceUnit))
        let weight = scores.subjectiveWeight
        #expect(weight == 1.5)
        #expect(abs(scores.subjectivity - weight / (weight + scores.sentenceUnits)) < 1e-9)
        #expect(scores.subjectivity < weight / (weight + 2))
        var units = StanceScores()
        units.addSentence(words: 0)
        units.addSentence(words: StanceScores.wordsPerSentenceUnit)
        units.addSentence(words: 90)
        #expect(units.sentenceUnits == 3.5)
    }

    @Test func aTextWithoutMarkersScoresZero() throws {
        let document = try annotate("The bridge opened on Monday.")
        #expect(document.stanceProfile?.certainty == 0)
        #expect(document.stanceProfile?.subjectivity == 0)
        #expect(document.sentenceScores.count == 1)
    }

    @Test func onlyHedgesGiveMinusOne() throws {
        #expect(try annotate("Perhaps it may rain.").stanceProfile?.certainty == -1)
    }
}

@Suite struct LexiconFileTests {
    @Test func errorsNameTheFileAndLine() {
        #expect(
            throws: LexiconError(
                "x.tsv:2",
                "unknown category 'hedges'; use one of hedge, booster, attitude, attribution, self_mention, engagement, negator, scope-break"
            )
        ) {
            try Lexicon(parsing: "hedge\tmay\t1\nhedges\tmight\t1\n", language: "en", name: "x.tsv")
        }
        #expect(throws: LexiconError("x.tsv:1", "weight 'heavy' is not a number from 0 to 2 (0 removes an entry)")) {
            try Lexicon(parsing: "hedge\tmay\theavy\n", language: "en", name: "x.tsv")
        }
        #expect(throws: LexiconError.self) { try Lexicon(parsing: "hedge\tmay\n", language: "en", name: "x.tsv") }
        #expect(throws: LexiconError.self) { try Lexicon(parsing: "hedge\tmay\t1\tsometimes\n", language: "en", name: "x.tsv") }
        #expect(throws: LexiconError.self) { try Lexicon(parsing: "hedge\tmay\t1\tcolour=red\n", language: "en", name: "x.tsv") }
    }

    @Test func laterFilesOverrideAndZeroRemoves() throws {
        var lexicon = try Lexicon(parsing: "hedge\tmay\t1\nbooster\tclearly\t1\n", language: "en", name: "a.tsv")
        try lexicon.merge(parsing: "hedge\tMay\t0.3\nbooster\tclearly\t0\nattitude\tawful\t1.2\n", name: "b.tsv")
        #expect(lexicon.entries.map(\.cue) == ["May", "awful"])
        #expect(lexicon.entries[0].weight == 0.3)
        #expect(lexicon.entries[0].origin == "b.tsv:1")
    }
}
