import FuzzSupport
import Slant

/// Bytes as a user lexicon (`--lexicon FILE`). An error must name a line of the file
/// (`fuzz.tsv:N: message`, 1 ≤ N ≤ the line count); a lexicon that loads is merged over the bundled English
/// one and matched against the file's own text, segmented, whose markers must keep the document invariants.
@_cdecl("fuzz_lexicon_main")
func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
        let lineCount = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count)
        var lexicon: Lexicon
        do throws(LexiconError) {
            lexicon = try Lexicon(parsing: text, language: "en", name: "fuzz.tsv")
            var merged = try Lexicon.bundled(for: "en") ?? Lexicon(language: "en")
            try merged.merge(parsing: text, name: "fuzz.tsv")
            lexicon = merged
        } catch {
            let parts = error.location.split(separator: ":")
            let line = parts.count == 2 && parts[0] == "fuzz.tsv" ? Int(parts[1]) : nil
            require(
                line.map { (1...lineCount).contains($0) } == true ? [] : ["error location \(error.location) names no line of the file"],
                "lexicon error")
            require(error.message.isEmpty ? ["an error with no message"] : [], "lexicon error")
            return 0
        }
        var document = Document(id: "fuzz", text: text, language: LanguageTag("en"))
        do {
            try Properties.segmentChain.process(&document)
        } catch {
            fatalError("segmentation failed: \(error)")
        }
        StanceAnnotator(lexicon: lexicon).annotate(&document)
        require(document.invariantViolations(), "document invariants")
        return 0
    }
}
