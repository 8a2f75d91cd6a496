import Foundation

/// The fields Slant reads from one JSON Lines record: `id`, `text`, `lang` and `format`.
struct JSONLRecord: Equatable {
    /// A field's value, as far as Slant tells values apart.
    enum Value: Equatable {
        case string(String)
        /// A number, as the text an `id` takes from it.
        case number(String)
        case null
        /// Anything else: an array, an object, a boolean.
        case other
    }

    var id: Value?
    var text: Value?
    var lang: Value?
    var format: Value?

    /// The fields of a record JSONSerialization has parsed.
    init(_ object: [String: Any]) {
        func value(_ key: String) -> Value? {
            switch object[key] {
            case nil: nil
            case let text as String: .string(text)
            case let number as NSNumber: .number(number.stringValue)
            case is NSNull: .null
            default: .other
            }
        }
        id = value("id")
        text = value("text")
        lang = value("lang")
        format = value("format")
    }

    private init() {}

    /// Reads a flat object, `{"key": value, …}` with strings, integers of up to 18 digits and null as values
    /// (what nearly every line of a corpus holds) without Foundation, several times faster. Nil for anything
    /// else, valid or not (nested values, booleans, fractions, exponents, long integers, duplicate keys,
    /// escaped keys, a number in `text`, `lang` or `format`, any syntax error): the caller hands such lines to
    /// JSONSerialization, so they get exactly its reading and its error messages.
    static func parseFlat(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONLRecord? {
        var reader = FlatReader(bytes: bytes)
        var record = JSONLRecord()
        var keys: [Range<Int>] = []
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                reader.skipSpace()
                guard let key = reader.plainKey(), !keys.contains(where: { reader.bytes[$0].elementsEqual(reader.bytes[key]) }) else {
                    return nil
                }
                keys.append(key)
                reader.skipSpace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipSpace()
                guard let value = reader.value() else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[key]), as: UTF8.self)
                // A number in Slant's text fields is an error, whose message JSONSerialization words.
                if case .number = value, ["text", "lang", "format"].contains(name) { return nil }
                switch name {
                case "id": record.id = value
                case "text": record.text = value
                case "lang": record.lang = value
                case "format": record.format = value
                default: break
                }
                reader.skipSpace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        reader.skipSpace()
        return reader.atEnd ? record : nil
    }
}

extension JSONLRecord {
    /// `0`, or an optional minus and up to 18 digits without a leading zero.
    static func isPlainInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits.removeFirst() }
        return text == "0" || (!digits.isEmpty && digits.count <= 18 && digits.first != "0" && digits.allSatisfy(\.isASCIIDigit))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

/// A cursor over one line's bytes for ``JSONLRecord/parseFlat(_:)``: every method returns nil (or false)
/// on anything outside the flat subset it reads.
private struct FlatReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A key without escapes, as the range of its bytes.
    mutating func plainKey() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        return start..<(index - 1)
    }

    mutating func value() -> JSONLRecord.Value? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Only plain integers: JSONSerialization may read any other number as a Double, or refuse it
            // ("1e400 is not representable").
            let text = number()
            return JSONLRecord.isPlainInteger(text) ? .number(text) : nil
        default: return nil
        }
    }

    mutating func literal(_ word: String) -> Bool {
        for byte in word.utf8 { guard take(byte) else { return false } }
        return true
    }

    /// The characters a number may be written with, as text (whether they make a number is the caller's
    /// question).
    mutating func number() -> String {
        let start = index
        while index < bytes.count, "0123456789+-.eE".utf8.contains(bytes[index]) { index += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string with its escapes decoded; nil on a control character, a bad escape or a lone surrogate. The
    /// bytes between escapes are copied in runs into one buffer, and not at all when there is no escape.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var decoded: [UInt8] = []
        var escaped = false
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                guard escaped else { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            }
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            escaped = true
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            guard index < bytes.count else { return nil }
            let kind = bytes[index]
            index += 1
            switch kind {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(kind)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard let scalar = unicodeEscape() else { return nil }
                decoded.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
            runStart = index
        }
        return nil
    }

    /// The scalar of a `\u` escape whose `\u` has been read: four hex digits, or a surrogate pair written as
    /// two escapes.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
