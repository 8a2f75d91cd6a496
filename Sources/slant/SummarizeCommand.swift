import ArgumentParser
import Slant

/// `slant summarize`: extractive summaries.
struct SummarizeCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case text
    }

    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Write an extractive summary of each document (JSON Lines or plain text).",
        discussion: """
            In JSON Lines each document has `id`, `source`, `language` and `summary`, the chosen sentences in source order as objects \
            with text, start, end, index (into the document's sentences), score, rank (order of choice) and \
            stance (the categories of the sentence's markers). Default stages: \
            normalize,language,segment,stance,summarize.
            """
    )

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "Method: lexrank (default), textrank, centroid or lead.")
    var method: String?

    @Option(name: .long, help: "Length budget in sentences (default 3).")
    var sentences: Int?

    @Option(name: .long, help: "Length budget in words.")
    var words: Int?

    @Option(name: .long, help: "Length budget as a share of the document's sentences, 0–1.")
    var ratio: Double?

    @Option(name: .long, help: "Prefer 'neutral' sentences (low subjectivity, no attribution), or 'any'.")
    var prefer: String?

    @Option(name: .long, help: "Output: jsonl (default) or text (the summary sentences, one per line, a blank line between documents).")
    var format: Format = .jsonl

    func validate() throws {
        if [sentences != nil, words != nil, ratio != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --sentences, --words or --ratio")
        }
    }

    func run() async throws {
        var settings: [String] = []
        if let method { settings.append("summarize.method=\(method)") }
        if let sentences { settings.append("summarize.sentences=\(sentences)") }
        if let words { settings.append("summarize.words=\(words)") }
        if let ratio { settings.append("summarize.ratio=\(ratio == 1 ? "1.0" : String(ratio))") }
        if let prefer { settings.append("summarize.prefer=\(prefer)") }
        if format == .jsonl {
            try await runPipelineToJSONLines(
                options: options, defaults: StageRegistry.summarizeDefaults, parts: [.summary, .withoutSentences], settings: settings)
            return
        }
        try await runReportingFailures {
            let chain = try options.makeChain(defaults: StageRegistry.summarizeDefaults, extraSettings: settings)
            let output = StandardOutput()
            let reporter = DiagnosticReporter(quiet: options.quiet)
            try await Pipeline(chain: chain, jobs: options.jobs).run(try options.makeSource()) { outcome in
                reporter.report(outcome)
                guard case .processed(let document) = outcome else { return }
                var text = reporter.processed > 1 ? "\n" : ""
                for chosen in document.summary { text += document.slice(document.sentences[chosen.sentence].range) + "\n" }
                try output.write(Array(text.utf8))
            }
            return reporter.exitCode
        }
    }
}
