import CCmarkShim
import Foundation
public import Slant

/// The checks each fuzz target runs on what Slant made of an input.
public enum Properties {
    /// Every stage that `slant annotate` runs, built once.
    public static let annotateChain = chain(StageRegistry.summarizeDefaults, initialLayers: [])

    /// Normalization and segmentation for a document whose language is given.
    public static let segmentChain = chain(["normalize", "segment"], initialLayers: [.language])

    /// A chain of standard stages with default options; one that does not build is a bug in the harness.
    private static func chain(_ names: [String], initialLayers: Set<Layer>) -> StageChain {
        do {
            return try StageRegistry.standard.makeChain(names.map { StageSpec($0) }, initialLayers: initialLayers)
        } catch {
            fatalError("the chain \(names) does not build: \(error)")
        }
    }

    /// Runs the annotate chain on a document and checks it: the document invariants (offsets inside the text,
    /// on UTF-8 boundaries, sentences in order and disjoint, markers inside their sentences), the rendering
    /// round trip in every unambiguous style, no raw HTML in the rendered Markdown (judged by cmark), and a
    /// JSON line that parses.
    public static func checkAnnotated(_ input: Document) {
        var document = input
        do {
            try annotateChain.process(&document)
        } catch {
            fatalError("a stage failed on text input: \(error)")
        }
        require(document.invariantViolations(), "document invariants")
        require(spanTextViolations(document), "span texts")
        require(AnnotatedMarkdown.renderingViolations(document), "rendering round trip")
        let markdown = AnnotatedMarkdown(style: .github).render(document)
        let html = markdown.utf8CString.withUnsafeBufferPointer { slant_cmark_html_nodes($0.baseAddress, $0.count - 1) }
        require(html == 0 ? [] : ["cmark finds \(html) raw HTML node(s) in the rendered Markdown"], "no raw HTML")
        let line = DocumentRecord.line(for: document, parts: [.tokens, .stance, .summary])
        require(parsesAsJSON(line) ? [] : ["the JSON line does not parse"], "JSON output")
    }

    /// In the JSON record, each sentence's, marker's and token's `text` is the slice its `start` and `end`
    /// name, and each summary sentence exists. (Read with `JSONDecoder`: Foundation's `JSONSerialization` on
    /// Linux drops a U+FEFF that follows a leading NUL in a string.)
    public static func spanTextViolations(_ document: Document) -> [String] {
        var problems: [String] = []
        for chosen in document.summary where !document.sentences.indices.contains(chosen.sentence) {
            problems.append("summary names sentence \(chosen.sentence) of \(document.sentences.count)")
        }
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: Data(DocumentRecord.line(for: document, parts: [.tokens, .stance])))
        } catch {
            return problems + ["the record does not decode: \(error)"]
        }
        let bytes = Array(document.text.utf8)
        let markers = record.sentences.flatMap { $0.markers ?? [] }
        for (kind, spans) in [("sentence", record.sentences.map(\.span)), ("marker", markers), ("token", record.tokens)] {
            for span in spans {
                guard span.start >= 0, span.start <= span.end, span.end <= bytes.count else {
                    problems.append("a \(kind)'s offsets \(span.start)..<\(span.end) lie outside the text")
                    continue
                }
                if String(decoding: bytes[span.start..<span.end], as: UTF8.self) != span.text {
                    problems.append("\(kind) text \(span.text.debugDescription) is not the slice \(span.start)..<\(span.end)")
                }
            }
        }
        return problems
    }

    /// The parts of a JSON record the span check reads.
    private struct Record: Decodable {
        struct Span: Decodable {
            let start: Int
            let end: Int
            let text: String
        }
        struct Sentence: Decodable {
            let start: Int
            let end: Int
            let text: String
            let markers: [Span]?
            var span: Span { Span(start: start, end: end, text: text) }
        }
        let sentences: [Sentence]
        let tokens: [Span]
    }

    /// Whether bytes hold one JSON value.
    public static func parsesAsJSON(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }
}
