import Foundation
import SlantCore

/// The abbreviations of one language that end in a period, in three classes that decide whether a period
/// after them can end a sentence. Loaded from `Resources/abbreviations/<language>.txt` (see its README).
public struct Abbreviations: Sendable {
    /// The folder of this module's shipped resources (the abbreviation lists), for fingerprinting what a build ships.
    public static var resourceFolder: String? { Bundle.module.resourcePath }

    /// How an abbreviation behaves before the next word.
    public enum Class: Sendable, Equatable {
        /// Always followed by a name in the same sentence ("Mr.", "Dr."): the period never ends a sentence.
        case title
        /// Followed by a number ("p. 55", "No. 5"): the period does not end a sentence before a digit.
        case number
        /// Other abbreviations ("etc.", "U.S."): a sentence ends only before a likely sentence start.
        case general
    }

    private var entries: [String: Class] = [:]
    /// Words that commonly open a sentence (pronouns, articles, conjunctions), lower case: after a general
    /// abbreviation, a capitalised starter signals a new sentence ("… in the U.S. How about you?").
    private var starters: Set<String> = []
    /// Month names and their abbreviations, lower case: "12. Juni" keeps its period inside the sentence.
    private var months: Set<String> = []

    /// An empty table.
    public init() {}

    /// Parses the file format: `[titles]`, `[numbers]`, `[general]` sections, one lower-case abbreviation per
    /// line without its final period, and a `[starters]` section of words that commonly open a sentence;
    /// `#` starts a comment line.
    public init(parsing text: String) {
        var current: Class? = .general
        var section = "general"
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            switch line {
            case "[titles]": (current, section) = (.title, "titles")
            case "[numbers]": (current, section) = (.number, "numbers")
            case "[general]": (current, section) = (.general, "general")
            case "[starters]": (current, section) = (nil, "starters")
            case "[months]": (current, section) = (nil, "months")
            default:
                let key = Abbreviations.key(line)
                guard let current else {
                    if section == "months" { months.insert(key) } else { starters.insert(key) }
                    continue
                }
                // A word listed twice keeps its most permissive class: title, then number, then general.
                if let existing = entries[key], existing == .title || current == .general { continue }
                entries[key] = current
            }
        }
    }

    /// The lookup key: lower case, spaces removed ("z. B" → "z.b").
    static func key<S: StringProtocol>(_ word: S) -> String {
        if let quick = word.quickLowercased(dropping: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return quick }
        return String(word.lowercased().filter { !$0.isWhitespace })
    }

    /// The class of `word` (written without its final period), if it is a known abbreviation.
    public func classify<S: StringProtocol>(_ word: S) -> Class? { entries[Abbreviations.key(word)] }

    /// Whether `word` commonly opens a sentence in this language.
    public func isSentenceStarter<S: StringProtocol>(_ word: S) -> Bool { starters.contains(Abbreviations.key(word)) }

    /// Whether `word` is a month name or abbreviation in this language.
    public func isMonth<S: StringProtocol>(_ word: S) -> Bool { months.contains(Abbreviations.key(word)) }

    /// Adds the entries of `other` that this table lacks (a language's own classes win).
    public mutating func merge(_ other: Abbreviations) {
        entries.merge(other.entries) { own, _ in own }
        starters.formUnion(other.starters)
        months.formUnion(other.months)
    }

    /// Number of entries.
    public var count: Int { entries.count }

    /// The bundled table for a language (empty when Slant has no list for it), merged with the universal
    /// list of abbreviations that appear in text of any language ("Mr.", "Co.", "e.g.", "No.").
    public static func bundled(for language: String) -> Abbreviations {
        cache.table(for: language)
    }

    private static let cache = Cache()

    /// Parses a bundled file, nil when there is none.
    private static func load(_ name: String) -> Abbreviations? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "abbreviations"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return Abbreviations(parsing: String(decoding: data, as: UTF8.self))
    }

    /// Loads each language's file once per process.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: Abbreviations] = [:]

        func table(for language: String) -> Abbreviations {
            lock.lock()
            defer { lock.unlock() }
            if let table = tables[language] { return table }
            var table = Abbreviations.load(language) ?? Abbreviations()
            if language != "universal", let universal = Abbreviations.load("universal") { table.merge(universal) }
            tables[language] = table
            return table
        }
    }
}
