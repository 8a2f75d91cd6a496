import Testing

@testable import SlantICU

@Suite struct BreakIteratorTests {
    @Test func sentenceBoundariesAreUTF8ByteOffsets() throws {
        // "Café" has a 2-byte é, "😀" is 4 bytes: offsets must count bytes, not characters or UTF-16 units.
        let text = "Café au lait. Très bien! Emoji 😀 here."
        let boundaries = try BreakIterator(.sentence, locale: "en").boundaries(of: text).map(\.offset)
        let bytes = Array(text.utf8)
        #expect(boundaries.last == bytes.count)
        #expect(boundaries.count == 3)
        let first = String(decoding: bytes[0..<boundaries[0]], as: UTF8.self)
        #expect(first == "Café au lait. ")
        let second = String(decoding: bytes[boundaries[0]..<boundaries[1]], as: UTF8.self)
        #expect(second == "Très bien! ")
    }

    @Test func abbreviationSuppressionNeedsTheLocaleKeyword() throws {
        let text = "Mr. Smith left. He slept."
        let plain = try BreakIterator(.sentence, locale: "en").boundaries(of: text)
        let suppressed = try BreakIterator(.sentence, locale: "en@ss=standard").boundaries(of: text)
        #expect(plain.count == 3)
        #expect(suppressed.count == 2)
    }

    @Test func wordStatusesTellWordsNumbersAndIdeographsApart() throws {
        let text = "we paid 3.5 yuan 我们今天"
        let boundaries = try BreakIterator(.word, locale: "zh").boundaries(of: text)
        let statuses = boundaries.map { WordStatus(ruleStatus: $0.ruleStatus) }
        #expect(statuses.contains(.letter))
        #expect(statuses.contains(.number))
        #expect(statuses.contains(.ideograph))
        // "3.5" is one number segment.
        let bytes = Array(text.utf8)
        var start = 0
        var numbers: [String] = []
        for boundary in boundaries {
            if WordStatus(ruleStatus: boundary.ruleStatus) == .number {
                numbers.append(String(decoding: bytes[start..<boundary.offset], as: UTF8.self))
            }
            start = boundary.offset
        }
        #expect(numbers == ["3.5"])
    }

    @Test func thaiIsSegmentedWithADictionary() throws {
        let boundaries = try BreakIterator(.word, locale: "th").boundaries(of: "สวัสดีครับวันนี้อากาศดี")
        #expect(boundaries.count >= 4)
    }

    @Test func wordOffsetsStayOnUTF8BoundariesAcrossScriptsAndPlanes() throws {
        // 1-, 2-, 3- and 4-byte scalars (𠀀 and 😀 are surrogate pairs in ICU's UTF-16), and a Han run
        // broken by the dictionary.
        let text = "a é 中文分词 𠀀𠀁 😀 Ωmega 42"
        let offsets = try BreakIterator(.word, locale: "zh").boundaries(of: text).map(\.offset)
        let bytes = Array(text.utf8)
        #expect(offsets.last == bytes.count)
        #expect(offsets == offsets.sorted())
        for offset in offsets where offset < bytes.count { #expect(bytes[offset] & 0xC0 != 0x80, "offset \(offset) splits a scalar") }
        let pieces = zip([0] + offsets, offsets).map { String(decoding: bytes[$0..<$1], as: UTF8.self) }
        #expect(pieces.joined() == text)
        #expect(pieces.contains("😀") && pieces.contains("42") && pieces.contains("Ωmega"))
    }

    @Test func illFormedBytesGiveOffsetsInsideTheBuffer() throws {
        // Not from a Swift String: a lone continuation byte, a truncated 3-byte sequence, an overlong form.
        let bytes: [UInt8] = [0x61, 0x80, 0x20, 0xE4, 0xB8, 0x20, 0x62, 0xC0, 0xAF, 0x2E, 0x20, 0x63]
        var offsets: [Int] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try BreakIterator(.word).forEachBoundary(in: buffer) { offsets.append($0.offset) }
        }
        #expect(offsets.last == bytes.count)
        #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count)
    }

    @Test func oneIteratorServesTextsOfAnySizeInTurn() throws {
        let iterator = try BreakIterator(.word, locale: "en")
        let long = String(repeating: "word ", count: 5_000)
        for text in ["short text", long, "x", "", "中文 text"] {
            let offsets = try iterator.boundaries(of: text).map(\.offset)
            #expect(offsets.last ?? 0 == text.utf8.count)
        }
        #expect(try iterator.boundaries(of: long).count == 10_000)
    }

    @Test func emptyTextHasNoBoundaries() throws {
        #expect(try BreakIterator(.sentence).boundaries(of: "").isEmpty)
        #expect(try BreakIterator(.word).boundaries(of: "").isEmpty)
    }

    @Test func baseShiftsEveryOffset() throws {
        var text = "One. Two."
        var offsets: [Int] = []
        let iterator = try BreakIterator(.sentence, locale: "en")
        try text.withUTF8 { bytes in
            try iterator.forEachBoundary(in: bytes, base: 100) { offsets.append($0.offset) }
        }
        #expect(offsets == [105, 109])
    }
}

@Suite struct ScriptAndTransformTests {
    @Test func dominantScript() {
        #expect(ScriptCounts("Привет, мир! hello").dominant == .cyrillic)
        #expect(ScriptCounts("我们 are here 在北京").dominant == .latin)  // 7 Latin letters against 5 Han
        #expect(ScriptCounts("مرحبا بالعالم").dominant == .arabic)
        #expect(ScriptCounts("1234 !!!").dominant == nil)
        #expect(ScriptCounts("").letters == 0)
    }

    @Test func scriptNamesRoundTrip() throws {
        let han = try #require(Script(named: "Hani"))
        #expect(han.shortName == "Hani")
        #expect(Script(named: "Cyrillic") == .cyrillic)
        #expect(Script(named: "Nonexistent") == nil)
        #expect(Script(of: "字") == .han)
        #expect(Script(of: "7") == .common)
    }

    @Test func nfcComposesAndFoldingFoldsCaseAndWidth() throws {
        let decomposed = "cafe\u{301}"
        let composed = try TextTransform.nfc.apply(to: decomposed)
        #expect(composed == "café")
        #expect(composed.utf8.count == 5)
        #expect(try TextTransform.isNFC(composed))
        #expect(try !TextTransform.isNFC(decomposed))
        #expect(try TextTransform.caseFold.apply(to: "Straße ΣΑΣ") == "strasse σασ")
        #expect(try TextTransform.nfkcCaseFold.apply(to: "ＡＢＣ１２３") == "abc123")
        #expect(try TextTransform.nfc.apply(to: "") == "")
    }

    @Test func icuVersionIsReported() {
        #expect(ICU.version.split(separator: ".").count >= 2)
    }
}
