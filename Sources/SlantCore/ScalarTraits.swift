extension Unicode.Scalar {
    // Unicode property lookups search tables; text is mostly ASCII, so these answer ASCII at once and ask the
    // tables for everything else, with the same result as the property they stand for.

    /// `properties.isAlphabetic`, with ASCII and CJK ideographs answered directly.
    @inlinable public var isAlphabeticScalar: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x4E00, value <= 0x9FFF { return true }  // CJK Unified Ideographs, all assigned and alphabetic
        return properties.isAlphabetic
    }

    /// `properties.isWhitespace` (tab, line breaks, space, no-break and other Unicode spaces), answered from
    /// the property's list: White_Space is a small, closed set (25 code points in Unicode 15).
    @inlinable public var isWhitespaceScalar: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `properties.isLowercase`, with ASCII and CJK answered directly.
    @inlinable public var isLowercaseScalar: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return value >= 0x3000 && value <= 0x9FFF ? false : properties.isLowercase  // CJK symbols, kana, ideographs
    }

    /// `properties.isUppercase`, with ASCII and CJK answered directly.
    @inlinable public var isUppercaseScalar: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return value >= 0x3000 && value <= 0x9FFF ? false : properties.isUppercase  // CJK symbols, kana, ideographs
    }

    /// `properties.numericType == .decimal` (a digit of some script), with ASCII answered directly.
    @inlinable public var isDecimalDigitScalar: Bool { value < 0x80 ? value >= 0x30 && value <= 0x39 : properties.numericType == .decimal }

    /// `properties.numericType != nil` (digits, numerals, fractions), with ASCII answered directly.
    @inlinable public var hasNumericValue: Bool { value < 0x80 ? value >= 0x30 && value <= 0x39 : properties.numericType != nil }
}

extension StringProtocol {
    /// The text lower-cased without Unicode's case tables, when every scalar is ASCII, a CJK symbol, kana or
    /// ideograph (U+3001–U+9FFF), or a Hangul syllable: in that text lower-casing changes only the ASCII
    /// capitals, so the result equals `lowercased()`. Nil for any other text. `drop` removes the ASCII bytes it
    /// selects. Written in place: a result of 15 bytes or fewer needs no heap allocation.
    @inlinable public func quickLowercased(dropping drop: (UInt8) -> Bool = { _ in false }) -> String? {
        if let result = utf8.withContiguousStorageIfAvailable({ String.quickLowercased(utf8: $0, dropping: drop) }) { return result }
        return Array(utf8).withUnsafeBufferPointer { String.quickLowercased(utf8: $0, dropping: drop) }
    }
}

extension String {
    /// `StringProtocol.quickLowercased(dropping:)` of well-formed UTF-8 bytes.
    public static func quickLowercased(utf8 bytes: UnsafeBufferPointer<UInt8>, dropping drop: (UInt8) -> Bool = { _ in false }) -> String? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard index + 2 < bytes.count else { return nil }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            // Lead bytes E3–E9 are U+3000–U+9FFF (U+3000 itself is a space, which callers treat apart).
            guard
                (lead >= 0xE3 && lead <= 0xE9 && scalar != 0x3000) || (lead >= 0xEA && lead <= 0xED && scalar >= 0xAC00 && scalar <= 0xD7A3)
            else { return nil }
            index += 3
        }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var written = 0
            for byte in bytes {
                if byte < 0x80, drop(byte) { continue }
                buffer[written] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                written += 1
            }
            return written
        }
    }
}
