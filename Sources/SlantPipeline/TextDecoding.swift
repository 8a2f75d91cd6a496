public import SlantCore

/// Turns bytes read from a file or stream into document text: strips a UTF-8 byte-order mark, repairs
/// invalid UTF-8 with U+FFFD (reporting where), and recognises binary data.
public enum TextDecoding {
    /// Why bytes were refused as text.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The bytes hold NUL bytes or mostly control characters: not a text file.
        case binary

        public var description: String { "binary data (NUL or control bytes), not text: skipped" }
    }

    /// Decodes `bytes` as UTF-8 text.
    /// - Parameter location: where the bytes came from, for the diagnostic.
    /// - Returns: the text and, when bytes were repaired, a warning.
    /// - Throws: ``Refusal/binary`` for binary data.
    public static func decode(_ bytes: some Collection<UInt8>, location: String) throws(Refusal) -> (String, Diagnostic?) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if looksBinary(body) { throw .binary }
        if let valid = String(validating: body, as: UTF8.self) { return (valid, nil) }
        let repaired = String(decoding: body, as: UTF8.self)
        let (count, first) = invalidSequences(body)
        let message = "invalid UTF-8: \(count) ill-formed sequence\(count == 1 ? "" : "s") replaced with U+FFFD (first at byte \(first))"
        return (repaired, Diagnostic(.warning, location, message))
    }

    /// NUL bytes, or more than 10% control bytes other than tab, newline, carriage return and form feed, in
    /// the first 8 KiB.
    static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
        var controls = 0
        var seen = 0
        for byte in bytes.prefix(8192) {
            seen += 1
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        return seen > 0 && controls * 10 > seen
    }

    /// How many ill-formed sequences there are (each maximal ill-formed subpart counts once, as U+FFFD
    /// replacement does) and the byte offset where the first starts.
    static func invalidSequences(_ bytes: some Collection<UInt8>) -> (count: Int, first: Int) {
        let array = Array(bytes)
        var count = 0
        var first = -1
        var index = 0
        while index < array.count {
            let length = validSequenceLength(array, at: index)
            if length > 0 {
                index += length
                continue
            }
            count += 1
            if first < 0 { first = index }
            index += max(1, maximalSubpart(array, at: index))
        }
        return (count, max(first, 0))
    }

    /// The length of the well-formed scalar at `index`, or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        guard (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// How many bytes of a broken sequence at `index` form its maximal ill-formed subpart.
    private static func maximalSubpart(_ bytes: [UInt8], at index: Int) -> Int {
        var length = 1
        while length < 3, index + length < bytes.count, bytes[index + length] & 0xC0 == 0x80,
            bytes[index] >= 0xC2, bytes[index] <= 0xF4
        {
            length += 1
        }
        return length
    }
}
