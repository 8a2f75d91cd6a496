import Foundation
public import SlantCore

/// Very frequent words ignored when comparing sentences, per language (`Resources/stopwords/<code>.txt`).
public enum StopWords {
    /// The folder of this module's shipped resources (the stop-word lists), for fingerprinting what a build ships.
    public static var resourceFolder: String? { Bundle.module.resourcePath }

    /// The list for a language (empty when Slant has none), loaded once per process.
    public static func list(for language: String) -> Set<UTF8Key> { cache.list(for: language) }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        // Safety: `lists` is only touched while holding `lock`.
        private let lock = NSLock()
        private var lists: [String: Set<UTF8Key>] = [:]

        func list(for language: String) -> Set<UTF8Key> {
            lock.lock()
            defer { lock.unlock() }
            if let list = lists[language] { return list }
            var list: Set<UTF8Key> = []
            if let url = Bundle.module.url(forResource: language, withExtension: "txt", subdirectory: "stopwords"),
                let data = try? Data(contentsOf: url)
            {
                for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                    let word = line.trimmingCharacters(in: .whitespaces)
                    if !word.isEmpty { list.insert(UTF8Key(word.lowercased().precomposedStringWithCanonicalMapping)) }
                }
            }
            lists[language] = list
            return list
        }
    }
}
