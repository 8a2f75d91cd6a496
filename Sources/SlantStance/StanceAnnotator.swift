public import SlantCore
import SlantLanguage

/// Marks the stance cues of one language's lexicon in a document, applies context rules and negation,
/// adds the language-independent detectors (questions, quotations), and scores sentences and the document.
public struct StanceAnnotator: Sendable {
    /// The lexicon, or nil for a language Slant has none for (then only the detectors run).
    public let lexicon: Lexicon?
    private let matcher: CueMatcher?
    /// Whether Traditional Chinese is read through the Simplified lexicon.
    private let readsTraditional: Bool

    /// Builds an annotator.
    /// - Parameters:
    ///   - lexicon: the lexicon to match, or nil.
    ///   - traditionalChinese: whether the text is Traditional Chinese to read with a Simplified lexicon.
    public init(lexicon: Lexicon?, traditionalChinese: Bool = false) {
        self.lexicon = lexicon
        self.readsTraditional = traditionalChinese
        if let lexicon {
            matcher = CueMatcher(entries: lexicon.entries, unspaced: CueMatcher.unspacedLanguages.contains(lexicon.language))
        } else {
            matcher = nil
        }
    }

    /// Closing punctuation of a clause.
    static let clauseEnds: Set<String> = [".", "!", "?", ",", ";", ":", "。", "！", "？", "，", "；", "：", "、", "…", "؟", "،", "؛", "।"]

    /// Whether `scalar` ends a question in some script.
    static func isQuestionMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "?" || scalar == "？" || scalar == "؟" || scalar == "⁇" || scalar == "⸮"
    }

    /// The marks that close a quotation `opener` opens, or nil when it opens none.
    static func quoteClosers(of opener: Unicode.Scalar) -> (Unicode.Scalar, Unicode.Scalar)? {
        switch opener {
        case "\"": ("\"", "\"")
        case "“": ("”", "“")
        case "„": ("“", "”")
        case "«": ("»", "»")
        case "‹": ("›", "›")
        case "「": ("」", "」")
        case "『": ("』", "』")
        case "‘": ("’", "’")
        case "‚": ("‘", "’")
        case "»": ("«", "«")
        default: nil
        }
    }

    /// Adds markers, sentence scores and the document profile.
    public func annotate(_ document: inout Document) {
        var markers: [Marker] = []
        var sentenceScores: [StanceScores] = []
        sentenceScores.reserveCapacity(document.sentences.count)
        // Sentences are independent: a large document's are annotated in pieces, on several threads, and the
        // pieces joined in order.
        let splitting = DocumentParallelism.splits(byteCount: document.byteCount)
        var text = document.text
        let pieces = text.withUTF8 { bytes in
            let snapshot = document
            return DocumentParallelism.map(ranges: snapshot.sentences.count, splitting: splitting) { sentences in
                annotate(sentences: sentences, of: snapshot, bytes: bytes)
            }
        }
        for piece in pieces {
            markers += piece.markers
            sentenceScores += piece.scores
        }
        var profile = StanceScores()
        for scores in sentenceScores { profile.add(scores) }
        document.markers = markers
        document.sentenceScores = sentenceScores
        document.stanceProfile = profile
    }

    /// The markers and scores of some sentences.
    private func annotate(
        sentences: Range<Int>, of document: Document, bytes: UnsafeBufferPointer<UInt8>
    ) -> (markers: [Marker], scores: [StanceScores]) {
        var markers: [Marker] = []
        var sentenceScores: [StanceScores] = []
        sentenceScores.reserveCapacity(sentences.count)
        for sentenceIndex in sentences {
            let tokens = document.tokens[document.sentences[sentenceIndex].tokens].filter { $0.kind != .space }
            var found = lexiconMarkers(tokens, in: document, bytes: bytes, sentence: sentenceIndex)
            found += detectorMarkers(tokens, bytes: bytes, sentence: sentenceIndex, existing: &found)
            found.sort { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
            var scores = StanceScores()
            scores.words = tokens.count(where: \.isWordLike)
            scores.addSentence(words: scores.words)
            for marker in found { scores.add(marker) }
            sentenceScores.append(scores)
            markers += found
        }
        return (markers, sentenceScores)
    }

    // MARK: lexicon

    private func lexiconMarkers(_ tokens: [Token], in document: Document, bytes: UnsafeBufferPointer<UInt8>, sentence: Int) -> [Marker] {
        guard let lexicon, let matcher, !tokens.isEmpty else { return [] }
        let folded = tokens.map { token in
            readsTraditional
                ? Lexicon.fold(ChineseScript.bundled.simplified(document.slice(token.range)))
                : Lexicon.fold(utf8: UnsafeBufferPointer(rebasing: bytes[token.range.range]))
        }
        let firstWord = tokens.firstIndex(where: \.isWordLike) ?? 0
        let context = Context(text: document.text, tokens: tokens, folded: folded, firstWord: firstWord, unspaced: matcher.unspaced)
        let candidates = matcher.matches(in: folded).filter { context.satisfies(lexicon.entries[$0.entry], $0) }
        // Longest first: "you may wonder" beats "may", "no doubt" beats "doubt".
        let ordered = candidates.sorted { a, b in
            let lengthA = context.end(of: a) - context.start(of: a)
            let lengthB = context.end(of: b) - context.start(of: b)
            return lengthA != lengthB ? lengthA > lengthB : (a.first != b.first ? a.first < b.first : a.entry < b.entry)
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var accepted: [CueMatcher.Match] = []
        for candidate in ordered {
            if taken[candidate.first...candidate.last].contains(true) {
                // A cue listed in two categories (Arabic أعتقد: hedge and self-mention) marks both.
                let twin = accepted.first {
                    context.start(of: $0) == context.start(of: candidate) && context.end(of: $0) == context.end(of: candidate)
                }
                guard let twin, lexicon.entries[twin.entry].role != lexicon.entries[candidate.entry].role,
                    case .marker = lexicon.entries[candidate.entry].role, case .marker = lexicon.entries[twin.entry].role,
                    !accepted.contains(where: {
                        $0.first == candidate.first && lexicon.entries[$0.entry].role == lexicon.entries[candidate.entry].role
                    })
                else { continue }
                accepted.append(candidate)
                continue
            }
            for index in candidate.first...candidate.last { taken[index] = true }
            accepted.append(candidate)
        }
        var role = [LexiconRole?](repeating: nil, count: tokens.count)
        for match in accepted { role[match.first] = lexicon.entries[match.entry].role }
        var markers: [Marker] = []
        for match in accepted.sorted(by: { $0.first < $1.first }) {
            let entry = lexicon.entries[match.entry]
            guard case .marker(var category) = entry.role else { continue }
            var modifiers: [String] = []
            if entry.negation != .none, let negator = context.negator(before: match.first, roles: role) {
                modifiers.append("negated by '\(negator)'")
                if entry.negation == .flip, category == .booster {
                    category = .hedge
                    modifiers.append("booster → hedge")
                }
            }
            let range = TextRange(start: context.start(of: match), end: context.end(of: match))
            markers.append(
                Marker(
                    range: range, category: category, entry: entry.cue, language: entry.language, weight: entry.weight,
                    modifiers: modifiers, sentence: sentence)
            )
        }
        return markers
    }

    // MARK: detectors

    /// Quotations (attribution) and questions (engagement), in every language; markers inside a quotation
    /// get the modifier `quoted`.
    private func detectorMarkers(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, sentence: Int, existing: inout [Marker]) -> [Marker]
    {
        /// The punctuation mark a token is, when it is one scalar of punctuation.
        func mark(_ token: Token) -> Unicode.Scalar? {
            guard token.kind == .punctuation, ByteText.width(lead: bytes[token.range.start]) == token.range.length else { return nil }
            return ByteText.scalar(bytes, at: token.range.start)
        }
        var found: [Marker] = []
        var quoted: [TextRange] = []
        var index = 0
        while index < tokens.count {
            guard let opener = mark(tokens[index]), let closers = Self.quoteClosers(of: opener) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, !(mark(tokens[end]).map { $0 == closers.0 || $0 == closers.1 } ?? false) {
                end += 1
            }
            let inside = tokens[(index + 1)..<min(end, tokens.count)].count(where: \.isWordLike)
            let last = min(end, tokens.count - 1)
            if inside >= 2 {
                let range = TextRange(start: tokens[index].range.start, end: tokens[last].range.end)
                quoted.append(range)
                found.append(
                    Marker(range: range, category: .attribution, entry: "(quotation)", language: "*", weight: 1, sentence: sentence))
            }
            index = end + 1
        }
        for position in existing.indices where quoted.contains(where: { $0.covers(existing[position].range) }) {
            existing[position].modifiers.append("quoted")
        }
        if let last = tokens.last(where: { mark($0).map(Self.isQuestionMark) ?? false }),
            tokens.suffix(3).contains(last), !quoted.contains(where: { $0.covers(last.range) })
        {
            found.append(
                Marker(range: last.range, category: .engagement, entry: "(question)", language: "*", weight: 1, sentence: sentence))
        }
        return found
    }
}

/// The tokens of one sentence and the context conditions of lexicon entries.
private struct Context {
    /// The document's text (not the document: the context is copied into closures, and a string is one
    /// reference to retain).
    let text: String
    let tokens: [Token]
    let folded: [String]
    let firstWord: Int
    let unspaced: Bool

    /// The text of token `index`.
    func text(_ index: Int) -> Substring { text.slice(tokens[index].range) }

    /// The byte where a match starts (inside its first token for `inside-words` cues).
    func start(of match: CueMatcher.Match) -> Int {
        let token = tokens[match.first]
        guard match.leading > 0 else { return token.range.start }
        return token.range.start + text(match.first).unicodeScalars.prefix(match.leading).reduce(0) { $0 + String($1).utf8.count }
    }

    /// The byte where a match ends (inside its last token when it leaves scalars of it outside).
    func end(of match: CueMatcher.Match) -> Int {
        let token = tokens[match.last]
        guard match.trailing > 0 else { return token.range.end }
        let outside = text(match.last).unicodeScalars.suffix(match.trailing).reduce(0) { $0 + String($1).utf8.count }
        return token.range.end - outside
    }

    func satisfies(_ entry: LexiconEntry, _ match: CueMatcher.Match) -> Bool {
        if entry.exactCase {
            let original = (match.first...match.last).map(text).joined(separator: unspaced ? "" : " ")
            guard entry.allForms.contains(original) else { return false }
        }
        let previous = match.first > 0 ? match.first - 1 : nil
        let next = match.last + 1 < tokens.count ? match.last + 1 : nil
        let previousWord = previous.flatMap { tokens[$0].isWordLike ? folded[$0] : nil }
        // What follows: the next token, word or punctuation (`only-before=أن|:` lists both), or, for a cue that
        // ends inside a token (unspaced text: 说 in 说法), the rest of that token.
        let following =
            match.trailing > 0
            ? String(String.UnicodeScalarView(folded[match.last].unicodeScalars.suffix(match.trailing)))
            : next.map { folded[$0] }
        if let previousWord, entry.notAfter.contains(previousWord) { return false }
        if let following, entry.notBefore.contains(following) { return false }
        if !entry.onlyBefore.isEmpty {
            let numberFollows = next.map { tokens[$0].kind == .number } == true && entry.onlyBefore.contains("#number")
            guard numberFollows || following.map(entry.onlyBefore.contains) == true else { return false }
        }
        if entry.notFinal, next == nil || StanceAnnotator.clauseEnds.contains(folded[next!]) { return false }
        if entry.notCapitalizedInside, match.first != firstWord, text(match.first).unicodeScalars.first?.isUppercaseScalar == true {
            return false
        }
        if entry.notNearNumber, previous.map({ tokens[$0].kind == .number }) == true || next.map({ tokens[$0].kind == .number }) == true {
            return false
        }
        return true
    }

    /// The negator in the same clause shortly before token `index` (three words back; two tokens in Chinese
    /// and Japanese), stopping at punctuation and scope-break words.
    func negator(before index: Int, roles: [LexiconRole?]) -> String? {
        var words = 0
        var position = index - 1
        let reach = unspaced ? 2 : 3
        while position >= 0, words < reach {
            if tokens[position].kind == .punctuation { return nil }
            switch roles[position] {
            case .negator?: return String(text(position))
            case .scopeBreak?: return nil
            default: break
            }
            if tokens[position].isWordLike { words += 1 }
            position -= 1
        }
        return nil
    }
}
