public import SlantCore
import SlantICU

/// `normalize`: puts the text in Unicode Normalization Form C, so that "é" written as e + U+0301 matches
/// the lexicons and counts as one letter. Runs before any stage that records offsets; when the text changes,
/// the document gets a note saying offsets refer to the normalized text.
public struct NormalizeStage: Stage {
    public static let name = "normalize"
    public var requires: Set<Layer> { [] }
    public var provides: Set<Layer> { [.normalized] }

    public init() {}

    public func process(_ document: inout Document) throws(StageError) {
        guard document.zones.isEmpty, document.sentences.isEmpty, document.tokens.isEmpty else {
            throw .failed(stage: Self.name, document: document.id, message: "normalize must run before segment (offsets already exist)")
        }
        do {
            if let normalized = try TextTransform.nfcIfChanged(document.text) {
                document.diagnostics.append(
                    Diagnostic(
                        .note, document.id,
                        "text normalized to NFC (\(document.byteCount) → \(normalized.utf8.count) bytes); offsets refer to the normalized text"
                    )
                )
                document.text = normalized
            }
        } catch {
            throw .failed(stage: Self.name, document: document.id, message: error.description)
        }
    }
}
