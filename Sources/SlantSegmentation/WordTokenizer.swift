public import SlantCore
public import SlantICU

/// Splits text into word, number, punctuation, symbol and emoji tokens with ICU's word iterator
/// (dictionary-based for Chinese, Japanese, Thai, Lao, Khmer and Burmese), then, for Chinese, merges what
/// ICU's dictionary over-splits (see ``ChineseWordMerger``).
public struct WordTokenizer: Sendable {
    /// Whether to keep ICU's segments exactly, whitespace included (the raw ICU mode).
    public var raw: Bool
    /// Whether to merge Chinese numbers with their units and other over-split sequences.
    public var mergeChinese: Bool

    public init(raw: Bool = false, mergeChinese: Bool = true) {
        self.raw = raw
        self.mergeChinese = mergeChinese
    }

    /// The ICU locale for word breaking: the language (dictionaries apply in every locale), root otherwise.
    public static func icuLocale(for language: LanguageTag?) -> String {
        guard let language, !language.isUndetermined else { return "" }
        return language.language
    }

    /// The tokens of `text` inside `ranges` (the prose parts of the document), or of the whole text when
    /// `ranges` is nil.
    /// - Throws: ``ICUError`` when ICU fails.
    public func tokens(of text: String, in ranges: [TextRange]? = nil, language: LanguageTag?) throws(ICUError) -> [Token] {
        var copy = text
        let locale = raw ? "" : WordTokenizer.icuLocale(for: language)
        let merge = mergeChinese && !raw && language?.language == "zh"
        let result: Result<[Token], ICUError> = copy.withUTF8 { bytes in
            Result { () throws(ICUError) in
                let iterator = try BreakIterator(.word, locale: locale)
                var tokens: [Token] = []
                var covered = bytes.count
                if let ranges { covered = ranges.reduce(0) { sum, range in sum + range.end - range.start } }
                tokens.reserveCapacity(covered / 4)
                var kinds = KindCache()
                for range in ranges ?? [TextRange(start: 0, end: bytes.count)] where !range.isEmpty {
                    let slice = UnsafeBufferPointer(rebasing: bytes[range.range])
                    var start = range.start
                    let firstNew = tokens.count
                    try iterator.forEachBoundary(in: slice, base: range.start) { boundary in
                        if let kind = classify(bytes, start, boundary.offset, boundary.ruleStatus, &kinds) {
                            tokens.append(Token(range: TextRange(start: start, end: boundary.offset), kind: kind))
                        }
                        start = boundary.offset
                    }
                    if merge { ChineseWordMerger.merge(&tokens, from: firstNew, in: bytes) }
                }
                return tokens
            }
        }
        return try result.get()
    }

    /// The kind of the segment `start..<end`, or nil for whitespace (outside raw mode).
    private func classify(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ status: Int32, _ kinds: inout KindCache
    ) -> TokenKind? {
        switch WordStatus(ruleStatus: status) {
        case .number: return .number
        case .letter: return .word
        case .kana: return .kana
        case .ideograph: return containsKana(bytes, start, end) ? .kana : .ideograph
        case .none: break
        }
        guard let first = ByteText.scalar(bytes, at: start) else { return nil }
        if ByteText.isSpace(first) { return raw ? .space : nil }
        if first.value < 0x80 { return Self.asciiKinds[Int(first.value)] }  // no ASCII scalar starts an emoji token
        // A one-scalar token's kind depends on the scalar alone (CJK punctuation: "，", "。").
        guard ByteText.width(lead: bytes[start]) == end - start else { return Self.kind(of: first, bytes, start, end) }
        return kinds.kind(of: first) { Self.kind(of: first, bytes, start, end) }
    }

    /// The kinds of recently seen one-scalar tokens, direct-mapped by the scalar's low bits: most non-ASCII
    /// punctuation in a text is a handful of marks, each looked up in Unicode's tables once.
    private struct KindCache {
        private var scalars = [UInt32](repeating: UInt32.max, count: 256)
        private var kinds = [TokenKind](repeating: .symbol, count: 256)

        mutating func kind(of scalar: Unicode.Scalar, _ compute: () -> TokenKind) -> TokenKind {
            let slot = Int(scalar.value & 0xFF)
            if scalars[slot] == scalar.value { return kinds[slot] }
            let kind = compute()
            scalars[slot] = scalar.value
            kinds[slot] = kind
            return kind
        }
    }

    /// The kind of a token starting with each ASCII scalar other than space, from its general category.
    private static let asciiKinds: [TokenKind] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return [UInt8(value)].withUnsafeBufferPointer { kind(of: scalar, $0, 0, 1) }
    }

    /// The kind of a token starting with `first`: emoji, punctuation, word, number or symbol.
    private static func kind(of first: Unicode.Scalar, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind {
        let properties = first.properties
        if properties.isEmojiPresentation || (properties.isEmoji && first.value > 0xFF && properties.generalCategory == .otherSymbol)
            || (properties.isEmoji && end - start > ByteText.width(lead: bytes[start]) && first.value > 0x7F)
        {
            return .emoji
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .word
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        default:
            return .symbol
        }
    }

    private func containsKana(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            // Hiragana and Katakana live in U+3040–U+30FF (E3 81 80 – E3 83 BF) and U+31F0–U+31FF, U+FF66–U+FF9F.
            if bytes[index] == 0xE3, index + 1 < end, (0x81...0x83).contains(bytes[index + 1]) { return true }
            if bytes[index] == 0xEF, index + 2 < end, bytes[index + 1] == 0xBD || bytes[index + 1] == 0xBE,
                let scalar = ByteText.scalar(bytes, at: index), (0xFF66...0xFF9F).contains(scalar.value)
            {
                return true
            }
            index += ByteText.width(lead: bytes[index])
        }
        return false
    }
}
