import SlantCore

/// Corrections to ICU's sentence boundaries inside one zone.
///
/// ICU follows UAX #29, which knows nothing of abbreviations beyond CLDR's short suppression lists, of
/// initials, of enumerations written inline ("1) … 2) …"), or of exclamations inside a sentence ("Yahoo!").
/// These rules remove false boundaries and add missing ones, using the language's abbreviation table.
struct SentenceRules {
    let abbreviations: Abbreviations
    let language: String

    /// Whether a colon and a space end a sentence in this language.
    let colonEndsSentence: Bool

    init(language: LanguageTag?) {
        self.language = language?.language ?? "und"
        self.abbreviations = Abbreviations.bundled(for: self.language)
        self.colonEndsSentence = Self.colonEndsSentence.contains(self.language)
    }

    /// The corrected boundaries (ascending, ending with `bytes.count`) for ICU's `candidates`.
    func apply(to bytes: UnsafeBufferPointer<UInt8>, candidates: [Int]) -> [Int] {
        var rules = self
        rules.hasQuotationOpener = Self.containsQuotationOpener(bytes)
        return rules.correct(bytes, candidates: candidates)
    }

    /// Whether the zone holds any opening quotation mark or title bracket (most zones hold none, and the
    /// quotation check is skipped).
    private var hasQuotationOpener = true

    private static func containsQuotationOpener(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            if lead == 0xC2, bytes[index + 1] == 0xAB { return true }  // «
            if lead == 0xE2 || lead == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                let last = bytes[index + 2]
                if lead == 0xE2, last == 0x9E || last == 0x9C || last == 0xB9 { return true }  // „ “ ‹
                if lead == 0xE3, last == 0x8A || last == 0x88 || last == 0x8C || last == 0x8E { return true }  // 《 〈 「 『
            }
            index += 1
        }
        return false
    }

    private func correct(_ bytes: UnsafeBufferPointer<UInt8>, candidates: [Int]) -> [Int] {
        var added: [Int] = []
        var removed: [Int] = []
        addMissedBoundaries(bytes, adding: &added, removing: &removed)
        added.append(contentsOf: listItemSplits(bytes, start: 0, end: bytes.count))
        var boundaries = candidates.filter { $0 < bytes.count }
        if !added.isEmpty || !removed.isEmpty {
            let removedSet = Set(removed)
            boundaries = Array(Set(boundaries + added)).filter { !removedSet.contains($0) }.sorted()
        }
        let joined = joinFalseBoundaries(bytes, boundaries)
        var withItems: [Int] = []
        var start = 0
        for end in joined {
            withItems.append(contentsOf: listItemSplits(bytes, start: start, end: end))
            withItems.append(end)
            start = end
        }
        // A second pass only matters where list items split a sentence: every boundary kept by the first
        // pass would be kept again from the same start.
        let final = withItems.count == joined.count ? joined : joinFalseBoundaries(bytes, withItems.filter { $0 < bytes.count })
        return final.map { movePastClosingEmphasis(bytes, $0) }
    }

    /// A boundary right before closing Markdown emphasis ("**Storage.** Without …") moves past it, so the
    /// markers stay with the sentence they close.
    private func movePastClosingEmphasis(_ bytes: UnsafeBufferPointer<UInt8>, _ boundary: Int) -> Int {
        var end = boundary
        while end < bytes.count,
            bytes[end] == UInt8(ascii: "*") || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "~")
                || bytes[end] == UInt8(ascii: "`")
        {
            end += 1
        }
        guard end > boundary, end == bytes.count || ByteText.whitespaceWidth(bytes, at: end) != nil else { return boundary }
        return end
    }

    /// Drops the boundaries that are false; returns the rest plus `bytes.count`.
    private func joinFalseBoundaries(_ bytes: UnsafeBufferPointer<UInt8>, _ boundaries: [Int]) -> [Int] {
        var kept: [Int] = []
        var start = 0
        var quotations = QuotationScan()
        for boundary in boundaries where boundary > start {
            if !shouldJoin(bytes, start: start, boundary: boundary, quotations: &quotations) {
                kept.append(boundary)
                start = boundary
            }
        }
        kept.append(bytes.count)
        return kept
    }

    // MARK: boundaries ICU misses

    /// Adds boundaries that ICU does not see: after a sentence's period before a number ("… raak. 81
    /// procent"), before an ellipsis that opens a sentence ("raak. ...en toen"), after the period of
    /// "word. . . . Next" (the spaced ellipsis opens the next sentence), between run-together sentences
    /// ("world.Today"), a colon used as a full stop (Armenian, Arabic), and a Greek period before a lower-case
    /// word.
    private func addMissedBoundaries(_ bytes: UnsafeBufferPointer<UInt8>, adding added: inout [Int], removing removed: inout [Int]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), index + 2 < bytes.count, bytes[index + 1] == 0x20 {
                let word = wordBefore(bytes, end: index, limit: 0)
                let isPlainWord =
                    word.unicodeScalars.count >= 3 && word.unicodeScalars.allSatisfy(\.isAlphabeticScalar)
                    && abbreviations.classify(word) == nil && !(index > 0 && bytes[index - 1] == UInt8(ascii: "."))
                if let next = ByteText.scalar(bytes, at: index + 2), next.isLowercaseScalar, endsSentenceBeforeLowercase(word) {
                    added.append(index + 1)
                }
                if isPlainWord {
                    let next = bytes[index + 2]
                    if next >= 0x30, next <= 0x39 { added.append(index + 1) }
                    if next == UInt8(ascii: "."), let after = endOfEllipsis(bytes, at: index + 2),
                        let following = ByteText.scalar(bytes, at: after < bytes.count && bytes[after] == 0x20 ? after + 1 : after),
                        following.isAlphabeticScalar
                    {
                        // "word. ...next" or "word. . . . Next": the sentence ends at the first period and the
                        // ellipsis opens the next one.
                        added.append(index + 1)
                        removed.append(after)
                        removed.append(after + 1)
                    }
                }
            } else if byte == UInt8(ascii: "."), isRunTogether(bytes, period: index) {
                added.append(index + 1)
            } else if byte == UInt8(ascii: ":"), colonEndsSentence, index + 1 < bytes.count, bytes[index + 1] == 0x20 {
                added.append(index + 1)
            }
            index += 1
        }
    }

    /// The end of an ellipsis ("...", ". . .") starting at `index`, if one starts there.
    private func endOfEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[index + 1] == UInt8(ascii: "."),
            bytes[index + 2] == UInt8(ascii: ".")
        {
            var end = index + 3
            while end < bytes.count, bytes[end] == UInt8(ascii: ".") { end += 1 }
            return end
        }
        return endOfSpacedEllipsis(bytes, at: index)
    }

    /// "word.Next" with no space: a lower-case word of two or more letters (not an abbreviation), a period,
    /// and a capital letter, outside anything that looks like an address (no @, /, or further periods).
    private func isRunTogether(_ bytes: UnsafeBufferPointer<UInt8>, period: Int) -> Bool {
        guard period > 0, period + 2 < bytes.count, let next = ByteText.scalar(bytes, at: period + 1), next.isUppercaseScalar,
            let last = ByteText.lastScalar(bytes, before: period), last.isLowercaseScalar
        else { return false }
        let word = wordBefore(bytes, end: period, limit: 0)
        guard word.unicodeScalars.count >= 2, !word.contains("."), abbreviations.classify(word) == nil else { return false }
        var index = period + 1
        while index < bytes.count, let scalar = ByteText.scalar(bytes, at: index), !ByteText.isSpace(scalar) {
            if scalar == "." || scalar == "@" || scalar == "/" || scalar == "_" { return false }
            index += ByteText.width(lead: bytes[index])
        }
        var back = period - word.utf8.count
        while back > 0, let scalar = ByteText.lastScalar(bytes, before: back), !ByteText.isSpace(scalar) {
            if scalar == "@" || scalar == "/" || scalar == "." { return false }
            back = ByteText.start(bytes, before: back)
        }
        return true
    }

    /// The end of a spaced ellipsis ". . ." (three or more) starting at `index`, if one starts there.
    private func endOfSpacedEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var dots = 0
        var position = index
        while position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            dots += 1
            position += 1
            if position + 1 < bytes.count, bytes[position] == 0x20, bytes[position + 1] == UInt8(ascii: ".") { position += 1 }
        }
        return dots >= 3 ? position : nil
    }

    // MARK: joining

    /// Whether the boundary at `boundary` (ending the segment that began at `start`) is false.
    private func shouldJoin(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, boundary: Int, quotations: inout QuotationScan) -> Bool {
        var nextIndex = boundary
        while nextIndex < bytes.count, let width = ByteText.whitespaceWidth(bytes, at: nextIndex) { nextIndex += width }
        guard let next = ByteText.scalar(bytes, at: nextIndex) else { return false }
        var end = boundary
        while end > start, let width = ByteText.whitespaceWidth(bytes, endingAt: end) { end -= width }
        let spaced = nextIndex > end
        if isListMarker(bytes, start: start, end: end) { return true }
        if isInsideQuotation(bytes, start: start, boundary: boundary, scan: &quotations) { return true }
        // Strip closing quotes, brackets and invisible format characters after the terminal mark.
        var coreEnd = end
        var closers = 0
        while coreEnd > start, let scalar = ByteText.lastScalar(bytes, before: coreEnd), isClosing(scalar) || isFormat(scalar) {
            if isClosing(scalar) { closers += 1 }
            coreEnd = ByteText.start(bytes, before: coreEnd)
        }
        guard coreEnd > start, let terminal = ByteText.lastScalar(bytes, before: coreEnd) else { return false }
        let nextIsLower = next.isLowercaseScalar
        if terminal == "!" { return nextIsLower && closers == 0 }  // "Yahoo! in the …"
        if terminal == "?" { return false }
        guard terminal == "." || terminal == "…" else { return false }
        let period = ByteText.start(bytes, before: coreEnd)
        if isBracketedEllipsis(bytes, start: start, periodEnd: coreEnd) { return true }
        if let spacedDots = spacedEllipsisDots(bytes, start: start, end: coreEnd) {
            // ". . ." continues the sentence; ". . . ." is an ellipsis and a full stop.
            return spacedDots == 3 || nextIsLower
        }
        var wordEnd = period
        while wordEnd > start, let scalar = ByteText.lastScalar(bytes, before: wordEnd), isFormat(scalar) {
            wordEnd = ByteText.start(bytes, before: wordEnd)
        }
        let word = wordBefore(bytes, end: wordEnd, limit: start)
        if terminal == "…" || word.isEmpty || word.hasSuffix(".") {  // an ellipsis
            return nextIsLower || (!spaced && next.isAlphabeticScalar)
        }
        if nextIsLower { return !endsSentenceBeforeLowercase(word) }
        var wordClass = abbreviations.classify(word)
        if wordClass == nil, isAcronym(word) { wordClass = .general }
        if wordClass == nil, let spaced = spacedAbbreviation(bytes, word: word, wordEnd: wordEnd, nextIndex: nextIndex, limit: start) {
            wordClass = spaced
        }
        if next.hasNumericValue {
            return wordClass != nil || isInitial(word)
        }
        if next == "№" || next == "#" { return true }
        if isOrdinal(word), abbreviations.isMonth(wordAfter(bytes, from: nextIndex)) { return true }
        if Self.ordinalPeriodLanguages.contains(language), isRomanNumeral(word) { return true }
        switch wordClass {
        case .title?: return true
        case .number?, .general?: return !isSentenceStarter(wordAfter(bytes, from: nextIndex))
        case nil: break
        }
        if isInitial(word), word.unicodeScalars.first?.isUppercaseScalar == true,
            next.isUppercaseScalar || !next.properties.changesWhenCaseMapped
        {
            guard language == "en", word == "I" else { return true }
            // "Albert I. Jones" against "you and I. Did you …": the pronoun ends a sentence.
            return isCapitalised(wordBefore(bytes, end: wordEnd - word.utf8.count, limit: start, skippingSpaces: true))
        }
        return false
    }

    /// Greek abbreviations are listed; after any other word of four or more letters a period ends the
    /// sentence even before a lower-case word (Greek texts often continue in lower case).
    private func endsSentenceBeforeLowercase(_ word: String) -> Bool {
        language == "el" && word.count >= 4 && !word.contains(".") && abbreviations.classify(word) == nil
    }

    /// Languages whose texts use a colon followed by a space as a full stop: Armenian writers type ":" for
    /// the Armenian full stop "։", and Arabic headlines end in a colon ("سؤال وجواب:").
    static let colonEndsSentence: Set<String> = ["hy", "ar"]

    /// Languages that write ordinal numbers with a period ("12. Juni", "XII. pluk").
    static let ordinalPeriodLanguages: Set<String> = [
        "de", "da", "no", "nb", "nn", "is", "fi", "et", "lv", "lt", "cs", "sk", "pl", "sl", "hr", "bs", "sr", "hu", "tr",
    ]

    /// Roman numerals of two or more letters ("XII", "IV"), upper case.
    private func isRomanNumeral(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { "IVXLCDM".contains($0) }
    }

    /// The class of an abbreviation written in parts with spaces ("z. B.", "p. ex.", "т. е."): the part
    /// before the period joined with the part after it ("z" + "B" → "z.b"), or with the part before it
    /// ("B" after "z." → "z.b").
    private func spacedAbbreviation(
        _ bytes: UnsafeBufferPointer<UInt8>, word: String, wordEnd: Int, nextIndex: Int, limit: Int
    )
        -> Abbreviations.Class?
    {
        guard word.count <= 3 else { return nil }
        let nextWord = wordAfter(bytes, from: nextIndex)
        let afterNext = nextIndex + nextWord.utf8.count
        if !nextWord.isEmpty, nextWord.count <= 3, afterNext < bytes.count, bytes[afterNext] == UInt8(ascii: "."),
            let joined = abbreviations.classify(word + "." + nextWord)
        {
            return joined == .title ? .title : .general
        }
        var before = wordEnd - word.utf8.count
        guard before >= limit + 3, bytes[before - 1] == 0x20, bytes[before - 2] == UInt8(ascii: ".") else { return nil }
        before -= 2
        let previous = wordBefore(bytes, end: before, limit: limit)
        guard !previous.isEmpty, previous.count <= 3 else { return nil }
        return abbreviations.classify(previous + "." + word)
    }

    /// A day or ordinal number written with a period ("12." in "am 12. Juni").
    private func isOrdinal(_ word: String) -> Bool {
        (1...2).contains(word.count) && word.unicodeScalars.allSatisfy { $0.isDecimalDigitScalar }
    }

    /// Invisible format characters (bidi marks and embeddings) that may sit around a period.
    private func isFormat(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0xAD && scalar.properties.generalCategory == .format }

    /// "[...]" or "(…)": an omission mark, not a sentence end.
    private func isBracketedEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, periodEnd: Int) -> Bool {
        guard periodEnd < bytes.count, let closer = ByteText.scalar(bytes, at: periodEnd), closer == "]" || closer == ")" else {
            return false
        }
        var index = periodEnd
        var dots = 0
        while index > start, bytes[index - 1] == UInt8(ascii: ".") {
            dots += 1
            index -= 1
        }
        if dots == 0, index >= start + 3, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80, bytes[index - 1] == 0xA6 {
            dots = 3
            index -= 3
        }
        return dots >= 3 && index > start && (bytes[index - 1] == UInt8(ascii: "[") || bytes[index - 1] == UInt8(ascii: "("))
    }

    /// How many dots end the segment in a spaced run (". . ." or ". . . ."), when the run starts after a space.
    private func spacedEllipsisDots(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
        var index = end
        var dots = 0
        while index > start, bytes[index - 1] == UInt8(ascii: ".") {
            dots += 1
            index -= 1
            if index - 1 > start, bytes[index - 1] == 0x20, bytes[index - 2] == UInt8(ascii: ".") { index -= 1 }
        }
        guard dots >= 3, index > start, bytes[index - 1] == 0x20 else { return nil }
        return dots
    }

    /// The marks that close the quotation or title that `opener` opens ("„" closes with "“" or "”"), or nil
    /// when `opener` opens none.
    fileprivate static func closers(of opener: Unicode.Scalar) -> (Unicode.Scalar, Unicode.Scalar)? {
        switch opener {
        case "„": ("“", "”")
        case "“": ("”", "”")
        case "«": ("»", "»")
        case "‹": ("›", "›")
        case "「": ("」", "」")
        case "『": ("』", "』")
        case "《": ("》", "》")
        case "〈": ("〉", "〉")
        default: nil
        }
    }

    /// The scalar at `index` when its lead byte can start a quotation mark (all start with C2, E2 or E3; those
    /// bytes are never continuation bytes), so the scan skips everything else byte by byte.
    fileprivate static func quotationCandidate(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = bytes[index]
        guard lead == 0xC2 || lead == 0xE2 || lead == 0xE3 else { return nil }
        return ByteText.scalar(bytes, at: index)
    }

    /// The quotation marks opened and not yet closed in a segment, read up to a position. Boundaries are
    /// tried in ascending order from the same segment start, so each byte is read once per segment, not once
    /// per boundary.
    private struct QuotationScan {
        private var start = -1
        private var position = 0
        private var expected: [(Unicode.Scalar, Unicode.Scalar)] = []

        /// The closers of the innermost quotation still open at `boundary` in the segment from `start`.
        mutating func innermostOpen(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, boundary: Int) -> (Unicode.Scalar, Unicode.Scalar)? {
            if start != self.start || boundary < position {
                self.start = start
                position = start
                expected.removeAll(keepingCapacity: true)
            }
            while position < boundary {
                if let scalar = SentenceRules.quotationCandidate(bytes, at: position) {
                    if let top = expected.last, top.0 == scalar || top.1 == scalar {
                        expected.removeLast()
                    } else if let closers = SentenceRules.closers(of: scalar) {
                        expected.append(closers)
                    }
                }
                position += 1
            }
            return expected.last
        }
    }

    /// Whether the boundary falls inside a quotation or title that opens in this segment and closes soon
    /// after the boundary (within 300 bytes): `„Ich weiß es nicht. Niemand weiß es“, sagte er.`
    private func isInsideQuotation(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, boundary: Int, scan: inout QuotationScan) -> Bool {
        guard hasQuotationOpener, let closers = scan.innermostOpen(bytes, start: start, boundary: boundary) else { return false }
        for ahead in boundary..<min(bytes.count, boundary + 300) {
            guard let scalar = Self.quotationCandidate(bytes, at: ahead) else { continue }
            if scalar == closers.0 || scalar == closers.1 { return true }
            if Self.closers(of: scalar) != nil { return false }
        }
        return false
    }

    private func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return Self.asciiClosers.contains(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return scalar == "\"" || scalar == "'" || scalar == "»" || scalar == "」" || scalar == "』"
        }
    }

    /// The ASCII scalars `isClosing` accepts: close punctuation and straight quotes.
    private static let asciiClosers: Set<UInt8> = [0x22, 0x27, 0x29, 0x5D, 0x7D]

    /// The word ending at `end`: letters, digits, marks, periods and a few signs (°, º, ', ’).
    private func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, limit: Int, skippingSpaces: Bool = false) -> String {
        var end = end
        if skippingSpaces {
            while end > limit, let width = ByteText.whitespaceWidth(bytes, endingAt: end) { end -= width }
        }
        var start = end
        while start > limit {
            let previous = ByteText.start(bytes, before: start)
            guard let scalar = ByteText.scalar(bytes, at: previous), isWordScalar(scalar) else { break }
            start = previous
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The word starting at `start` (letters and marks only).
    private func wordAfter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        var end = start
        while end < bytes.count, let scalar = ByteText.scalar(bytes, at: end),
            scalar.isAlphabeticScalar || scalar == "'" || scalar == "’"
        {
            end += ByteText.width(lead: bytes[end])
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.isAlphabeticScalar || scalar.hasNumericValue || scalar == "." }
        if scalar.isAlphabeticScalar { return true }
        let properties = scalar.properties
        return properties.numericType != nil || scalar == "°"
            || scalar == "º" || scalar == "ª" || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// One letter (an initial or a single-letter abbreviation).
    private func isInitial(_ word: String) -> Bool {
        word.unicodeScalars.count == 1 && word.unicodeScalars.allSatisfy(\.isAlphabeticScalar)
    }

    private func isCapitalised(_ word: String) -> Bool { word.unicodeScalars.first?.isUppercaseScalar ?? false }

    /// Letters in groups of one to three joined by periods: "U.S", "e.g", "Ph.D", "a.m".
    private func isAcronym(_ word: String) -> Bool {
        guard word.utf8.contains(UInt8(ascii: ".")) else { return false }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.unicodeScalars.allSatisfy(\.isAlphabeticScalar)
        }
    }

    private func isSentenceStarter(_ word: String) -> Bool {
        !word.isEmpty && abbreviations.isSentenceStarter(word)
    }

    /// A segment that is only a list marker: "1.", "2.)", "a.", "• 9.".
    private func isListMarker(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard end > start, end - start <= 12, let marker = ListMarker(bytes, at: start, end: end) else { return false }
        if marker.length == end - start { return true }
        guard case .bullet = marker.style else { return false }
        var inner = start + marker.length
        while inner < end, let width = ByteText.whitespaceWidth(bytes, at: inner) { inner += width }
        return ListMarker(bytes, at: inner, end: end).map { $0.length == end - inner } ?? false
    }

    // MARK: splitting

    /// Boundaries inside `start..<end` before the later items of an inline enumeration that the segment
    /// opens with ("1) first 2) second", "a. first b. second", "• first • second").
    private func listItemSplits(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> [Int] {
        var first = start
        while first < end, let width = ByteText.whitespaceWidth(bytes, at: first) { first += width }
        guard let opening = ListMarker(bytes, at: first, end: end) else { return [] }
        var splits: [Int] = []
        var expected = opening.successor
        var index = first + opening.length
        while index < end {
            if let width = ByteText.whitespaceWidth(bytes, at: index), index + width < end,
                let marker = ListMarker(bytes, at: index + width, end: end), marker.matches(expected)
            {
                splits.append(index + width)
                expected = marker.successor
                index += width + marker.length
                continue
            }
            index += ByteText.width(lead: bytes[index])
        }
        return splits
    }
}
