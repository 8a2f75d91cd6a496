public import SlantCore

/// The JSON Lines record of a processed document: one object per document, written by `slant segment` and
/// `slant score` (and extended by later commands).
///
/// ```json
/// {"id":"en/a.txt","source":"Corpus/en/a.txt","language":"en","language_confidence":0.93,
///  "sentences":[{"start":0,"end":12,"text":"Hello World.",
///                "markers":[{"start":0,"end":5,"text":"Hello","category":"engagement","entry":"hello",
///                            "language":"en","weight":1,"modifiers":[]}],
///                "scores":{"words":2,"counts":{"hedge":0,…},"certainty":0,"subjectivity":0.83}}],
///  "tokens":[{"start":0,"end":5,"kind":"word","text":"Hello"}],
///  "profile":{"words":2,"counts":{…},"rates":{…},"certainty":0,"subjectivity":0.83},
///  "diagnostics":[{"severity":"warning","message":"..."}]}
/// ```
/// Offsets are UTF-8 byte offsets into the document text, `end` exclusive. Names never change; later
/// commands only add fields. Numbers are rounded to 4 decimals, so output is byte-identical across runs.
public enum DocumentRecord {
    /// Which optional parts a record holds.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The `tokens` array.
        public static let tokens = Parts(rawValue: 1)
        /// Each sentence's `markers` and `scores`, and the document `profile` (when the stance stage ran).
        public static let stance = Parts(rawValue: 2)
        /// The `summary` (when the summarize stage ran).
        public static let summary = Parts(rawValue: 4)
        /// Leave out the `sentences` array (summaries of long documents stay small).
        public static let withoutSentences = Parts(rawValue: 8)
    }

    /// Writes the fields of a processed document into an open object.
    public static func writeFields(of document: Document, into writer: inout JSONWriter, parts: Parts) {
        writer.field("id", document.id)
        if let source = document.source { writer.field("source", source) }
        writer.field("language", (document.language ?? .undetermined).rawValue)
        if let confidence = document.languageConfidence {
            writer.key("language_confidence")
            writer.number(confidence, digits: 3)
        }
        let stance = parts.contains(.stance) && document.layers.contains(.markers)
        if !parts.contains(.withoutSentences) { writeSentences(of: document, into: &writer, stance: stance) }
        if parts.contains(.tokens) {
            writer.key("tokens")
            writer.beginArray()
            for token in document.tokens {
                writer.beginObject()
                writeSpanFields(token.range, kind: token.kind.rawValue, of: document, into: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        if parts.contains(.summary), document.layers.contains(.summary) {
            writer.key("summary")
            writer.beginArray()
            for chosen in document.summary {
                let sentence = document.sentences[chosen.sentence]
                writer.beginObject()
                writeSpanFields(sentence.range, kind: nil, of: document, into: &writer)
                writer.field("index", chosen.sentence)
                writer.key("score")
                writer.number(chosen.score)
                writer.field("rank", chosen.rank)
                if document.layers.contains(.markers) {
                    let labels = Set(document.markers.filter { $0.sentence == chosen.sentence }.map(\.category)).sorted()
                    writer.key("stance")
                    writer.beginArray()
                    for label in labels { writer.string(label.rawValue) }
                    writer.endArray()
                }
                writer.endObject()
            }
            writer.endArray()
        }
        if stance, let profile = document.stanceProfile {
            writer.key("profile")
            writeScores(profile, rates: true, into: &writer)
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

    /// The `sentences` array, each with its markers and scores when `stance` is set. A large document's
    /// sentences are written in pieces on several threads and joined in order.
    static func writeSentences(of document: Document, into writer: inout JSONWriter, stance: Bool) {
        let pieces = DocumentParallelism.map(
            ranges: document.sentences.count, splitting: DocumentParallelism.splits(byteCount: document.byteCount)
        ) { sentences in
            var fragment = JSONWriter()
            writeSentences(sentences, of: document, into: &fragment, stance: stance)
            return fragment
        }
        writer.key("sentences")
        writer.beginArray()
        for piece in pieces { writer.appendValues(of: piece) }
        writer.endArray()
    }

    /// Sentence objects, as top-level values of `writer`.
    private static func writeSentences(_ sentences: Range<Int>, of document: Document, into writer: inout JSONWriter, stance: Bool) {
        var markerIndex = document.markers.partitioningIndex { $0.sentence >= sentences.lowerBound }
        for index in sentences {
            let sentence = document.sentences[index]
            writer.beginObject()
            writeSpanFields(sentence.range, kind: nil, of: document, into: &writer)
            if stance {
                writer.key("markers")
                writer.beginArray()
                while markerIndex < document.markers.count, document.markers[markerIndex].sentence == index {
                    writeMarker(document.markers[markerIndex], of: document, into: &writer)
                    markerIndex += 1
                }
                writer.endArray()
                if index < document.sentenceScores.count {
                    writer.key("scores")
                    writeScores(document.sentenceScores[index], rates: false, into: &writer)
                }
            }
            writer.endObject()
        }
    }

    /// `"start", "end", "kind"?, "text"` of one span, into an open object.
    static func writeSpanFields(_ range: TextRange, kind: String?, of document: Document, into writer: inout JSONWriter) {
        writer.field("start", range.start)
        writer.field("end", range.end)
        if let kind { writer.field("kind", kind) }
        writer.field("text", document.slice(range))
    }

    /// A marker object: its span, category, entry, language, weight and modifiers.
    public static func writeMarker(_ marker: Marker, of document: Document, into writer: inout JSONWriter) {
        writer.beginObject()
        writeSpanFields(marker.range, kind: nil, of: document, into: &writer)
        writer.field("category", marker.category.rawValue)
        writer.field("entry", marker.entry)
        writer.field("language", marker.language)
        writer.key("weight")
        writer.number(marker.weight)
        writer.key("modifiers")
        writer.beginArray()
        for modifier in marker.modifiers { writer.string(modifier) }
        writer.endArray()
        writer.endObject()
    }

    /// A scores object: words, counts per category (all six), for the document profile also the summed
    /// weights and the rates per 1,000 words, and the certainty and subjectivity indices.
    public static func writeScores(_ scores: StanceScores, rates: Bool, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("words", scores.words)
        writer.key("counts")
        writer.beginObject()
        for category in StanceCategory.allCases { writer.field(category.rawValue, scores.counts[category] ?? 0) }
        writer.endObject()
        if rates {
            writer.key("sentence_units")
            writer.number(scores.sentenceUnits)
            writer.key("weights")
            writer.beginObject()
            for category in StanceCategory.allCases {
                writer.key(category.rawValue)
                writer.number(scores.weights[category] ?? 0)
            }
            writer.endObject()
            writer.key("rates")
            writer.beginObject()
            for category in StanceCategory.allCases {
                writer.key(category.rawValue)
                writer.number(scores.rate(category), digits: 2)
            }
            writer.endObject()
        }
        writer.key("certainty")
        writer.number(scores.certainty)
        writer.key("subjectivity")
        writer.number(scores.subjectivity)
        writer.endObject()
    }

    /// One JSON line (with its newline) for a processed document.
    public static func line(for document: Document, parts: Parts) -> [UInt8] {
        var writer = JSONWriter(capacity: document.byteCount * 4 + 256)
        writer.beginObject()
        writeFields(of: document, into: &writer, parts: parts)
        writer.endObject()
        return writer.bytes + [0x0A]
    }

    /// One JSON line for an input that failed: `{"id": ..., "error": "..."}`, so line-per-record consumers
    /// (Spark, Hadoop Streaming) keep their alignment. The message carries no stream position: the object's
    /// own place in the output is the input line it answers, so a split stream gives the same objects.
    public static func errorLine(id: String?, diagnostic: Diagnostic) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("id")
        if let id { writer.string(id) } else { writer.null() }
        writer.field("error", diagnostic.message)
        writer.endObject()
        return writer.bytes + [0x0A]
    }
}
