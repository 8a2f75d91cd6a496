internal import CICUShim

/// A Unicode script (ISO 15924), as ICU's `UScriptCode`.
public struct Script: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ICU's script code.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The script with an ISO 15924 code or a long name ("Latn", "Cyrillic"); nil when ICU does not know it.
    public init?(named name: String) {
        let code = slant_script_code(name)
        if code < 0 { return nil }
        self.code = code
    }

    /// The script of one code point; `Common` for punctuation and digits, `Inherited` for combining marks.
    public init(of scalar: Unicode.Scalar) { self.code = slant_script_of(Int32(bitPattern: scalar.value)) }

    /// The ISO 15924 four-letter code, e.g. "Latn", "Hani".
    public var shortName: String { String(cString: slant_script_short_name(code)) }

    public var description: String { shortName }

    public static func < (lhs: Script, rhs: Script) -> Bool { lhs.code < rhs.code }

    public static let common = Script(named: "Zyyy")!
    public static let inherited = Script(named: "Zinh")!
    public static let latin = Script(named: "Latn")!
    public static let cyrillic = Script(named: "Cyrl")!
    public static let greek = Script(named: "Grek")!
    public static let arabic = Script(named: "Arab")!
    public static let hebrew = Script(named: "Hebr")!
    public static let devanagari = Script(named: "Deva")!
    public static let han = Script(named: "Hani")!
    public static let hiragana = Script(named: "Hira")!
    public static let katakana = Script(named: "Kana")!
    public static let hangul = Script(named: "Hang")!
    public static let thai = Script(named: "Thai")!
}

/// How many letters of each script a text holds.
public struct ScriptCounts: Sendable {
    /// Letters per script, only scripts that occur.
    public private(set) var counts: [Script: Int]
    /// All letters counted.
    public private(set) var letters: Int

    /// Counts the alphabetic code points of UTF-8 `bytes` per script (ill-formed bytes are skipped).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let limit = Int(slant_script_code_limit())
        var raw = [Int64](repeating: 0, count: limit)
        let total = bytes.withMemoryRebound(to: CChar.self) { chars in
            raw.withUnsafeMutableBufferPointer { slant_script_counts(chars.baseAddress, Int64(chars.count), $0.baseAddress) }
        }
        var counts: [Script: Int] = [:]
        for (code, count) in raw.enumerated() where count > 0 { counts[Script(code: Int32(code))] = Int(count) }
        self.counts = counts
        self.letters = Int(total)
    }

    /// Counts the letters of `text` per script.
    public init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { ScriptCounts($0) }
    }

    /// Letters of one script.
    public subscript(script: Script) -> Int { counts[script] ?? 0 }

    /// The script with the most letters (ties broken by the lower script code), nil for a text without letters.
    public var dominant: Script? {
        counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}
