/// Small helpers for reading UTF-8 bytes around a position: scalars before and after, whitespace widths.
/// All positions are byte offsets; the input is well-formed UTF-8 (Slant repairs input on reading).
public enum ByteText {
    /// The scalar starting at `index`, if any.
    @inlinable public static func scalar<C: RandomAccessCollection<UInt8>>(_ bytes: C, at index: Int) -> Unicode.Scalar?
    where C.Index == Int {
        guard index >= bytes.startIndex, index < bytes.endIndex else { return nil }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.endIndex else { return nil }
        var value: UInt32
        switch length {
        case 1: value = UInt32(lead)
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        default: value = UInt32(lead & 0x07)
        }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Byte width of the scalar starting with `lead`.
    @inlinable public static func width(lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The start of the scalar that ends at `end`.
    @inlinable public static func start<C: RandomAccessCollection<UInt8>>(_ bytes: C, before end: Int) -> Int where C.Index == Int {
        var index = end - 1
        while index > bytes.startIndex, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// The scalar ending at `end`, skipping whitespace first when asked.
    @inlinable public static func lastScalar<C: RandomAccessCollection<UInt8>>(
        _ bytes: C, before end: Int, skippingSpaces: Bool = false
    )
        -> Unicode.Scalar? where C.Index == Int
    {
        var end = end
        while end > bytes.startIndex {
            let start = start(bytes, before: end)
            guard let scalar = scalar(bytes, at: start) else { return nil }
            if skippingSpaces, scalar.isWhitespaceScalar {
                end = start
                continue
            }
            return scalar
        }
        return nil
    }

    /// Width of a whitespace scalar starting at `index`, or nil.
    @inlinable public static func whitespaceWidth<C: RandomAccessCollection<UInt8>>(_ bytes: C, at index: Int) -> Int?
    where C.Index == Int {
        guard let scalar = scalar(bytes, at: index), isSpace(scalar) else { return nil }
        return width(lead: bytes[index])
    }

    /// Width of a whitespace scalar ending at `end`, or nil.
    @inlinable public static func whitespaceWidth<C: RandomAccessCollection<UInt8>>(_ bytes: C, endingAt end: Int) -> Int?
    where C.Index == Int {
        guard end > bytes.startIndex else { return nil }
        let start = start(bytes, before: end)
        guard let scalar = scalar(bytes, at: start), isSpace(scalar) else { return nil }
        return end - start
    }

    /// Whitespace, including no-break and ideographic spaces, and invisible format characters at edges.
    @inlinable public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isWhitespaceScalar || scalar.value == 0xFEFF || scalar.value == 0x200B
    }

    /// Number of scalars in `start..<end`.
    @inlinable public static func scalarCount(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether a scalar ends sentences: . ! ? and their CJK, Arabic, Devanagari, Armenian, Ethiopic forms.
    @inlinable public static func isSentenceTerminal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isSentenceTerminal || scalar == "." || scalar == "…"
    }
}
