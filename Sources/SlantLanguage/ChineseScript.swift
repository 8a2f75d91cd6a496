import Foundation

/// The characters whose Traditional and Simplified forms differ, as pairs, from
/// `Resources/hant-hans.tsv`: used to tell `zh-Hant` from `zh-Hans`, and to read Traditional text with
/// Simplified word lists. Each pair has the same UTF-8 length, so conversion keeps every byte offset.
public struct ChineseScript: Sendable {
    /// Traditional → Simplified.
    public let simplifiedByTraditional: [Unicode.Scalar: Unicode.Scalar]
    /// Characters found only in Simplified writing.
    public let simplifiedOnly: Set<Unicode.Scalar>
    /// Characters found only in Traditional writing.
    public let traditionalOnly: Set<Unicode.Scalar>

    /// Parses the pair file: `traditional<TAB>simplified` per line, `#` comments.
    public init(parsing text: String) {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let traditional = fields[0].unicodeScalars.first, let simplified = fields[1].unicodeScalars.first
            else { continue }
            map[traditional] = simplified
        }
        simplifiedByTraditional = map
        traditionalOnly = Set(map.keys)
        simplifiedOnly = Set(map.values)
    }

    /// The pairs shipped with Slant.
    public static let bundled: ChineseScript = {
        guard let url = Bundle.module.url(forResource: "hant-hans", withExtension: "tsv"), let data = try? Data(contentsOf: url) else {
            return ChineseScript(parsing: "")
        }
        return ChineseScript(parsing: String(decoding: data, as: UTF8.self))
    }()

    /// `text` with Traditional characters replaced by their Simplified forms (same UTF-8 length).
    public func simplified(_ text: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { scalars.append(simplifiedByTraditional[scalar] ?? scalar) }
        return String(scalars)
    }
}
