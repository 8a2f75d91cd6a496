import Foundation
public import SlantCore

/// Why a lexicon file could not be read; every message names `file:line`.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `file:line` (or the file alone).
    public let location: String
    /// What is wrong and how to fix it.
    public let message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// A language's stance lexicon: entries parsed from TSV (see `Resources/lexicons/README.md`).
public struct Lexicon: Sendable {
    /// The folder of this module's shipped resources (the stance lexicons), for fingerprinting what a build ships.
    public static var resourceFolder: String? { Bundle.module.resourcePath }

    /// The language subtag the lexicon is for (`en`, `zh`).
    public let language: String
    /// Entries in file order; later files override earlier entries with the same role and cue.
    public private(set) var entries: [LexiconEntry]

    /// An empty lexicon.
    public init(language: String) {
        self.language = language
        self.entries = []
    }

    /// Parses lexicon text.
    /// - Parameters:
    ///   - text: the TSV text.
    ///   - language: the language subtag.
    ///   - name: the file name, for messages.
    /// - Throws: ``LexiconError`` at the first bad line.
    public init(parsing text: String, language: String, name: String) throws(LexiconError) {
        self.language = language
        self.entries = []
        try merge(parsing: text, name: name)
    }

    /// Adds the entries of `text`; an entry with the same role and cue as an existing one replaces it, and a
    /// weight of 0 removes it.
    public mutating func merge(parsing text: String, name: String) throws(LexiconError) {
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { positions[Self.key(entry)] = index }
        var removed: Set<Int> = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let location = "\(name):\(lineNumber)"
            let entry = try Self.parse(line, language: language, location: location)
            let key = Self.key(entry)
            if let index = positions[key], !removed.contains(index) {
                if entry.weight == 0 { removed.insert(index) } else { entries[index] = entry }
            } else if entry.weight > 0 {
                positions[key] = entries.count
                entries.append(entry)
            }
        }
        if !removed.isEmpty { entries = entries.enumerated().filter { !removed.contains($0.offset) }.map(\.element) }
    }

    /// Entries with the same role and (case-folded) cue are the same entry.
    private static func key(_ entry: LexiconEntry) -> String { "\(entry.role)\t\(entry.cue.lowercased())" }

    private static func parse(_ line: Substring, language: String, location: String) throws(LexiconError) -> LexiconEntry {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 3 else {
            throw LexiconError(location, "expected category<TAB>cue<TAB>weight[<TAB>options], found \(fields.count) field(s)")
        }
        guard let role = LexiconRole(fields[0]) else {
            let known = StanceCategory.allCases.map(\.rawValue) + ["negator", "scope-break"]
            throw LexiconError(location, "unknown category '\(fields[0])'; use one of \(known.joined(separator: ", "))")
        }
        let cue = fields[1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !cue.isEmpty else { throw LexiconError(location, "the cue is empty") }
        guard let weight = Double(fields[2]), weight >= 0, weight <= 2 else {
            throw LexiconError(location, "weight '\(fields[2])' is not a number from 0 to 2 (0 removes an entry)")
        }
        var entry = LexiconEntry(cue: cue, role: role, weight: weight, language: language, origin: location)
        for option in fields.dropFirst(3).flatMap({ $0.split(whereSeparator: \.isWhitespace) }) {
            guard let equals = option.firstIndex(of: "=") else {
                throw LexiconError(location, "option '\(option)' should be key=value")
            }
            let key = String(option[..<equals])
            let value = String(option[option.index(after: equals)...])
            let list = value.split(separator: "|").map { String($0).replacingOccurrences(of: "_", with: " ") }
            switch key {
            case "forms": entry.forms = list
            case "case": entry.exactCase = value == "exact"
            case "not-after": entry.notAfter = Set(list.map(Self.fold))
            case "not-before": entry.notBefore = Set(list.map(Self.fold))
            case "only-before": entry.onlyBefore = Set(list.map(Self.fold))
            case "not-final": entry.notFinal = try yes(value, key, location)
            case "not-capitalized-inside": entry.notCapitalizedInside = try yes(value, key, location)
            case "not-near-number": entry.notNearNumber = try yes(value, key, location)
            case "inside-words": entry.insideWords = try yes(value, key, location)
            case "negation":
                guard let effect = NegationEffect(rawValue: value) else {
                    throw LexiconError(location, "negation=\(value): use flip, keep or none")
                }
                entry.negation = effect
            default:
                throw LexiconError(
                    location,
                    "unknown option '\(key)'; options: forms, case, not-after, not-before, only-before, not-final, not-capitalized-inside, not-near-number, inside-words, negation"
                )
            }
        }
        return entry
    }

    private static func yes(_ value: String, _ key: String, _ location: String) throws(LexiconError) -> Bool {
        switch value {
        case "yes", "true": return true
        case "no", "false": return false
        default: throw LexiconError(location, "\(key)=\(value): use yes or no")
        }
    }

    /// ``fold(_:)`` of a word given as well-formed UTF-8 bytes.
    public static func fold(utf8 word: UnsafeBufferPointer<UInt8>) -> String {
        String.quickLowercased(utf8: word) ?? fold(String(decoding: word, as: UTF8.self))
    }

    /// Folds a word for matching: lower case, typographic apostrophes as `'`, full-width ASCII as ASCII, and
    /// Arabic without its optional marks (harakat, tanween, shadda, sukun, the dagger alif and the tatweel), which
    /// most text leaves out and some writes: ربّما matches ربما.
    public static func fold<S: StringProtocol>(_ word: S) -> String {
        if let quick = word.quickLowercased() { return quick }
        var folded = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x2019, 0x02BC: folded.append("'")
            case 0xFF01...0xFF5E: folded.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x064B...0x065F, 0x0670, 0x0640: continue
            default: folded.append(scalar)
            }
        }
        return String(folded).lowercased()
    }

    /// Entries of one category, or all.
    public func entries(in category: StanceCategory?) -> [LexiconEntry] {
        guard let category else { return entries }
        return entries.filter { $0.role == .marker(category) }
    }

    /// The languages Slant ships lexicons for.
    public static var bundledLanguages: [String] {
        guard let directory = Bundle.module.url(forResource: "lexicons", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The lexicon shipped for a language, or nil when there is none.
    /// - Throws: ``LexiconError`` if the shipped file is malformed (a packaging bug).
    public static func bundled(for language: String) throws(LexiconError) -> Lexicon? {
        guard let url = Bundle.module.url(forResource: language, withExtension: "tsv", subdirectory: "lexicons") else { return nil }
        guard let data = try? Data(contentsOf: url) else { throw LexiconError(url.path, "cannot read the bundled lexicon") }
        return try Lexicon(parsing: String(decoding: data, as: UTF8.self), language: language, name: "\(language).tsv")
    }
}
