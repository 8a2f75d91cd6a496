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
                if case .number(let text) = value, ["text", "lang", "format"].contains(name) || !Self.isPlainInteger(text) {
                    // An error in Slant's fields; elsewhere a number JSONSerialization may read as a Double, or
                    // refuse ("1e400 is not representable").
                    return nil
                }
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
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number().map { .number($0) }
        default: return nil
        }
    }

    mutating func literal(_ word: String) -> Bool {
        for byte in word.utf8 { guard take(byte) else { return false } }
        return true
    }

    /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as its text.
    mutating func number() -> String? {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // A leading zero stands alone.
        } else if digits() == 0 {
            return nil
        }
        if take(UInt8(ascii: ".")), digits() == 0 { return nil }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string with its escapes decoded; nil on a control character, a bad escape or a lone surrogate.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var decoded: [UInt8]? = nil
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard var decoded else {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
                }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
                return String(decoding: decoded, as: UTF8.self)
            }
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            var escaped = decoded ?? []
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            guard index < bytes.count else { return nil }
            let kind = bytes[index]
            index += 1
            switch kind {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped.append(kind)
            case UInt8(ascii: "b"): escaped.append(0x08)
            case UInt8(ascii: "f"): escaped.append(0x0C)
            case UInt8(ascii: "n"): escaped.append(0x0A)
            case UInt8(ascii: "r"): escaped.append(0x0D)
            case UInt8(ascii: "t"): escaped.append(0x09)
            case UInt8(ascii: "u"):
                guard let scalar = unicodeEscape() else { return nil }
                escaped.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
            decoded = escaped
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
