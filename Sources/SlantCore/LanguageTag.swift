/// A BCP 47 language tag as Slant reports it: `en`, `zh-Hans`, `zh-Hant`, or `und` when undetermined.
public struct LanguageTag: Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The tag as written, e.g. `zh-Hans`.
    public let rawValue: String

    /// Creates a tag, normalising case the BCP 47 way (`ZH-hans` → `zh-Hans`, `pt-br` → `pt-BR`).
    public init(_ rawValue: String) {
        let parts = rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" })
        var normalised: [String] = []
        for (index, part) in parts.enumerated() {
            if index == 0 {
                normalised.append(part.lowercased())
            } else if part.count == 4 {
                normalised.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2 {
                normalised.append(part.uppercased())
            } else {
                normalised.append(part.lowercased())
            }
        }
        self.rawValue = normalised.isEmpty ? "und" : normalised.joined(separator: "-")
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Whether text is a well-formed tag Slant can hand to ICU as a locale: a language subtag of 2–3 letters
    /// (or `und`), then subtags of 1–8 letters or digits, joined by `-` or `_` (`en`, `zh-Hant`, `pt_BR`).
    public static func isWellFormed<S: StringProtocol>(_ text: S) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "_", omittingEmptySubsequences: false)
        }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The language subtag alone: `zh` for `zh-Hant`.
    public var language: String { String(rawValue.split(separator: "-").first ?? "und") }

    /// Whether the language is undetermined.
    public var isUndetermined: Bool { language == "und" }

    /// The undetermined language.
    public static let undetermined = LanguageTag("und")

    public var description: String { rawValue }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }
}
