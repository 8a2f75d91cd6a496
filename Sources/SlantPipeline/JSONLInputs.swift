import Foundation
public import SlantCore

/// Input from JSON Lines: one `{"id": "...", "text": "...", "lang": "..."}` object per line, read as a
/// stream (each line becomes a document as soon as it has arrived).
///
/// `id` may be a string or a number; when missing, the line number names the document (`line-7`).
/// `lang`, when given, is the document's language and skips identification; it must be a well-formed tag. A malformed line, a missing
/// `text`, or a line that is not an object becomes a failure with its line number; the rest goes on.
/// Invalid UTF-8 inside a line is repaired before parsing and reported.
public final class JSONLInputs: InputSource {
    private let name: String
    private let readChunk: () -> [UInt8]
    private var buffer: [UInt8] = []
    private var searchFrom = 0
    private var lineNumber = 0
    private var finished = false
    /// Whether the line being parsed is the last one and the input ended without its newline.
    private var lineIsCutOff = false
    private var seenIds: Set<String> = []
    private let forcedLanguage: LanguageTag?

    /// Reads JSON Lines from standard input.
    public convenience init(language: LanguageTag? = nil) {
        self.init(name: "stdin", language: language) { StandardInput.read() }
    }

    /// Reads JSON Lines from chunks handed out by `readChunk` (an empty chunk ends the input).
    public init(name: String, language: LanguageTag? = nil, readChunk: @escaping () -> [UInt8]) {
        self.name = name
        self.readChunk = readChunk
        self.forcedLanguage = language
    }

    public func next() -> InputItem? {
        while let line = nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return parse(line)
        }
        return nil
    }

    /// The next line without its terminator, or nil at the end.
    private func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[searchFrom..<newline]
                searchFrom = newline + 1
                return line
            }
            if finished {
                guard searchFrom < buffer.count else { return nil }
                let line = buffer[searchFrom...]
                searchFrom = buffer.count
                lineIsCutOff = true
                return line
            }
            buffer.removeFirst(searchFrom)
            searchFrom = 0
            let chunk = readChunk()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private func parse(_ line: ArraySlice<UInt8>) -> InputItem {
        let location = "\(name):\(lineNumber)"
        var bytes = Array(line)
        if bytes.last == 0x0D { bytes.removeLast() }
        var repairWarning: Diagnostic?
        if String(validating: bytes, as: UTF8.self) == nil {
            let (count, first) = TextDecoding.invalidSequences(bytes)
            repairWarning = Diagnostic(
                .warning, location,
                "invalid UTF-8: \(count) ill-formed sequence\(count == 1 ? "" : "s") replaced with U+FFFD (first at byte \(first) of the line)"
            )
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        let record: JSONLRecord
        if let flat = bytes.withUnsafeBufferPointer(JSONLRecord.parseFlat) {
            record = flat
        } else {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
            } catch {
                let problem =
                    lineIsCutOff
                    ? "the input ends in the middle of this line (no newline, incomplete JSON)" : "malformed JSON: \(Self.describe(error))"
                return .failure(id: Self.salvagedId(bytes), Diagnostic(.error, location, "\(problem); line skipped"))
            }
            guard let fields = object as? [String: Any] else {
                return .failure(
                    id: nil, Diagnostic(.error, location, "expected a JSON object like {\"id\": \"a\", \"text\": \"...\"}; line skipped"))
            }
            record = JSONLRecord(fields)
        }
        let id: String
        switch record.id {
        case .string(let text)?, .number(let text)?: id = text
        case nil, .null?: id = "line-\(lineNumber)"
        case .other?:
            return .failure(id: nil, Diagnostic(.error, location, "\"id\" must be a string or a number; line skipped"))
        }
        guard case .string(let text)? = record.text else {
            let problem = record.text == nil ? "has no \"text\"" : "\"text\" is not a string"
            return .failure(id: id, Diagnostic(.error, location, "record '\(id)' \(problem); line skipped"))
        }
        var language = forcedLanguage
        if language == nil, let lang = record.lang, lang != .null {
            guard case .string(let lang) = lang, lang.isEmpty || LanguageTag.isWellFormed(lang) else {
                return .failure(
                    id: id,
                    Diagnostic(
                        .error, location, "record '\(id)': \"lang\" must be a language tag such as \"en\" or \"zh-Hant\"; line skipped"))
            }
            if !lang.isEmpty { language = LanguageTag(lang) }
        }
        var document = Document(
            id: id, text: text, source: name, isMarkdown: record.format == .string("markdown"), language: language)
        if let repairWarning { document.diagnostics.append(repairWarning) }
        if !seenIds.insert(id).inserted {
            document.diagnostics.append(Diagnostic(.warning, location, "duplicate id '\(id)' (an earlier line has it too)"))
        }
        return .document(document)
    }

    /// The string value of a leading `"id"` key in a line that is not valid JSON, so the error object can
    /// still name its record; nil when there is none or it is not a plain string.
    static func salvagedId(_ bytes: [UInt8]) -> String? {
        let line = String(decoding: bytes, as: UTF8.self)
        guard let match = line.firstMatch(of: /^\s*\{\s*"id"\s*:\s*"([^"\\]*)"/) else { return nil }
        return String(match.1)
    }

    /// The reason JSONSerialization gives, without Foundation's boilerplate.
    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
