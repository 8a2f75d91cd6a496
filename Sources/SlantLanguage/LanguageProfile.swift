import Foundation
import SlantCore

/// What identifies one language inside its script: frequent function words (and, for the languages Slant scores,
/// frequent word forms no sibling language shares) and characteristic letters.
/// Parsed from `Resources/profiles/<tag>.txt`: `@script NAME`, `@chars LETTERS`, then one word per line.
public struct LanguageProfile: Sendable {
    /// The folder of this module's shipped resources (the language profiles and the Traditional–Simplified Chinese table), for fingerprinting what a build ships.
    public static var resourceFolder: String? { Bundle.module.resourcePath }

    /// The BCP 47 tag: the file name.
    public let tag: String
    /// The script name as written in the file (`Latin`, `Cyrillic`, `Arabic`, `Devanagari`, `Greek`).
    public let script: String
    /// Function words, lower case.
    public let words: Set<String>
    /// Characteristic letters, lower case.
    public let letters: Set<Unicode.Scalar>

    /// Parses a profile file.
    public init(tag: String, parsing text: String) {
        var script = ""
        var words: Set<String> = []
        var letters: Set<Unicode.Scalar> = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@script") {
                script = line.dropFirst("@script".count).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("@chars") {
                letters.formUnion(line.dropFirst("@chars".count).unicodeScalars.filter { !$0.isWhitespaceScalar })
            } else {
                words.insert(line.lowercased())
            }
        }
        self.tag = tag
        self.script = script
        self.words = words
        self.letters = letters
    }

    /// Every profile shipped with Slant, sorted by tag.
    public static let bundled: [LanguageProfile] = {
        guard let directory = Bundle.module.url(forResource: "profiles", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "txt" }.compactMap { url in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return LanguageProfile(tag: url.deletingPathExtension().lastPathComponent, parsing: String(decoding: data, as: UTF8.self))
        }.sorted { $0.tag < $1.tag }
    }()
}
