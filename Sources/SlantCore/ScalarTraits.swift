extension Unicode.Scalar {
    // Unicode property lookups search tables; text is mostly ASCII, so these answer ASCII at once and ask the
    // tables for everything else, with the same result as the property they stand for.

    /// `properties.isAlphabetic`, with ASCII answered directly.
    @inlinable public var isAlphabeticScalar: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }

    /// `properties.isWhitespace` (tab, line breaks, space, no-break and other Unicode spaces), with ASCII
    /// answered directly.
    @inlinable public var isWhitespaceScalar: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }

    /// `properties.isLowercase`, with ASCII answered directly.
    @inlinable public var isLowercaseScalar: Bool { value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase }

    /// `properties.isUppercase`, with ASCII answered directly.
    @inlinable public var isUppercaseScalar: Bool { value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase }

    /// `properties.numericType == .decimal` (a digit of some script), with ASCII answered directly.
    @inlinable public var isDecimalDigitScalar: Bool { value < 0x80 ? value >= 0x30 && value <= 0x39 : properties.numericType == .decimal }

    /// `properties.numericType != nil` (digits, numerals, fractions), with ASCII answered directly.
    @inlinable public var hasNumericValue: Bool { value < 0x80 ? value >= 0x30 && value <= 0x39 : properties.numericType != nil }
}

extension StringProtocol {
    /// The text lower-cased byte by byte when it is all ASCII (the same as `lowercased()` there, without
    /// Unicode case tables); nil when it holds anything else.
    public var asciiLowercased: String? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
