import ArgumentParser
import Slant

/// `slant segment`: sentences and tokens as JSON Lines.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print each document's language, sentences and tokens as JSON Lines.",
        discussion: """
            One JSON object per document, in input order: id, source, language, language_confidence, \
            sentences [{start, end, text}], tokens [{start, end, kind, text}], diagnostics. Offsets are UTF-8 \
            byte offsets into the document text. Token kinds: word, number, ideograph, kana, punctuation, \
            symbol, emoji. Default stages: normalize,language,segment. With --input jsonl, an input line that \
            fails gives {"id", "error"} in its place.
            """
    )

    @OptionGroup var options: InputOptions

    @Flag(name: .long, help: "Leave tokens out of the output.")
    var noTokens = false

    func run() async throws {
        try await runPipelineToJSONLines(options: options, defaults: StageRegistry.segmentDefaults, parts: noTokens ? [] : [.tokens])
    }
}

/// Runs the pipeline over the command's inputs and prints one JSON line per document (or per failed JSONL
/// record); returns through the documented exit status.
func runPipelineToJSONLines(options: InputOptions, defaults: [String], parts: DocumentRecord.Parts, settings: [String] = []) async throws {
    try await runReportingFailures {
        let chain = try options.makeChain(defaults: defaults, extraSettings: settings)
        let source = try options.makeSource()
        let output = StandardOutput()
        let reporter = DiagnosticReporter(quiet: options.quiet)
        let errorLines = options.input == .jsonl
        // Each record is built in its worker task, in parallel; writing stays in input order.
        let render: @Sendable (Outcome) -> [UInt8] = { outcome in
            guard case .processed(let document) = outcome else { return [] }
            return DocumentRecord.line(for: document, parts: parts)
        }
        try await Pipeline(chain: chain, jobs: options.jobs).run(source, render: render) { outcome, line in
            reporter.report(outcome)
            switch outcome {
            case .processed:
                try output.write(line)
            case .failed(let id, let diagnostic):
                if errorLines, diagnostic.severity == .error {
                    try output.write(DocumentRecord.errorLine(id: id, diagnostic: diagnostic))
                }
            }
        }
        return reporter.exitCode
    }
}
