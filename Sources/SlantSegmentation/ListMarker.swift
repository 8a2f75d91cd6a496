import SlantCore

/// An enumeration marker at the start of text: a number or letter with its punctuation ("1.", "2)", "a."), or a
/// bullet ("•", "⁃", "◦", "▪"). Parsed from UTF-8 bytes; every marker is ASCII but the bullets.
struct ListMarker: Equatable {
    enum Style: Equatable {
        case bullet(Unicode.Scalar)
        case number(suffix: String)
        case letter(suffix: String)
    }

    var style: Style
    /// The number (1-based; letters a = 1); 0 for bullets.
    var ordinal: Int
    /// Length in bytes, including the trailing punctuation (not the following space).
    var length: Int

    /// The marker starting at `start`, if one does, in `bytes[start..<end]`. A marker must be followed by
    /// whitespace or the end; only its first 16 bytes are read.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) {
        let limit = min(end, start + 16)
        guard start < limit else { return nil }
        if let bullet = Self.bullet(bytes, at: start, limit: limit) {
            style = .bullet(bullet)
            ordinal = 0
            length = 3
            return
        }
        var index = start
        var value = 0
        while index < limit, index < start + 3, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        if index > start {
            guard let suffixEnd = Self.suffixEnd(bytes, from: index, limit: limit) else { return nil }
            style = .number(suffix: String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<suffixEnd]), as: UTF8.self))
            ordinal = value
            length = suffixEnd - start
            return
        }
        let first = bytes[start]
        guard first >= 0x61, first <= 0x7A, let suffixEnd = Self.suffixEnd(bytes, from: start + 1, limit: limit) else { return nil }
        style = .letter(suffix: String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<suffixEnd]), as: UTF8.self))
        ordinal = Int(first) - 0x60
        length = suffixEnd - start
    }

    private init(style: Style, ordinal: Int, length: Int) {
        self.style = style
        self.ordinal = ordinal
        self.length = length
    }

    /// The bullet at `index` (all four are three bytes, E2 …), if there is one.
    private static func bullet(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Unicode.Scalar? {
        guard bytes[index] == 0xE2, index + 2 < limit else { return nil }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0xA2): return "•"
        case (0x81, 0x83): return "⁃"
        case (0x97, 0xA6): return "◦"
        case (0x96, 0xAA): return "▪"
        default: return nil
        }
    }

    /// The end of a run of "." and ")" starting at `index`, when the run is not empty and whitespace or the
    /// limit follows it.
    private static func suffixEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int? {
        var end = index
        while end < limit, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") { end += 1 }
        guard end > index else { return nil }
        guard end == limit || ByteText.scalar(bytes, at: end).map({ $0.isWhitespaceScalar }) == true else { return nil }
        return end
    }

    /// The marker expected next.
    var successor: ListMarker { ListMarker(style: style, ordinal: ordinal == 0 ? 0 : ordinal + 1, length: length) }

    /// Whether this marker is `expected` (same style, same ordinal; bullets match any bullet of their kind).
    func matches(_ expected: ListMarker) -> Bool { style == expected.style && ordinal == expected.ordinal }
}
