public import SlantCore
public import SlantICU

/// Identifies the language of a text, in two steps:
///
/// 1. **Script.** ICU counts letters per script. Hangul means Korean; kana among Han means Japanese; Han means
///    Chinese, Simplified or Traditional by which script's exclusive characters occur (``ChineseScript``); a
///    script used by one
///    language names it (Greek, Hebrew, Thai, Armenian, Georgian, …). CJK letters count three times, since
///    one stands for about a word, so Chinese text with some English words stays Chinese.
/// 2. **Profile.** Inside a script shared by several languages (Latin, Cyrillic, Arabic, Devanagari), each
///    word is looked up in every language's profile (its function words, and for the languages Slant scores,
///    frequent word forms that no sibling language shares); a word in k profiles gives each 1/k.
///    Characteristic letters (ñ, ã, ß, ъ, پ …) add a little evidence. The best score wins; too little
///    evidence gives `und`.
///
/// Only the first ``sampleLimit`` bytes are read, so identification costs the same for any document size.
public struct LanguageIdentifier: Sendable {
    /// The result of identification.
    public struct Identification: Sendable, Equatable {
        /// The language, `und` when unsure.
        public var language: LanguageTag
        /// From 0 (a guess) to 1 (no competitor).
        public var confidence: Double
        /// The dominant script, when the text has letters.
        public var script: Script?
    }

    /// Bytes read from the start of a text.
    public var sampleLimit: Int
    private let profilesByScript: [String: [LanguageProfile]]
    /// Per profile group, which of its profiles hold each word and each letter: one lookup per word.
    private let indexByScript: [String: ProfileIndex]
    private let chinese: ChineseScript

    /// An identifier over the bundled profiles.
    public init(profiles: [LanguageProfile] = LanguageProfile.bundled, chinese: ChineseScript = .bundled, sampleLimit: Int = 100_000) {
        var byScript: [String: [LanguageProfile]] = [:]
        for profile in profiles { byScript[profile.script, default: []].append(profile) }
        self.profilesByScript = byScript
        self.indexByScript = byScript.mapValues(ProfileIndex.init)
        self.chinese = chinese
        self.sampleLimit = sampleLimit
    }

    /// Scripts written by one language only, and that language.
    private static let singleLanguageScripts: [String: String] = [
        "Grek": "el", "Hebr": "he", "Thai": "th", "Armn": "hy", "Geor": "ka", "Ethi": "am", "Mymr": "my",
        "Khmr": "km", "Laoo": "lo", "Beng": "bn", "Taml": "ta", "Telu": "te", "Knda": "kn", "Mlym": "ml",
        "Gujr": "gu", "Guru": "pa", "Orya": "or", "Sinh": "si", "Tibt": "bo", "Hang": "ko",
    ]
    /// Profile groups by ICU short script name.
    private static let profileScripts: [String: String] = [
        "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Deva": "Devanagari", "Grek": "Greek",
    ]

    /// Identifies `text`.
    public func identify(_ text: String) -> Identification {
        let sample = Self.prefix(of: text, bytes: sampleLimit)
        let counts = ScriptCounts(sample)
        guard counts.letters > 0 else { return Identification(language: .undetermined, confidence: 0, script: nil) }
        let kana = counts[.hiragana] + counts[.katakana]
        let han = counts[.han]
        var weighted: [Script: Int] = [:]
        for (script, count) in counts.counts {
            let isCJK = script == .han || script == .hiragana || script == .katakana || script == .hangul
            weighted[isCJK ? (script == .katakana ? .hiragana : script) : script, default: 0] += isCJK ? count * 3 : count
        }
        if kana > 0 {
            weighted[.hiragana, default: 0] += weighted[.han] ?? 0
            weighted[.han] = nil
        }
        let ranked = weighted.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let (dominant, dominantCount) = ranked.first else {
            return Identification(language: .undetermined, confidence: 0, script: nil)
        }
        let total = ranked.reduce(0) { $0 + $1.value }
        let share = Double(dominantCount) / Double(max(total, 1))
        if dominant == .hiragana {
            return Identification(
                language: "ja", confidence: share * Double(min(kana * 10, han + kana)) / Double(max(han + kana, 1)), script: dominant)
        }
        if dominant == .han { return chinese(sample, share: share) }
        if let language = Self.singleLanguageScripts[dominant.shortName] {
            if let group = Self.profileScripts[dominant.shortName], let profiles = profilesByScript[group], profiles.count > 1 {
                return byProfile(sample, profiles: profiles, index: indexByScript[group]!, script: dominant, share: share)
            }
            return Identification(language: LanguageTag(language), confidence: share, script: dominant)
        }
        guard let group = Self.profileScripts[dominant.shortName], let profiles = profilesByScript[group], !profiles.isEmpty else {
            return Identification(language: .undetermined, confidence: 0, script: dominant)
        }
        return byProfile(sample, profiles: profiles, index: indexByScript[group]!, script: dominant, share: share)
    }

    private func chinese(_ sample: String, share: Double) -> Identification {
        var simplified = 0
        var traditional = 0
        for scalar in sample.unicodeScalars where scalar.value >= 0x3400 {
            if chinese.simplifiedOnly.contains(scalar) {
                simplified += 1
            } else if chinese.traditionalOnly.contains(scalar) {
                traditional += 1
            }
        }
        let tag: LanguageTag = traditional > simplified ? "zh-Hant" : "zh-Hans"
        let evidence = simplified + traditional
        let margin = evidence == 0 ? 0.5 : Double(max(simplified, traditional)) / Double(evidence)
        return Identification(language: tag, confidence: share * margin, script: .han)
    }

    private func byProfile(
        _ sample: String, profiles: [LanguageProfile], index: ProfileIndex, script: Script, share: Double
    ) -> Identification {
        var scores = [Double](repeating: 0, count: profiles.count)
        var words = 0
        Self.forEachWord(in: sample) { word in
            words += 1
            guard let holders = index.words[word] else { return }
            let share = 1.0 / Double(holders.count)
            for holder in holders { scores[Int(holder)] += share }
        }
        for scalar in sample.unicodeScalars where scalar.value > 0x7F {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            guard let holders = index.letters[lower] else { continue }
            for holder in holders { scores[Int(holder)] += 0.25 / Double(holders.count) }
        }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : profiles[$0].tag < profiles[$1].tag }
        guard let best = order.first, scores[best] >= 0.5, scores[best] > (order.count > 1 ? scores[order[1]] : 0) else {
            return Identification(language: .undetermined, confidence: 0, script: script)
        }
        let second = order.count > 1 ? scores[order[1]] : 0
        let margin = (scores[best] - second) / scores[best]
        let coverage = min(1, scores[best] / Double(max(words, 1)) * 2)
        return Identification(
            language: LanguageTag(profiles[best].tag), confidence: share * (0.5 * margin + 0.5 * coverage), script: script)
    }

    /// Calls `body` with each lower-cased word: runs of letters and combining marks (Arabic vowel marks and
    /// the zero-width non-joiner end a word piece, as the profiles list the pieces). ASCII is classified and
    /// lower-cased without Unicode property lookups.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var isASCII = true
        func flush() {
            if !word.isEmpty {
                let text = String(decoding: word, as: UTF8.self)
                body(isASCII ? text : text.lowercased())
            }
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if byte >= 0x41 && byte <= 0x5A {
                    word.append(byte | 0x20)
                } else if (byte >= 0x61 && byte <= 0x7A) || byte == 0x27 {
                    word.append(byte)
                } else {
                    flush()
                }
                continue
            }
            if (0x064B...0x0652).contains(value) || value == 0x0640 { continue }  // harakat, tatweel
            if scalar == "’" {
                word.append(0x27)
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                isASCII = false
                word.append(contentsOf: String(scalar).utf8)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The first `bytes` bytes of `text` (a scalar cut in two at the end becomes U+FFFD, which is no letter).
    static func prefix(of text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        return String(decoding: text.utf8.prefix(bytes), as: UTF8.self)
    }
}

/// The profiles of one script group, inverted: for each word and each letter, the profiles holding it.
struct ProfileIndex: Sendable {
    let words: [String: [Int32]]
    let letters: [Unicode.Scalar: [Int32]]

    init(_ profiles: [LanguageProfile]) {
        var words: [String: [Int32]] = [:]
        var letters: [Unicode.Scalar: [Int32]] = [:]
        for (index, profile) in profiles.enumerated() {
            for word in profile.words { words[word, default: []].append(Int32(index)) }
            for letter in profile.letters { letters[letter, default: []].append(Int32(index)) }
        }
        self.words = words
        self.letters = letters
    }
}
