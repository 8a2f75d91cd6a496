public import SlantCore
public import SlantICU

/// Finds the sentences of a document: ICU's sentence iterator inside each prose zone, then Slant's rules for
/// what ICU gets wrong (abbreviations, initials, list markers, ellipses, "Yahoo!" mid-sentence).
///
/// Sentences never cross zones. Inside a zone, line breaks that only wrap a paragraph are read as spaces
/// (always in Markdown; in plain text when the lines look wrapped), so a wrapped sentence stays whole.
public struct SentenceSplitter: Sendable {
    /// How sentences are found.
    public enum Mode: String, Sendable, CaseIterable {
        /// ICU inside zones, corrected by Slant's rules (the default).
        case rules
        /// ICU's sentence iterator alone over the whole text, untrimmed: reproduces ICU exactly.
        case icu
    }

    /// How sentences are found.
    public var mode: Mode

    public init(mode: Mode = .rules) { self.mode = mode }

    /// The ICU locale for a language.
    ///
    /// CLDR's abbreviation suppressions (`@ss=standard`) are not used: Slant's abbreviation lists do that job
    /// (the pySBD golden rules score the same with and without them), and with ICU 72 they also remove real
    /// boundaries: `de@ss=standard` keeps "… alles klar. Als die …" as one sentence and `en@ss=standard` joins
    /// "Ok. A second one came.".
    public static func icuLocale(for language: LanguageTag?) -> String {
        guard let language, !language.isUndetermined else { return "" }
        return language.language
    }

    /// The sentences of `text` given its zones (ignored in ``Mode/icu``); `markdown` makes every line break
    /// inside a zone soft.
    /// - Throws: ``ICUError`` when ICU fails.
    public func sentences(of text: String, zones: [Zone], language: LanguageTag?, markdown: Bool) throws(ICUError) -> [Sentence] {
        var copy = text
        let result: Result<[Sentence], ICUError> = copy.withUTF8 { bytes in
            Result { () throws(ICUError) in
                switch mode {
                case .icu: try rawSentences(bytes)
                case .rules: try ruledSentences(bytes, zones: zones, language: language, markdown: markdown)
                }
            }
        }
        return try result.get()
    }

    private func rawSentences(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Sentence] {
        let iterator = try BreakIterator(.sentence, locale: "")
        var sentences: [Sentence] = []
        var start = 0
        try iterator.forEachBoundary(in: bytes) { boundary in
            sentences.append(Sentence(range: TextRange(start: start, end: boundary.offset)))
            start = boundary.offset
        }
        return sentences
    }

    private func ruledSentences(
        _ bytes: UnsafeBufferPointer<UInt8>, zones: [Zone], language: LanguageTag?, markdown: Bool
    ) throws(ICUError)
        -> [Sentence]
    {
        let iterator = try BreakIterator(.sentence, locale: SentenceSplitter.icuLocale(for: language))
        let rules = SentenceRules(language: language)
        var sentences: [Sentence] = []
        var masked: [UInt8] = []
        for (zoneIndex, zone) in zones.enumerated() where zone.holdsProse && !zone.content.isEmpty {
            let content = zone.content
            masked.removeAll(keepingCapacity: true)
            masked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[content.range]))
            LineJoiner(kind: zone.kind, markdown: markdown).mask(&masked)
            var candidates: [Int] = []
            let outcome: Result<Void, ICUError> = masked.withUnsafeBufferPointer { buffer in
                Result { () throws(ICUError) in
                    try iterator.forEachBoundary(in: buffer) { candidates.append($0.offset) }
                }
            }
            try outcome.get()
            let boundaries = masked.withUnsafeBufferPointer { rules.apply(to: $0, candidates: candidates) }
            var start = 0
            for end in boundaries {
                if let trimmed = Self.trim(masked, start, end) {
                    sentences.append(Sentence(range: TextRange(trimmed).shifted(by: content.start), zone: zoneIndex))
                }
                start = end
            }
        }
        return sentences
    }

    /// The range without surrounding whitespace, or nil when nothing but whitespace is left. Marks and joiners
    /// that extend a trailing space go with it: a space followed by them is one grapheme, and a sentence
    /// must not end in a space.
    static func trim(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Range<Int>? {
        var lower = start
        var upper = end
        while lower < upper, let width = ByteText.whitespaceWidth(bytes, at: lower) { lower += width }
        while upper > lower {
            if let width = ByteText.whitespaceWidth(bytes, endingAt: upper) {
                upper -= width
                continue
            }
            var extended = upper
            while extended > lower, let scalar = ByteText.lastScalar(bytes, before: extended), extendsGrapheme(scalar) {
                extended = ByteText.start(bytes, before: extended)
            }
            guard extended < upper, ByteText.whitespaceWidth(bytes, endingAt: extended) != nil else { break }
            upper = extended
        }
        return lower < upper ? lower..<upper : nil
    }

    /// Whether a scalar joins the grapheme before it: combining marks, variation selectors, joiners (Extend,
    /// ZWJ) and spacing marks such as Devanagari vowel signs (SpacingMark).
    private static func extendsGrapheme(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300
            && (scalar.properties.isGraphemeExtend || scalar.value == 0x200D || scalar.properties.generalCategory == .spacingMark)
    }
}

/// Decides which line breaks inside a zone only wrap text, and masks them (and block-quote markers) as
/// spaces so ICU reads across them. Masking keeps every byte offset unchanged.
///
/// In Markdown every line break inside a block is soft (CommonMark). In plain text a line break is soft
/// when the next line starts in lower case, or when the line looks wrapped: it does not end a sentence
/// and is nearly as long as the paragraph's longest line, which is itself of wrapping width (≤ 120).
struct LineJoiner {
    let kind: ZoneKind
    let markdown: Bool

    func mask(_ bytes: inout [UInt8]) {
        guard bytes.contains(0x0A) || bytes.contains(0x0D) else { return }
        var lines: [(start: Int, end: Int, next: Int)] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                var next = index + 1
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                lines.append((start, index, next))
                start = next
                index = next
            } else {
                index += 1
            }
        }
        lines.append((start, bytes.count, bytes.count))
        let longest = lines.map { ByteText.scalarCount(bytes, $0.start, $0.end) }.max() ?? 0
        for (number, line) in lines.enumerated().dropLast() {
            let following = lines[number + 1]
            if kind == .quote { maskQuoteMarker(&bytes, from: following.start) }
            guard markdown || isWrapped(bytes, line, nextStart: following.start, longest: longest) else { continue }
            for terminator in line.end..<line.next { bytes[terminator] = 0x20 }
        }
    }

    private func isWrapped(_ bytes: [UInt8], _ line: (start: Int, end: Int, next: Int), nextStart: Int, longest: Int) -> Bool {
        var first = nextStart
        while first < bytes.count, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        if let scalar = ByteText.scalar(bytes, at: first), scalar.isLowercaseScalar { return true }
        guard let last = ByteText.lastScalar(bytes, before: line.end, skippingSpaces: true) else { return false }
        if ByteText.isSentenceTerminal(last) || last == ":" { return false }
        let length = ByteText.scalarCount(bytes, line.start, line.end)
        return longest <= 120 && length * 10 >= longest * 6
    }

    /// Replaces the `>` markers at the start of a quote's continuation line with spaces.
    private func maskQuoteMarker(_ bytes: inout [UInt8], from start: Int) {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">") {
            if bytes[index] == UInt8(ascii: ">") { bytes[index] = 0x20 }
            index += 1
        }
    }
}
