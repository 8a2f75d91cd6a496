import ArgumentParser
import Foundation
import Slant

/// `slant annotate`: the main job. Annotated Markdown per document, and the corpus report.
struct AnnotateCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case jsonl
    }

    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Write annotated Markdown for each document, and the corpus report (INDEX.md, chart.svg).",
        discussion: """
            For a directory, the tree is mirrored into --output (default: Annotations/ beside the first \
            directory given), one .md per input, written atomically, with INDEX.md and chart.svg. For standard \
            input (plain text, or --input jsonl) annotated Markdown (or JSON Lines with --format jsonl) is \
            streamed to standard output as each document is finished, unless --output is given. Default \
            stages: normalize,language,segment,stance,summarize.
            """
    )

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "The output folder (default: Annotations/ beside the first directory given).")
    var output: String?

    @Option(
        name: .long,
        help: "Inline marker style: github (bold and a superscript letter), pandoc ([cue]{.hedge}) or critic ({==cue==}{>>hedge<<}).")
    var markup: String = "github"

    @Option(name: .long, help: "Output format: markdown (default) or jsonl (one JSON object per document, all fields).")
    var format: Format = .markdown

    @Option(name: .long, help: "Summary length in sentences (default 3).")
    var sentences: Int = 3

    func validate() throws {
        if MarkupStyle(rawValue: markup) == nil { throw ValidationError("--markup must be github, pandoc or critic") }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
    }

    func run() async throws {
        let markup = MarkupStyle(rawValue: self.markup) ?? .github
        try await runReportingFailures {
            let chain = try options.makeChain(
                defaults: StageRegistry.summarizeDefaults, extraSettings: ["summarize.sentences=\(sentences)"])
            let folder = outputFolder().map(OutputFolder.init(root:))
            if let folder { try Self.checked { () throws(OutputFolder.Failure) in try folder.prepare() } }
            let source = try options.makeSource()
            let stdout = StandardOutput()
            let reporter = DiagnosticReporter(quiet: options.quiet)
            let index = IndexCollector()
            let renderer = AnnotatedMarkdown(style: markup)
            let format = self.format
            let stageNames = chain.names.joined(separator: ",")
            let markupName = markup.rawValue
            try await Pipeline(chain: chain, jobs: options.jobs).run(source) { outcome in
                reporter.report(outcome)
                guard case .processed(let document) = outcome else {
                    if folder == nil, format == .jsonl, case .failed(let id, let diagnostic) = outcome, diagnostic.severity == .error {
                        try stdout.write(DocumentRecord.errorLine(id: id, diagnostic: diagnostic))
                    }
                    return
                }
                let bytes: [UInt8]
                let suffix: String
                switch format {
                case .jsonl:
                    bytes = DocumentRecord.line(for: document, parts: [.stance, .summary])
                    suffix = ".json"
                case .markdown:
                    var hashed = renderer
                    hashed.inputHash = InputHash.of(document.text, options: "\(stageNames);\(markupName)")
                    bytes = Array(hashed.render(document).utf8)
                    suffix = ".md"
                }
                guard let folder else {
                    try stdout.write(format == .markdown && reporter.processed > 1 ? Array("\n".utf8) + bytes : bytes)
                    return
                }
                let relative = OutputFolder.safeRelativePath(for: document.id, suffix: suffix)
                try Self.checked { () throws(OutputFolder.Failure) in try folder.write(bytes, to: relative) }
                index.add(CorpusIndex.Row(document: document, link: relative))
            }
            if let folder, format == .markdown {
                try Self.checked { () throws(OutputFolder.Failure) in
                    try folder.write(Array(index.report.markdown().utf8), to: "INDEX.md")
                    try folder.write(Array(index.report.svg().utf8), to: "chart.svg")
                }
                if !options.quiet { StandardError.write("slant: \(reporter.processed) document(s) annotated into \(folder.root)") }
            }
            return reporter.exitCode
        }
    }

    /// Runs a file operation, turning its failure into the command's output error (exit 74).
    static func checked(_ body: () throws(OutputFolder.Failure) -> Void) throws {
        do {
            try body()
        } catch {
            throw CommandFailure.output(error.description)
        }
    }

    /// Where files go: --output, else Annotations/ beside the first directory given, else nowhere (stdout).
    func outputFolder() -> String? {
        if let output { return output }
        var isDirectory: ObjCBool = false
        for path in options.paths where path != "-" {
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
                let parent = (trimmed as NSString).deletingLastPathComponent
                return parent.isEmpty ? "Annotations" : (parent as NSString).appendingPathComponent("Annotations")
            }
        }
        return nil
    }
}

/// The corpus report's rows, collected as documents finish (the pipeline emits one at a time).
final class IndexCollector: @unchecked Sendable {
    // Safety: `add` is only called from the pipeline's ordered emitter, one call at a time; `report` after the run.
    private(set) var report = CorpusIndex()
    func add(_ row: CorpusIndex.Row) { report.rows.append(row) }
}

/// A 64-bit FNV-1a hash of a document's text and the options that shaped its annotation, written into the
/// front matter so a later run can tell whether anything changed.
enum InputHash {
    static func of(_ text: String, options: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 + [0] + options.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
