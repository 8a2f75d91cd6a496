import Foundation
import SlantCore

/// Finds lexicon cues in a sentence's tokens, in time linear in the number of tokens (times the length of
/// the longest cue): a trie over folded characters, walked from each token, accepting matches only where
/// a token ends, so a cue never matches inside a word.
///
/// Tokens of languages written with spaces are joined by one space (so `according to` matches across any
/// whitespace but not across punctuation); Chinese and Japanese tokens are joined directly, so `说实话`
/// matches whether ICU gives `说实话` or `说` + `实话`.
struct CueMatcher: Sendable {
    /// A cue found at tokens `first...last` of the sequence given to ``matches(in:)``. In Chinese and Japanese
    /// a cue may end inside its last token (`可能` in `可能是`): `trailing` counts the scalars of the last token
    /// left outside the match.
    struct Match {
        var first: Int
        var last: Int
        var entry: Int
        var trailing: Int = 0
        /// Scalars of the first token before the match (only for entries with `inside-words=yes`).
        var leading: Int = 0
    }

    /// The entries that end at each trie node (node 0 is the root).
    private var entriesAt: [[Int]] = [[]]
    /// The trie's edges.
    private var edges = EdgeTable()
    /// Entries matched as word endings (`n't`): their folded suffix and index.
    private var suffixes: [(String, Int)] = []
    /// Entries that may start inside a word (`inside-words=yes`, Chinese and Japanese).
    private var insideWords: Set<Int> = []
    /// Whether tokens are joined without spaces.
    let unspaced: Bool

    /// Languages written without spaces between words.
    static let unspacedLanguages: Set<String> = ["zh", "ja", "th", "lo", "km", "my"]

    init(entries: [LexiconEntry], unspaced: Bool) {
        self.unspaced = unspaced
        for (index, entry) in entries.enumerated() {
            if entry.insideWords, unspaced { insideWords.insert(index) }
            for form in entry.allForms {
                let folded = Lexicon.fold(form)
                if folded.hasPrefix("'") || folded.hasPrefix("n'") {
                    suffixes.append((folded, index))
                } else if unspaced {
                    insert(folded.filter { $0 != " " }, entry: index)
                } else {
                    // Text whose accents were stripped ("desastreux") still matches "désastreux"; not for cues of
                    // three letters or fewer, where the accent tells two words apart (nós "we", nos "in the").
                    let bare = folded.unicodeScalars.count > 3 ? Self.withoutLatinAccents(folded) : folded
                    for key in Set([folded, bare]) {
                        insert(key, entry: index)
                        // ICU makes a hyphen a token of its own: "so-called" is "so", "-", "called".
                        if key.contains("-") { insert(key.replacingOccurrences(of: "-", with: " - "), entry: index) }
                    }
                }
            }
        }
    }

    /// A cue written in Latin letters without its accents ("désastreux" → "desastreux"); other scripts are
    /// returned unchanged, since their marks are letters' vowels (Devanagari) or distinct letters (й).
    static func withoutLatinAccents(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.value < 0x0250 || (0x1E00...0x1EFF).contains($0.value) }) else { return text }
        let stripped = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(stripped))
    }

    private mutating func insert(_ key: String, entry: Int) {
        var node = 0
        for scalar in key.unicodeScalars {
            if let next = edges.target(from: node, by: scalar) {
                node = next
            } else {
                entriesAt.append([])
                edges.insert(from: node, by: scalar, to: entriesAt.count - 1)
                node = entriesAt.count - 1
            }
        }
        if !entriesAt[node].contains(entry) { entriesAt[node].append(entry) }
    }

    /// Every cue occurrence over `folded` (one folded string per token, punctuation included).
    func matches(in folded: [String]) -> [Match] {
        var found: [Match] = []
        for start in folded.indices {
            walk(from: start, skipping: 0, in: folded, into: &found)
            if !insideWords.isEmpty {
                for leading in 1..<max(1, folded[start].unicodeScalars.count) {
                    walk(from: start, skipping: leading, in: folded, into: &found)
                }
            }
            // The last byte first: most tokens end otherwise, and `hasSuffix` compares characters.
            for (suffix, entry) in suffixes where folded[start].utf8.last == suffix.utf8.last && folded[start].hasSuffix(suffix) {
                found.append(Match(first: start, last: start, entry: entry))
            }
        }
        return found
    }

    /// Walks the trie from token `start` (after its first `leading` scalars), recording every cue that ends
    /// at a token end, or, in unspaced text, inside a token.
    private func walk(from start: Int, skipping leading: Int, in folded: [String], into found: inout [Match]) {
        var node = 0
        var index = start
        func record(_ entries: [Int], last: Int, trailing: Int) {
            for entry in entries where leading == 0 || insideWords.contains(entry) {
                found.append(Match(first: start, last: last, entry: entry, trailing: trailing, leading: leading))
            }
        }
        while index < folded.count {
            if index > start, !unspaced {
                guard let next = edges.target(from: node, by: " ") else { return }
                node = next
            }
            let scalars = index == start ? folded[index].unicodeScalars.dropFirst(leading) : folded[index].unicodeScalars[...]
            var position = scalars.startIndex
            while position < scalars.endIndex {
                guard let next = edges.target(from: node, by: scalars[position]) else { return }
                node = next
                scalars.formIndex(after: &position)
                // Unspaced text: a cue may end inside a token ("可能" in "可能是").
                if unspaced, position < scalars.endIndex, !entriesAt[node].isEmpty {
                    record(entriesAt[node], last: index, trailing: scalars[position...].count)
                }
            }
            record(entriesAt[node], last: index, trailing: 0)
            index += 1
        }
    }
}

/// The edges of a trie over scalars, in one open-addressing hash table keyed by (node, scalar): a step costs
/// a multiply and usually one probe, where a dictionary per node would hash every scalar with SipHash.
private struct EdgeTable: Sendable {
    /// `node << 21 | scalar`, plus one so that 0 marks an empty slot.
    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    private var targets: [Int32] = Array(repeating: 0, count: 64)
    private var count = 0
    /// 64 − log2(capacity): the hash keeps the product's top bits.
    private var shift: UInt64 = 58

    private static func key(_ node: Int, _ scalar: Unicode.Scalar) -> UInt64 { UInt64(node) << 21 | UInt64(scalar.value) + 1 }

    private func slot(for key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    /// The node reached from `node` by `scalar`, if that edge exists.
    func target(from node: Int, by scalar: Unicode.Scalar) -> Int? {
        let key = Self.key(node, scalar)
        let slot = slot(for: key)
        return keys[slot] == key ? Int(targets[slot]) : nil
    }

    /// Adds the edge from `node` by `scalar` to `target` (the edge must be new).
    mutating func insert(from node: Int, by scalar: Unicode.Scalar, to target: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(node, scalar)
        let slot = slot(for: key)
        keys[slot] = key
        targets[slot] = Int32(target)
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, targets).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        targets = Array(repeating: 0, count: keys.count)
        shift -= 1
        for (key, target) in old {
            let slot = slot(for: key)
            keys[slot] = key
            targets[slot] = target
        }
    }
}
