import SlantCore

/// Corrections to ICU's sentence boundaries inside one zone.
///
/// ICU follows UAX #29, which knows nothing of abbreviations beyond CLDR's short suppression lists, of
/// initials, of enumerations written inline ("1) … 2) …"), or of exclamations inside a sentence ("Yahoo!").
/// These rules remove false boundaries and add missing ones, using the language's abbreviation table.
struct SentenceRules {
    let abbreviations: Abbreviations
    let language: String

    init(language: LanguageTag?) {
        self.language = language?.language ?? "und"
        self.abbreviations = Abbreviations.bundled(for: self.language)
    }

    /// The corrected boundaries (ascending, ending with `bytes.count`) for ICU's `candidates`.
    func apply(to bytes: UnsafeBufferPointer<UInt8>, candidates: [Int]) -> [Int] {
        var joined: [Int] = []
        var start = 0
        for boundary in candidates where boundary < bytes.count {
            if !shouldJoin(bytes, start: start, boundary: boundary) {
                joined.append(boundary)
                start = boundary
            }
        }
        joined.append(bytes.count)
        var result: [Int] = []
        start = 0
        for end in joined {
            result.append(contentsOf: listItemSplits(bytes, start: start, end: end))
            result.append(end)
            start = end
        }
        return result
    }

    // MARK: joining

    /// Whether the boundary at `boundary` (ending the segment that began at `start`) is false.
    private func shouldJoin(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, boundary: Int) -> Bool {
        var nextIndex = boundary
        while nextIndex < bytes.count, let width = ByteText.whitespaceWidth(bytes, at: nextIndex) { nextIndex += width }
        guard let next = ByteText.scalar(bytes, at: nextIndex) else { return false }
        var end = boundary
        while end > start, let width = ByteText.whitespaceWidth(bytes, endingAt: end) { end -= width }
        if isListMarker(bytes, start: start, end: end) { return true }
        // Strip closing quotes and brackets after the terminal mark.
        var coreEnd = end
        while coreEnd > start, let scalar = ByteText.lastScalar(bytes, before: coreEnd), isClosing(scalar) {
            coreEnd = ByteText.start(bytes, before: coreEnd)
        }
        guard coreEnd > start, let terminal = ByteText.lastScalar(bytes, before: coreEnd) else { return false }
        let nextIsLower = next.properties.isLowercase
        if terminal == "!" || terminal == "?" { return nextIsLower && coreEnd == end }
        guard terminal == "." else { return false }
        let period = ByteText.start(bytes, before: coreEnd)
        let word = wordBefore(bytes, end: period, limit: start)
        if word.isEmpty || word.hasSuffix(".") { return nextIsLower }  // an ellipsis
        if nextIsLower { return true }
        let nextWord = wordAfter(bytes, from: nextIndex)
        var wordClass = abbreviations.classify(word)
        if wordClass == nil, isAcronym(word) { wordClass = .general }
        if next.properties.numericType != nil {
            return wordClass != nil || isInitial(word)
        }
        switch wordClass {
        case .title?: return true
        case .number?, .general?: return !isSentenceStarter(nextWord)
        case nil: break
        }
        if isInitial(word), next.properties.isUppercase {
            let before = wordBefore(bytes, end: period - word.utf8.count, limit: start, skippingSpaces: true)
            if language == "en", word == "I" { return isCapitalised(before) }
            return before.isEmpty || isCapitalised(before) || isInitial(before.hasSuffix(".") ? String(before.dropLast()) : before)
        }
        return false
    }

    private func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return scalar == "\"" || scalar == "'" || scalar == "»" || scalar == "」" || scalar == "』"
        }
    }

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
            scalar.properties.isAlphabetic || scalar == "'" || scalar == "’"
        {
            end += ByteText.width(lead: bytes[end])
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || scalar == "." || scalar == "°"
            || scalar == "º" || scalar == "ª" || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// One letter (an initial or a single-letter abbreviation).
    private func isInitial(_ word: String) -> Bool { word.unicodeScalars.count == 1 && word.unicodeScalars.allSatisfy(\.properties.isAlphabetic) }

    private func isCapitalised(_ word: String) -> Bool { word.unicodeScalars.first?.properties.isUppercase ?? false }

    /// Letters in groups of one to three joined by periods: "U.S", "e.g", "Ph.D", "a.m".
    private func isAcronym(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.unicodeScalars.allSatisfy(\.properties.isAlphabetic)
        }
    }

    private func isSentenceStarter(_ word: String) -> Bool {
        !word.isEmpty && abbreviations.isSentenceStarter(word)
    }

    /// A segment that is only a list marker: "1.", "2.)", "a.", "iv)", "• 9.".
    private func isListMarker(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard end > start, end - start <= 12 else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return ListMarker(parsing: Substring(text)).map { $0.length == text.unicodeScalars.count } ?? false
    }

    // MARK: splitting

    /// Boundaries inside `start..<end` before the later items of an inline enumeration that the segment
    /// opens with ("1) first 2) second", "a. first b. second", "• first • second").
    private func listItemSplits(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> [Int] {
        var first = start
        while first < end, let width = ByteText.whitespaceWidth(bytes, at: first) { first += width }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self)
        guard let opening = ListMarker(parsing: Substring(text)) else { return [] }
        var splits: [Int] = []
        var expected = opening.successor
        var offset = 0
        let scalars = Array(text.unicodeScalars)
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            byteOffsets.append(offset)
            offset += String(scalar).utf8.count
        }
        var index = opening.length
        while index < scalars.count {
            if scalars[index].properties.isWhitespace, index + 1 < scalars.count {
                let rest = String(String.UnicodeScalarView(scalars[(index + 1)...]))
                if let marker = ListMarker(parsing: Substring(rest)), marker.matches(expected) {
                    splits.append(first + byteOffsets[index + 1])
                    expected = marker.successor
                    index += marker.length
                    continue
                }
            }
            index += 1
        }
        return splits
    }
}

/// An enumeration marker at the start of text: a number or letter with its punctuation, or a bullet.
struct ListMarker: Equatable {
    enum Style: Equatable {
        case bullet(Unicode.Scalar)
        case number(suffix: String)
        case letter(suffix: String)
    }

    var style: Style
    /// The number (1-based; letters a = 1); 0 for bullets.
    var ordinal: Int
    /// Length in scalars, including the trailing punctuation (not the following space).
    var length: Int

    init?(parsing text: Substring) {
        let scalars = Array(text.unicodeScalars.prefix(16))
        guard let first = scalars.first else { return nil }
        if first == "•" || first == "⁃" || first == "◦" || first == "▪" {
            style = .bullet(first)
            ordinal = 0
            length = 1
            return
        }
        var index = 0
        var value = 0
        while index < scalars.count, index < 3, let digit = scalars[index].properties.numericType == .decimal ? Int(String(scalars[index])) : nil {
            value = value * 10 + digit
            index += 1
        }
        var suffix = ""
        if index > 0 {
            while index < scalars.count, scalars[index] == "." || scalars[index] == ")" {
                suffix.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !suffix.isEmpty, index == scalars.count || scalars[index].properties.isWhitespace else { return nil }
            style = .number(suffix: suffix)
            ordinal = value
            length = index
            return
        }
        guard scalars.count >= 2, first.properties.isLowercase, first.isASCII, scalars[1] == "." || scalars[1] == ")" else { return nil }
        index = 1
        while index < scalars.count, scalars[index] == "." || scalars[index] == ")" {
            suffix.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index].properties.isWhitespace else { return nil }
        style = .letter(suffix: suffix)
        ordinal = Int(first.value) - 0x60
        length = index
    }

    private init(style: Style, ordinal: Int, length: Int) {
        self.style = style
        self.ordinal = ordinal
        self.length = length
    }

    /// The marker expected next.
    var successor: ListMarker { ListMarker(style: style, ordinal: ordinal == 0 ? 0 : ordinal + 1, length: length) }

    /// Whether this marker is `expected` (same style, same ordinal; bullets match any bullet of their kind).
    func matches(_ expected: ListMarker) -> Bool { style == expected.style && ordinal == expected.ordinal }
}
