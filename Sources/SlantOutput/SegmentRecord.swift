public import SlantCore

/// The JSON Lines record of `slant segment`: one object per document.
///
/// ```json
/// {"id":"en/a.txt","source":"Corpus/en/a.txt","language":"en","language_confidence":0.93,
///  "sentences":[{"start":0,"end":12,"text":"Hello World."}],
///  "tokens":[{"start":0,"end":5,"kind":"word","text":"Hello"}],
///  "diagnostics":[{"severity":"warning","message":"..."}]}
/// ```
/// Offsets are UTF-8 byte offsets into the document text, `end` exclusive. Later commands add fields to
/// this object; these names never change.
public enum SegmentRecord {
    /// Writes the fields of a processed document into an open object.
    public static func writeFields(of document: Document, into writer: inout JSONWriter, tokens: Bool = true) {
        writer.field("id", document.id)
        if let source = document.source { writer.field("source", source) }
        writer.field("language", (document.language ?? .undetermined).rawValue)
        if let confidence = document.languageConfidence {
            writer.key("language_confidence")
            writer.number(confidence, digits: 3)
        }
        writer.key("sentences")
        writer.beginArray()
        for sentence in document.sentences { writeSpan(sentence.range, kind: nil, of: document, into: &writer) }
        writer.endArray()
        if tokens {
            writer.key("tokens")
            writer.beginArray()
            for token in document.tokens { writeSpan(token.range, kind: token.kind.rawValue, of: document, into: &writer) }
            writer.endArray()
        }
        if !document.diagnostics.isEmpty {
            writer.key("diagnostics")
            writer.beginArray()
            for diagnostic in document.diagnostics {
                writer.beginObject()
                writer.field("severity", diagnostic.severity.rawValue)
                writer.field("message", diagnostic.message)
                writer.endObject()
            }
            writer.endArray()
        }
    }

    /// `{"start", "end", "kind"?, "text"}` for one span.
    static func writeSpan(_ range: TextRange, kind: String?, of document: Document, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("start", range.start)
        writer.field("end", range.end)
        if let kind { writer.field("kind", kind) }
        writer.field("text", document.slice(range))
        writer.endObject()
    }

    /// One JSON line (with its newline) for a processed document.
    public static func line(for document: Document, tokens: Bool = true) -> [UInt8] {
        var writer = JSONWriter(capacity: document.byteCount * 4 + 256)
        writer.beginObject()
        writeFields(of: document, into: &writer, tokens: tokens)
        writer.endObject()
        return writer.bytes + [0x0A]
    }

    /// One JSON line for an input that failed: `{"id": ..., "error": "..."}`, so line-per-record consumers
    /// (Spark, Hadoop Streaming) keep their alignment.
    public static func errorLine(id: String?, diagnostic: Diagnostic) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("id")
        if let id { writer.string(id) } else { writer.null() }
        writer.field("error", diagnostic.description)
        writer.endObject()
        return writer.bytes + [0x0A]
    }
}
