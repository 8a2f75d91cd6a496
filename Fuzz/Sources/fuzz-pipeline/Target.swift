import FuzzSupport
import Slant

/// Raw bytes through every stage `slant annotate` runs, then rendering and JSON. The first byte's low bit
/// chooses Markdown or plain text; the rest is the text, decoded as the file reader decodes it (invalid UTF-8
/// repaired; binary data, which the file reader refuses, still goes through, as it can inside JSON strings).
@_cdecl("fuzz_pipeline_main")
func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let bytes = fuzzBytes(data, size)
        guard let first = bytes.first else { return 0 }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        Properties.checkAnnotated(Document(id: "fuzz", text: text, isMarkdown: first & 1 == 1))
        return 0
    }
}
