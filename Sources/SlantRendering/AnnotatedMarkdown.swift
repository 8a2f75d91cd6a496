import Foundation
public import SlantCore

/// Renders one processed document as annotated Markdown: a front matter block, a header, the summary with
/// stance labels, the stance profile, the text with every marker shown inline (the source's own Markdown
/// kept, code untouched, raw HTML escaped), a legend, and an appendix explaining each marker.
///
/// The output depends only on the document and the style, so reruns are byte-identical.
public struct AnnotatedMarkdown: Sendable {
    /// How markers are shown.
    public var style: MarkupStyle
    /// A hash of the input and options, recorded in the front matter (for incremental runs).
    public var inputHash: String?

    public init(style: MarkupStyle = .github, inputHash: String? = nil) {
        self.style = style
        self.inputHash = inputHash
    }

    /// The input hash recorded in an existing annotation's front matter, if any.
    public static func recordedInputHash(in markdown: String) -> String? { FrontMatter(markdown)["input-hash"] }

    /// Whether `markdown` is an annotation Slant wrote (its front matter names slant as the generator).
    public static func isSlantAnnotation(_ markdown: String) -> Bool { FrontMatter(markdown)["generator"] == "slant" }

    /// The document's title: its first heading, else its file name, else its id.
    public static func title(of document: Document) -> String {
        if let heading = document.zones.first(where: { $0.kind == .heading && !$0.content.isEmpty }) {
            return String(document.slice(heading.content))
        }
        let name = document.id.split(separator: "/").last.map(String.init) ?? document.id
        return name
    }

    /// The rendered Markdown.
    public func render(_ document: Document) -> String {
        var out = ""
        let profile = document.stanceProfile ?? StanceScores()
        let words = document.tokens.count(where: \.isWordLike)
        let title = Self.title(of: document)
        out += "---\n"
        // Front matter is Markdown to Pandoc: `<` is written as an entity so no HTML gets through.
        out += "title: \(Self.yamlString(title.replacingOccurrences(of: "<", with: "&lt;")))\n"
        out += "source: \(Self.yamlString(document.id.replacingOccurrences(of: "<", with: "&lt;")))\n"
        out += "language: \((document.language ?? .undetermined).rawValue)\n"
        out += "words: \(words)\n"
        out += "sentences: \(document.sentences.count)\n"
        out += "sentence-units: \(Self.plain(profile.sentenceUnits))\n"
        if let inputHash { out += "input-hash: \(inputHash)\n" }
        // What the corpus report needs, so a later run can skip this document and still list it.
        out += "counts: {" + StanceCategory.allCases.map { "\($0.rawValue): \(profile.counts[$0] ?? 0)" }.joined(separator: ", ") + "}\n"
        out +=
            "weights: {" + StanceCategory.allCases.map { "\($0.rawValue): \(Self.plain(profile.weights[$0] ?? 0))" }.joined(separator: ", ")
            + "}\n"
        out += "certainty: \(Self.plain(profile.certainty))\n"
        out += "subjectivity: \(Self.plain(profile.subjectivity))\n"
        let opening = document.summary.first.map { String(document.slice(document.sentences[$0.sentence].range)) } ?? ""
        out += "summary-start: \(Self.yamlString(CorpusIndex.clip(opening, 200).replacingOccurrences(of: "<", with: "&lt;")))\n"
        out += "generator: slant\n"
        out += "---\n\n"
        out += "# \(MarkdownText.escapePlain(title).replacingOccurrences(of: "\n", with: " "))\n\n"
        out += "*Language:* \((document.language ?? .undetermined).rawValue) · *Words:* \(words) · *Sentences:* \(document.sentences.count)"
        out += " · *Source:* `\(document.id.replacingOccurrences(of: "`", with: "'"))`\n\n"
        out += summarySection(document)
        out += profileSection(document, profile)
        out += "## Annotated text\n\n"
        out += "> Legend: \(style.legend)\n\n"
        out += annotatedText(document)
        out += "\n\n"
        out += appendix(document)
        return out
    }

    // MARK: sections

    private func labels(_ document: Document, sentence: Int) -> [String] {
        Set(document.markers.filter { $0.sentence == sentence }.map(\.category)).sorted().map(\.rawValue)
    }

    private func summarySection(_ document: Document) -> String {
        var out = "## Summary\n\n"
        if document.summary.isEmpty {
            out += "*No sentence to summarize.*\n\n"
            return out
        }
        for (number, chosen) in document.summary.enumerated() {
            let text = MarkdownText.escapePlain(document.slice(document.sentences[chosen.sentence].range)).replacingOccurrences(
                of: "\n", with: " ")
            let stance = labels(document, sentence: chosen.sentence)
            out += "\(number + 1). \(text)"
            out += stance.isEmpty ? " — *no stance markers*\n" : " — *\(stance.joined(separator: ", "))*\n"
        }
        return out + "\n"
    }

    private func profileSection(_ document: Document, _ profile: StanceScores) -> String {
        var out = "## Stance profile\n\n"
        out += "| category | markers | per 1,000 words | most frequent cues |\n|---|---:|---:|---|\n"
        for category in StanceCategory.allCases {
            var counts: [String: Int] = [:]
            for marker in document.markers where marker.category == category { counts[marker.entry, default: 0] += 1 }
            let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
                .map { "\(MarkdownText.cell($0.key)) (\($0.value))" }.joined(separator: ", ")
            out +=
                "| \(category.rawValue) | \(profile.counts[category] ?? 0) | \(Self.number(profile.rate(category), digits: 1)) | \(top) |\n"
        }
        out += "\n**Certainty** \(Self.number(profile.certainty, digits: 2)) (−1 only hedges, +1 only boosters) · "
        out += "**Subjectivity** \(Self.number(profile.subjectivity, digits: 2)) (0 none; 0.5 is one subjective marker per sentence)\n\n"
        return out
    }

    private func appendix(_ document: Document) -> String {
        var out = "## Markers\n\n"
        if document.markers.isEmpty { return out + "*No stance markers.*\n" }
        out += "| # | sentence | text | category | entry | weight | modifiers |\n|---:|---:|---|---|---|---:|---|\n"
        // A large document's rows are written in pieces on several threads, joined in order.
        let pieces = DocumentParallelism.map(
            ranges: document.markers.count, splitting: DocumentParallelism.splits(byteCount: document.byteCount)
        ) { numbers in
            var rows = ""
            for number in numbers {
                let marker = document.markers[number]
                rows +=
                    "| \(number + 1) | \(marker.sentence + 1) | \(MarkdownText.cell(document.slice(marker.range))) | \(marker.category.rawValue) "
                rows += "| \(MarkdownText.cell(marker.entry)) (\(marker.language)) | \(Self.number(marker.weight, digits: 2)) "
                rows += "| \(MarkdownText.cell(marker.modifiers.joined(separator: "; "))) |\n"
            }
            return rows
        }
        return out + pieces.joined()
    }

    // MARK: the text

    /// The annotated-text section alone: the text with markers inline. Markdown sources keep their structure
    /// (every `<` outside code blocks escaped, code blocks verbatim in fences of their own, no marker inside
    /// inline code); plain text is escaped so it shows as written, one paragraph per zone. `AnnotationStripper` recovers the source from it.
    public func annotatedText(_ document: Document) -> String {
        let bytes = Array(document.text.utf8)
        var codeSpans: [Range<Int>] = []
        if document.isMarkdown {
            for zone in document.zones where zone.kind != .code {
                codeSpans += MarkdownText.codeSpans(bytes, in: zone.range.start..<zone.range.end)
            }
        }
        var insertions: [Int: (close: String, open: String)] = [:]
        for marker in document.markers where !Self.cutsCode(marker.range, codeSpans) {
            insertions[marker.range.start, default: ("", "")].open += style.opening(marker)
            insertions[marker.range.end, default: ("", "")].close =
                style.closing(marker) + insertions[marker.range.end, default: ("", "")].close
        }
        // One pass over the offsets in order per run of zones: linear in the number of markers. A large
        // document's zones are written in runs on several threads; each run starts where one pass over the
        // zones before it would have left the offsets.
        let offsets = insertions.keys.sorted()
        let zones = document.zones
        let markdown = document.isMarkdown
        let runs = DocumentParallelism.map(ranges: zones.count, splitting: DocumentParallelism.splits(byteCount: bytes.count)) { run in
            var cursor = 0
            if let previous = zones[..<run.lowerBound].lastIndex(where: { !markdown || Self.isDecorated($0.kind) }) {
                cursor = offsets.partitioningIndex { $0 > zones[previous].range.end }
            }
            return run.map { index -> (gap: String?, zone: String) in
                let zone = zones[index]
                let position = index > 0 ? zones[index - 1].range.end : 0
                guard markdown else {
                    return (nil, decorated(bytes, zone.range.start, zone.range.end, insertions, offsets, &cursor, markdown: false))
                }
                let gap = zone.range.start > position ? MarkdownText.escapeHTML(bytes, position..<zone.range.start) : nil
                switch zone.kind {
                case .code: return (gap, Self.fencedBlock(slice(bytes, zone.range.start, zone.range.end)))
                case .markup: return (gap, MarkdownText.escapeHTML(bytes, zone.range.start..<zone.range.end))
                default: return (gap, decorated(bytes, zone.range.start, zone.range.end, insertions, offsets, &cursor, markdown: true))
                }
            }
        }
        guard markdown else { return runs.joined().map(\.zone).joined(separator: "\n\n") }
        var pieces: [String] = []
        for (index, part) in runs.joined().enumerated() {
            if let gap = part.gap { pieces.append(gap) }
            if zones[index].kind == .code, !(pieces.last?.hasSuffix("\n") ?? true) { pieces.append("\n") }
            pieces.append(part.zone)
        }
        let end = zones.last?.range.end ?? 0
        if end < bytes.count { pieces.append(MarkdownText.escapeHTML(bytes, end..<bytes.count)) }
        return pieces.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a zone of a Markdown source gets markers inline (code blocks and markup are copied as they are).
    private static func isDecorated(_ kind: ZoneKind) -> Bool { kind != .code && kind != .markup }

    /// Whether a marker starts or ends strictly inside one of the sorted code spans, where inserted markup
    /// would show as literal characters or break the span.
    static func cutsCode(_ range: TextRange, _ spans: [Range<Int>]) -> Bool {
        func inside(_ offset: Int) -> Bool {
            let index = spans.partitioningIndex { $0.upperBound > offset }
            return index < spans.count && spans[index].lowerBound < offset
        }
        return inside(range.start) || inside(range.end)
    }

    /// A code block as a fenced block at the start of the line, whatever its source form (fenced, indented,
    /// or inside a list or quote): CommonMark then reads it as code in any context, so its text, `<` included,
    /// can be copied verbatim. The fence is longer than any backtick run inside, so no line closes it early,
    /// and it is always closed, on a line of its own (an open fence would swallow the rest of the annotation).
    static func fencedBlock(_ block: String) -> String {
        // CommonMark's line endings: LF, CR LF (one Character in Swift) and a lone CR. Fences are runs of
        // scalars, not graphemes: "`" followed by a combining mark is still a backtick to a Markdown parser.
        var lines = block.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        var info = ""
        let opening = lines.first.map { Substring($0).unicodeScalars.drop { $0 == " " } }
        if let opening, let mark = opening.first, mark == "`" || mark == "~", opening.prefix(while: { $0 == mark }).count >= 3 {
            let fenceLength = opening.prefix { $0 == mark }.count
            info = String(String.UnicodeScalarView(opening.dropFirst(fenceLength))).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
            if let last = lines.last?.trimmingCharacters(in: .whitespaces).unicodeScalars, last.count >= fenceLength,
                last.allSatisfy({ $0 == mark })
            {
                lines.removeLast()
            }
        } else {
            lines = lines.map { line in
                line.hasPrefix("\t") ? String(line.dropFirst()) : String(line.dropFirst(min(4, line.prefix { $0 == " " }.count)))
            }
        }
        let body = lines.joined(separator: "\n")
        let mark: Unicode.Scalar = info.unicodeScalars.contains("`") ? "~" : "`"
        var longestRun = 0
        var run = 0
        for scalar in (info + "\n" + body).unicodeScalars {
            run = scalar == mark ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: String(mark), count: max(3, longestRun + 1))
        return fence + info + "\n" + (body.isEmpty ? "" : body + "\n") + fence + "\n"
    }

    private func decorated(
        _ bytes: [UInt8], _ start: Int, _ end: Int, _ insertions: [Int: (close: String, open: String)], _ offsets: [Int],
        _ cursor: inout Int,
        markdown: Bool
    ) -> String {
        var out = ""
        var segmentStart = start
        func flush(_ upTo: Int) {
            guard upTo > segmentStart else { return }
            if markdown {
                out += MarkdownText.escapeHTML(bytes, segmentStart..<upTo)
            } else {
                out += MarkdownText.escapePlain(slice(bytes, segmentStart, upTo))
            }
            segmentStart = upTo
        }
        while cursor < offsets.count, offsets[cursor] < start { cursor += 1 }
        while cursor < offsets.count, offsets[cursor] <= end {
            let offset = offsets[cursor]
            flush(offset)
            if let insertion = insertions[offset] { out += insertion.close + insertion.open }
            cursor += 1
        }
        flush(end)
        return out
    }

    private func slice(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    // MARK: formatting

    /// A number with fixed digits and a true minus sign, so reruns print the same bytes.
    static func number(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A number to 4 decimals with an ASCII minus, for machine-read front matter.
    static func plain(_ value: Double) -> String { String(format: "%.4f", value) }

    /// A YAML double-quoted string.
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
