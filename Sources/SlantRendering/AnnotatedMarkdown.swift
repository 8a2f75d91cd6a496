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
        let words = document.tokens.filter(\.isWordLike).count
        let title = Self.title(of: document)
        out += "---\n"
        // Front matter is Markdown to Pandoc: `<` is written as an entity so no HTML gets through.
        out += "title: \(Self.yamlString(title.replacingOccurrences(of: "<", with: "&lt;")))\n"
        out += "source: \(Self.yamlString(document.id.replacingOccurrences(of: "<", with: "&lt;")))\n"
        out += "language: \((document.language ?? .undetermined).rawValue)\n"
        out += "words: \(words)\n"
        out += "sentences: \(document.sentences.count)\n"
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
        out += "**Subjectivity** \(Self.number(profile.subjectivity, digits: 2)) (0 none; 0.5 is one subjective marker per 10 words)\n\n"
        return out
    }

    private func appendix(_ document: Document) -> String {
        var out = "## Markers\n\n"
        if document.markers.isEmpty { return out + "*No stance markers.*\n" }
        out += "| # | sentence | text | category | entry | weight | modifiers |\n|---:|---:|---|---|---|---:|---|\n"
        for (number, marker) in document.markers.enumerated() {
            out +=
                "| \(number + 1) | \(marker.sentence + 1) | \(MarkdownText.cell(document.slice(marker.range))) | \(marker.category.rawValue) "
            out += "| \(MarkdownText.cell(marker.entry)) (\(marker.language)) | \(Self.number(marker.weight, digits: 2)) "
            out += "| \(MarkdownText.cell(marker.modifiers.joined(separator: "; "))) |\n"
        }
        return out
    }

    // MARK: the text

    /// The text with markers inline. Markdown sources keep their structure (raw HTML escaped, code zones
    /// verbatim); plain text is escaped so it shows as written, one paragraph per zone.
    func annotatedText(_ document: Document) -> String {
        let bytes = Array(document.text.utf8)
        let codeSpans = document.isMarkdown ? Self.inlineCodeSpans(bytes) : []
        var insertions: [Int: (close: String, open: String)] = [:]
        for marker in document.markers where !Self.isInside(marker.range, codeSpans) {
            insertions[marker.range.start, default: ("", "")].open += style.opening(marker)
            insertions[marker.range.end, default: ("", "")].close =
                style.closing(marker) + insertions[marker.range.end, default: ("", "")].close
        }
        // One pass over the offsets in order, shared by all zones: linear in the number of markers.
        let offsets = insertions.keys.sorted()
        var cursor = 0
        var pieces: [String] = []
        if document.isMarkdown {
            var position = 0
            for zone in document.zones {
                if zone.range.start > position { pieces.append(slice(bytes, position, zone.range.start)) }
                if zone.kind == .code {
                    pieces.append(Self.closingFence(slice(bytes, zone.range.start, zone.range.end)))
                } else if zone.kind == .markup {
                    pieces.append(escapeMarkup(slice(bytes, zone.range.start, zone.range.end)))
                } else {
                    pieces.append(decorated(bytes, zone.range.start, zone.range.end, insertions, offsets, &cursor, plain: false))
                }
                position = zone.range.end
            }
            if position < bytes.count { pieces.append(slice(bytes, position, bytes.count)) }
            return pieces.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for zone in document.zones {
            pieces.append(decorated(bytes, zone.range.start, zone.range.end, insertions, offsets, &cursor, plain: true))
        }
        return pieces.joined(separator: "\n\n")
    }

    /// Inline code spans (between backticks on one line), in order, found in one pass.
    static func inlineCodeSpans(_ bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int?
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                open = nil
            } else if byte == UInt8(ascii: "`") {
                if let start = open {
                    spans.append(start..<index + 1)
                    open = nil
                } else {
                    open = index
                }
            }
        }
        return spans
    }

    /// Whether a range lies inside one of the sorted spans (binary search).
    static func isInside(_ range: TextRange, _ spans: [Range<Int>]) -> Bool {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound <= range.start { low = middle + 1 } else { high = middle }
        }
        return low < spans.count && spans[low].lowerBound <= range.start && range.end <= spans[low].upperBound
    }

    /// A fenced code block as written, closed if the source left it open (an open fence would swallow the
    /// rest of the annotation).
    static func closingFence(_ block: String) -> String {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        guard let opening = lines.first?.drop(while: { $0 == " " }), let mark = opening.first, mark == "`" || mark == "~" else {
            return block  // an indented code block
        }
        let fence = String(opening.prefix { $0 == mark })
        if lines.count > 1, let last = lines.last?.trimmingCharacters(in: .whitespaces), last.hasPrefix(fence),
            last.allSatisfy({ $0 == mark })
        {
            return block
        }
        return block + "\n" + fence
    }

    /// Markup zones (thematic breaks, HTML blocks, reference definitions): HTML is escaped, the rest kept.
    private func escapeMarkup(_ text: String) -> String { MarkdownText.escapeHTML(inMarkdown: text) }

    private func decorated(
        _ bytes: [UInt8], _ start: Int, _ end: Int, _ insertions: [Int: (close: String, open: String)], _ offsets: [Int],
        _ cursor: inout Int,
        plain: Bool
    ) -> String {
        var out = ""
        var segmentStart = start
        func flush(_ upTo: Int) {
            guard upTo > segmentStart else { return }
            let text = slice(bytes, segmentStart, upTo)
            out += plain ? MarkdownText.escapePlain(text) : MarkdownText.escapeHTML(inMarkdown: text)
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
