public import SlantCore
import SlantICU

/// `segment`: zones, sentences and word tokens.
///
/// Options:
/// - `mode`: `rules` (default; ICU corrected by Slant's rules, Markdown-aware) or `icu` (ICU's sentence and
///   word iterators alone with the root locale, every segment kept: reproduces ICU exactly).
/// - `markdown`: `auto` (default: Markdown for `.md`/`.markdown` inputs), `true` or `false`.
/// - `tokens`: whether to find word tokens (default true).
/// - `merge-chinese`: merge Chinese numbers and units that ICU splits (default true).
public struct SegmentStage: Stage {
    public static let name = "segment"
    public var requires: Set<Layer> { [] }
    public var provides: Set<Layer> { findTokens ? [.zones, .sentences, .tokens] : [.zones, .sentences] }

    /// How sentences are found.
    public var mode: SentenceSplitter.Mode
    /// Markdown structure: nil follows the document, true or false forces it.
    public var markdown: Bool?
    /// Whether to find word tokens.
    public var findTokens: Bool
    /// Whether to merge over-split Chinese words.
    public var mergeChinese: Bool

    public init(mode: SentenceSplitter.Mode = .rules, markdown: Bool? = nil, findTokens: Bool = true, mergeChinese: Bool = true) {
        self.mode = mode
        self.markdown = markdown
        self.findTokens = findTokens
        self.mergeChinese = mergeChinese
    }

    /// Builds the stage from pipeline options.
    public init(options: inout StageOptions) throws(StageError) {
        let modeName = try options.choice("mode", SentenceSplitter.Mode.allCases.map(\.rawValue), default: "rules")
        let markdownChoice = try options.choice("markdown", ["auto", "true", "false"], default: "auto")
        self.init(
            mode: SentenceSplitter.Mode(rawValue: modeName) ?? .rules,
            markdown: markdownChoice == "auto" ? nil : markdownChoice == "true",
            findTokens: try options.bool("tokens", default: true),
            mergeChinese: try options.bool("merge-chinese", default: true)
        )
    }

    public func process(_ document: inout Document) throws(StageError) {
        let isMarkdown = markdown ?? document.isMarkdown
        do {
            if mode == .icu {
                document.zones = [
                    Zone(
                        kind: .paragraph, range: TextRange(start: 0, end: document.byteCount),
                        content: TextRange(start: 0, end: document.byteCount))
                ]
            } else {
                document.zones = ZoneScanner(markdown: isMarkdown).zones(of: document.text)
            }
            let splitter = SentenceSplitter(mode: mode)
            let tokenizer = WordTokenizer(raw: mode == .icu, mergeChinese: mergeChinese)
            let prose = mode == .icu ? nil : document.zones.filter(\.holdsProse).map(\.content)
            if findTokens, let prose, DocumentParallelism.splits(byteCount: document.byteCount) {
                try findInParallel(&document, splitter, tokenizer, prose: prose, markdown: isMarkdown)
            } else {
                document.sentences = try splitter.sentences(
                    of: document.text, zones: document.zones, language: document.language, markdown: isMarkdown)
                guard findTokens else { return }
                let tokens = try tokenizer.tokens(of: document.text, in: prose, language: document.language)
                document.tokens = Self.joined([tokens], replacing: [try Self.cutTokens(tokens, document, tokenizer)])
            }
            assignTokens(&document)
        } catch {
            throw .failed(stage: Self.name, document: document.id, message: error.description)
        }
    }

    /// Sentences and tokens of a large document on several threads: the sentences as one work item, the
    /// tokens as pieces of the prose cut after line feeds (ICU's word rules always break after a line feed,
    /// and no merge joins tokens across one), so the joined result is what one thread finds. The prose is
    /// cut in eight pieces per thread: scripts differ several times over in ICU's cost per byte, so pieces
    /// of equal size do not take equal time.
    private func findInParallel(
        _ document: inout Document, _ splitter: SentenceSplitter, _ tokenizer: WordTokenizer, prose: [TextRange], markdown: Bool
    ) throws(ICUError) {
        enum Part {
            case sentences([Sentence])
            case tokens([Token])
        }
        var text = document.text
        let pieces = text.withUTF8 { TextPieces.cut(prose, in: $0, count: 8 * DocumentParallelism.threads) }
        let snapshot = document
        let parts = DocumentParallelism.map(pieces.count + 1) { index -> Result<Part, ICUError> in
            Result { () throws(ICUError) in
                guard index > 0 else {
                    return .sentences(
                        try splitter.sentences(
                            of: snapshot.text, zones: snapshot.zones, language: snapshot.language, markdown: markdown))
                }
                return .tokens(try tokenizer.tokens(of: snapshot.text, in: pieces[index - 1], language: snapshot.language))
            }
        }
        var found: [[Token]] = []
        for part in parts {
            switch try part.get() {
            case .sentences(let sentences): document.sentences = sentences
            case .tokens(let tokens): found.append(tokens)
            }
        }
        let withSentences = document
        let cuts = try DocumentParallelism.map(found.count) { index in
            Result { () throws(ICUError) in try Self.cutTokens(found[index], withSentences, tokenizer) }
        }
        .map { result throws(ICUError) in try result.get() }
        document.tokens = Self.joined(found, replacing: cuts)
    }

    /// A token that a sentence boundary cuts, by its index in a run of tokens, and the tokens that replace it.
    private struct Cut {
        let index: Int
        let replacement: [Token]
    }

    /// The tokens of `tokens` (in order, from anywhere in the document) that a sentence boundary cuts, each
    /// re-tokenized piece by piece (the rules split run-together sentences such as "provincia.Perhaps", which
    /// ICU reads as one word), so that every token lies inside one sentence. Usually there are none.
    private static func cutTokens(_ tokens: [Token], _ document: Document, _ tokenizer: WordTokenizer) throws(ICUError) -> [Cut] {
        guard let first = tokens.first, let last = tokens.last else { return [] }
        // One pass over the sentence edges around these tokens and the tokens, both sorted: the cuts, if any.
        var edges: [(token: Int, at: Int)] = []
        var tokenIndex = 0
        var sentence = document.sentences.partitioningIndex { $0.range.end > first.range.start }
        while sentence < document.sentences.count, document.sentences[sentence].range.start < last.range.end {
            for edge in [document.sentences[sentence].range.start, document.sentences[sentence].range.end] {
                while tokenIndex < tokens.count, tokens[tokenIndex].range.end <= edge { tokenIndex += 1 }
                if tokenIndex < tokens.count, tokens[tokenIndex].range.start < edge { edges.append((tokenIndex, edge)) }
            }
            sentence += 1
        }
        var cuts: [Cut] = []
        var next = 0
        while next < edges.count {
            let token = edges[next].token
            var bounds = [tokens[token].range.start]
            while next < edges.count, edges[next].token == token {
                if bounds.last != edges[next].at { bounds.append(edges[next].at) }
                next += 1
            }
            bounds.append(tokens[token].range.end)
            let pieces = zip(bounds, bounds.dropFirst()).map { TextRange(start: $0, end: $1) }
            cuts.append(Cut(index: token, replacement: try tokenizer.tokens(of: document.text, in: pieces, language: document.language)))
        }
        return cuts
    }

    /// Runs of tokens, in order, joined into one array with their cut tokens replaced. The runs are copied into
    /// place side by side on the threads the document may use; a single run without cuts is not copied.
    private static func joined(_ runs: [[Token]], replacing cuts: [[Cut]]) -> [Token] {
        if runs.count == 1, cuts[0].isEmpty { return runs[0] }
        var offsets = [0]
        for (tokens, replaced) in zip(runs, cuts) {
            offsets.append(offsets[offsets.count - 1] + tokens.count + replaced.reduce(0) { $0 + $1.replacement.count - 1 })
        }
        let total = offsets[runs.count]
        return [Token](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            _ = DocumentParallelism.map(runs.count) { run in
                var out = base + offsets[run]
                func copy(_ tokens: UnsafeBufferPointer<Token>) {
                    guard let start = tokens.baseAddress else { return }
                    out.initialize(from: start, count: tokens.count)
                    out += tokens.count
                }
                runs[run].withUnsafeBufferPointer { tokens in
                    var next = 0
                    for cut in cuts[run] {
                        copy(UnsafeBufferPointer(rebasing: tokens[next..<cut.index]))
                        cut.replacement.withUnsafeBufferPointer { copy($0) }
                        next = cut.index + 1
                    }
                    copy(UnsafeBufferPointer(rebasing: tokens[next...]))
                }
            }
            initialized = total
        }
    }

    /// Sets each sentence's token index range (tokens and sentences are both sorted).
    private func assignTokens(_ document: inout Document) {
        var tokenIndex = 0
        let tokens = document.tokens
        for index in document.sentences.indices {
            let range = document.sentences[index].range
            while tokenIndex < tokens.count, tokens[tokenIndex].range.end <= range.start { tokenIndex += 1 }
            var end = tokenIndex
            while end < tokens.count, tokens[end].range.start < range.end { end += 1 }
            document.sentences[index].tokens = tokenIndex..<end
            tokenIndex = end
        }
    }
}
