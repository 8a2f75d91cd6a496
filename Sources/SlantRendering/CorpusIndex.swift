import Foundation
public import SlantCore

/// The corpus report: one row per annotated document, totals per language, and a chart, written as
/// `INDEX.md` and `chart.svg` in the output folder.
public struct CorpusIndex: Sendable {
    /// What the report keeps of one document (not the document itself: memory stays small on big corpora).
    /// Weights and indices are kept to 4 decimals, as an annotation's front matter records them, so a report
    /// rebuilt from skipped documents is byte-identical to one from fresh runs.
    public struct Row: Sendable {
        public var id: String
        /// The annotation's path relative to the output folder.
        public var link: String
        public var language: String
        public var scores: StanceScores
        public var certainty: Double
        public var subjectivity: Double
        public var firstSummarySentence: String

        public init(id: String, link: String, language: String, scores: StanceScores, firstSummarySentence: String) {
            self.id = id
            self.link = link
            self.language = language
            var rounded = scores
            rounded.weights = scores.weights.mapValues(Self.round4)
            self.scores = rounded
            self.certainty = Self.round4(scores.certainty)
            self.subjectivity = Self.round4(scores.subjectivity)
            self.firstSummarySentence = firstSummarySentence
        }

        /// The row for a processed document annotated at `link`.
        public init(document: Document, link: String) {
            self.init(
                id: document.id, link: link, language: (document.language ?? .undetermined).rawValue,
                scores: document.stanceProfile ?? StanceScores(),
                firstSummarySentence: document.summary.first.map { String(document.slice(document.sentences[$0.sentence].range)) } ?? "")
        }

        /// The row recorded in an annotation's front matter (for documents a run skips as unchanged).
        public init?(frontMatterOf markdown: String, link: String) {
            let front = FrontMatter(markdown)
            guard let id = front.string("source"), let language = front["language"], let words = front["words"].flatMap(Int.init),
                let certainty = front["certainty"].flatMap(Double.init), let subjectivity = front["subjectivity"].flatMap(Double.init),
                // Annotations written before subjectivity was taken against sentences lack this: `annotate` redoes
                // them, and `report` names them.
                let sentenceUnits = front["sentence-units"].flatMap(Double.init)
            else { return nil }
            var scores = StanceScores()
            scores.words = words
            scores.sentenceUnits = sentenceUnits
            scores.counts = Self.map(front["counts"]).compactMapValues { Int($0) }
            scores.weights = Self.map(front["weights"]).compactMapValues { Double($0) }
            self.init(
                id: id.replacingOccurrences(of: "&lt;", with: "<"), link: link, language: language, scores: scores,
                firstSummarySentence: (front.string("summary-start") ?? "").replacingOccurrences(of: "&lt;", with: "<"))
            self.certainty = certainty
            self.subjectivity = subjectivity
        }

        /// `{hedge: 1, booster: 2}` as a dictionary by category.
        private static func map(_ text: String?) -> [StanceCategory: String] {
            var result: [StanceCategory: String] = [:]
            for pair in (text ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",") {
                let parts = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let category = StanceCategory(rawValue: parts[0]) { result[category] = parts[1] }
            }
            return result
        }

        static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
    }

    /// The rows, in any order (they are sorted by id when rendered).
    public var rows: [Row] = []

    public init() {}

    /// `INDEX.md`.
    public func markdown() -> String {
        let sorted = rows.sorted { $0.id < $1.id }
        let short: [StanceCategory: String] = [
            .hedge: "hedge", .booster: "boost", .attitude: "attit", .attribution: "attrib", .selfMention: "self", .engagement: "engage",
        ]
        var out = "# Slant corpus report\n\n"
        out += "\(sorted.count) documents, \(sorted.reduce(0) { $0 + $1.scores.words }) words. "
        out += "Rates are markers per 1,000 words; certainty runs from −1 (only hedges) to +1 (only boosters); "
        out += "subjectivity from 0 toward 1 (0.5 is one subjective marker per sentence).\n\n"
        out += "![Certainty against subjectivity, one point per document](chart.svg)\n\n"
        out += "## Documents\n\n"
        out += "| document | lang | words | " + StanceCategory.allCases.map { short[$0]! }.joined(separator: " | ")
        out += " | certainty | subjectivity | summary opens with |\n"
        out += "|---|---|---:|" + String(repeating: "---:|", count: StanceCategory.allCases.count) + "---:|---:|---|\n"
        for row in sorted {
            let link = row.link.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
                .joined(separator: "/")
            out += row.link.isEmpty ? "| \(MarkdownText.cell(row.id)) | " : "| [\(MarkdownText.cell(row.id))](\(link)) | "
            out += "\(row.language) | \(row.scores.words) | "
            out += StanceCategory.allCases.map { AnnotatedMarkdown.number(row.scores.rate($0), digits: 1) }.joined(separator: " | ")
            out +=
                " | \(AnnotatedMarkdown.number(row.certainty, digits: 2)) | \(AnnotatedMarkdown.number(row.subjectivity, digits: 2)) | "
            out += MarkdownText.cell(Self.clip(row.firstSummarySentence, 90)) + " |\n"
        }
        out += "\n## Totals per language\n\n"
        out +=
            "| lang | documents | words | " + StanceCategory.allCases.map { short[$0]! }.joined(separator: " | ")
            + " | certainty | subjectivity |\n"
        out += "|---|---:|---:|" + String(repeating: "---:|", count: StanceCategory.allCases.count) + "---:|---:|\n"
        var byLanguage: [String: (count: Int, scores: StanceScores)] = [:]
        for row in sorted {
            var entry = byLanguage[row.language] ?? (0, StanceScores())
            entry.count += 1
            entry.scores.add(row.scores)
            byLanguage[row.language] = entry
        }
        for (language, entry) in byLanguage.sorted(by: { $0.key < $1.key }) {
            out += "| \(language) | \(entry.count) | \(entry.scores.words) | "
            out += StanceCategory.allCases.map { AnnotatedMarkdown.number(entry.scores.rate($0), digits: 1) }.joined(separator: " | ")
            out +=
                " | \(AnnotatedMarkdown.number(entry.scores.certainty, digits: 2)) | \(AnnotatedMarkdown.number(entry.scores.subjectivity, digits: 2)) |\n"
        }
        return out
    }

    /// `chart.svg`: certainty (x, −1 to 1) against subjectivity (y, 0 to 1), one labelled point per document.
    public func svg() -> String {
        let sorted = rows.sorted { $0.id < $1.id }
        let width = 720.0
        let height = 480.0
        let margin = 60.0
        func x(_ certainty: Double) -> Double { margin + (certainty + 1) / 2 * (width - 2 * margin) }
        func y(_ subjectivity: Double) -> Double { height - margin - min(max(subjectivity, 0), 1) * (height - 2 * margin) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
        out += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        out += "<title>Certainty against subjectivity per document</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<line x1=\"\(f(margin))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - margin))\" y2=\"\(f(y(0)))\" stroke=\"#333\"/>\n"
        out +=
            "<line x1=\"\(f(x(0)))\" y1=\"\(f(margin))\" x2=\"\(f(x(0)))\" y2=\"\(f(y(0)))\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>\n"
        out += "<line x1=\"\(f(margin))\" y1=\"\(f(margin))\" x2=\"\(f(margin))\" y2=\"\(f(y(0)))\" stroke=\"#333\"/>\n"
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            out +=
                "<text x=\"\(f(x(tick)))\" y=\"\(f(y(0) + 16))\" text-anchor=\"middle\">\(AnnotatedMarkdown.number(tick, digits: 1))</text>\n"
        }
        for tick in [0.0, 0.25, 0.5, 0.75, 1] {
            out +=
                "<text x=\"\(f(margin - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(AnnotatedMarkdown.number(tick, digits: 2))</text>\n"
        }
        out += "<text x=\"\(f(width / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\">certainty (hedges ← → boosters)</text>\n"
        out +=
            "<text x=\"16\" y=\"\(f(height / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(height / 2)))\">subjectivity</text>\n"
        for row in sorted {
            let px = x(row.certainty)
            let py = y(row.subjectivity)
            out += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"4\" fill=\"#2b6cb0\"><title>\(Self.xml(row.id))</title></circle>\n"
            out +=
                "<text x=\"\(f(px + 6))\" y=\"\(f(py - 6))\" fill=\"#444\">\(Self.xml(Self.clip(row.id.split(separator: "/").last.map(String.init) ?? row.id, 28)))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func clip(_ text: String, _ length: Int) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count <= length ? oneLine : String(oneLine.prefix(length - 1)) + "…"
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The `key: value` lines of a Markdown file's YAML front matter (only the flat form Slant writes).
struct FrontMatter {
    private var values: [String: String] = [:]

    init(_ markdown: String) {
        guard markdown.hasPrefix("---\n") else { return }
        for line in markdown.dropFirst(4).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    subscript(key: String) -> String? { values[key] }

    /// A double-quoted YAML string value, unescaped.
    func string(_ key: String) -> String? {
        guard let raw = values[key], raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 else { return values[key] }
        var result = ""
        var escaped = false
        for character in raw.dropFirst().dropLast() {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
