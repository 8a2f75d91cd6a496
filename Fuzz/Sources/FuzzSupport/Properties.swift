import CCmarkShim
import Foundation
public import Slant

/// The checks each fuzz target runs on what Slant made of an input.
public enum Properties {
    /// Every stage that `slant annotate` runs, built once.
    public static let annotateChain: StageChain = {
        do {
            return try StageRegistry.standard.makeChain(StageRegistry.summarizeDefaults.map { StageSpec($0) })
        } catch {
            fatalError("the standard chain does not build: \(error)")
        }
    }()

    /// Normalization and segmentation for a document whose language is given.
    public static let segmentChain: StageChain = {
        do {
            return try StageRegistry.standard.makeChain([StageSpec("normalize"), StageSpec("segment")], initialLayers: [.language])
        } catch {
            fatalError("the segment chain does not build: \(error)")
        }
    }()

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
    /// name, and each summary sentence exists.
    public static func spanTextViolations(_ document: Document) -> [String] {
        var problems: [String] = []
        for chosen in document.summary where !document.sentences.indices.contains(chosen.sentence) {
            problems.append("summary names sentence \(chosen.sentence) of \(document.sentences.count)")
        }
        let record = DocumentRecord.line(for: document, parts: [.tokens, .stance])
        guard let object = try? JSONSerialization.jsonObject(with: Data(record)) as? [String: Any],
            let sentences = object["sentences"] as? [[String: Any]], let tokens = object["tokens"] as? [[String: Any]]
        else { return problems + ["the record has no sentences or tokens list"] }
        let bytes = Array(document.text.utf8)
        let markers = sentences.flatMap { $0["markers"] as? [[String: Any]] ?? [] }
        for (kind, spans) in [("sentence", sentences), ("marker", markers), ("token", tokens)] {
            for span in spans {
                guard let start = span["start"] as? Int, let end = span["end"] as? Int, let text = span["text"] as? String,
                    start >= 0, start <= end, end <= bytes.count
                else {
                    problems.append("a \(kind)'s offsets are missing or outside the text: \(span)")
                    continue
                }
                if String(decoding: bytes[start..<end], as: UTF8.self) != text {
                    problems.append("\(kind) text \(text.debugDescription) is not the slice \(start)..<\(end)")
                }
            }
        }
        return problems
    }

    /// Whether bytes hold one JSON value.
    public static func parsesAsJSON(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }
}
