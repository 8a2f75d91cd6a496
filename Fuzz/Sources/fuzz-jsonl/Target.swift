import FuzzSupport
import Slant

/// Bytes as a JSON Lines stream, handed to the reader in chunks of varying size (so lines are cut across
/// reads). Every line that is not blank must come out as exactly one item, in order: a document (then
/// annotated and checked like `fuzz-pipeline`) or a failure naming its line; the error line Slant would
/// write for a failure must itself parse as JSON.
@_cdecl("fuzz_jsonl_main")
func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let bytes = fuzzBytes(data, size)
        var offset = 0
        var chunk = 1
        let reader = JSONLInputs(name: "fuzz") {
            defer {
                offset = min(bytes.count, offset + chunk)
                chunk = chunk % 61 + 7
            }
            return Array(bytes[offset..<min(bytes.count, offset + chunk)])
        }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        var items = 0
        while let item = reader.next() {
            items += 1
            switch item {
            case .document(let document):
                Properties.checkAnnotated(document)
            case .failure(let id, let diagnostic):
                let line = DocumentRecord.errorLine(id: id, diagnostic: diagnostic)
                require(
                    Properties.parsesAsJSON(line) ? [] : ["error line does not parse: \(String(decoding: line, as: UTF8.self))"],
                    "error line")
                require(diagnostic.message.isEmpty ? ["a failure with no message"] : [], "failure message")
            }
        }
        require(items == lines.count ? [] : ["\(lines.count) non-blank lines gave \(items) items"], "one item per line")
        return 0
    }
}
