/// Writes compact JSON into a byte buffer, keys in the order given, so output is byte-identical across runs.
/// Strings are escaped per RFC 8259; non-ASCII text is written as UTF-8, not `\u` escapes.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Opens an object (as a value).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// Closes the current object.
    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array (as a value).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// Closes the current array.
    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a key; the next call writes its value.
    /// Appends, as values of the current array, the values `fragment` wrote at its top level (a fresh writer
    /// separates top-level values with commas): pieces of one array written apart, then joined in order.
    public mutating func appendValues(of fragment: JSONWriter) {
        guard !fragment.bytes.isEmpty else { return }
        separate()
        bytes += fragment.bytes
    }

    public mutating func key(_ name: String) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    /// Writes a string value.
    public mutating func string<S: StringProtocol>(_ value: S) {
        separate()
        appendString(value)
    }

    /// Writes an integer value.
    public mutating func integer(_ value: Int) {
        separate()
        appendDigits(of: value)
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative), with no string in between.
    private mutating func appendDigits(of value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Writes a number with at most `digits` decimals, trailing zeros removed (deterministic formatting).
    public mutating func number(_ value: Double, digits: Int = 4) {
        separate()
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            appendDigits(of: Int(rounded))
        } else {
            bytes.append(contentsOf: String(rounded).utf8)
        }
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes null.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `key: string` in one call.
    public mutating func field<S: StringProtocol>(_ name: String, _ value: S) {
        key(name)
        string(value)
    }

    /// `key: integer` in one call.
    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    private mutating func appendString<S: StringProtocol>(_ value: S) {
        bytes.append(UInt8(ascii: "\""))
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if written == nil { Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0) } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a byte is written escaped: controls, the quotation mark, the backslash and DEL.
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F }

    /// Appends UTF-8 with JSON escapes: runs that need none are copied at once.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.contains(where: Self.needsEscape) else {
            bytes.append(contentsOf: utf8)
            return
        }
        var runStart = 0
        for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
