import ArgumentParser
import Foundation
import Slant

/// `slant annotate`: the main job. Annotated Markdown per document, and the corpus report.
struct AnnotateCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case json
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

    @Option(
        name: .long,
        help:
            "Output format: markdown (default), or json / jsonl: one JSON object per document with every field (Schemas/slant-document.schema.json); with --output, one .json file per document."
    )
    var format: Format = .markdown

    @Option(name: .long, help: "Summary length in sentences (default 3).")
    var sentences: Int = 3

    @Flag(name: .long, help: "Annotate every document again, even those whose input and options have not changed.")
    var force = false

    @Flag(name: .long, help: "Show a progress line on stderr even when it is not a terminal.")
    var progress = false

    func validate() throws {
        if MarkupStyle(rawValue: markup) == nil { throw ValidationError("--markup must be github, pandoc or critic") }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
    }

    func run() async throws {
        let markup = MarkupStyle(rawValue: self.markup) ?? .github
        try await runReportingFailures {
            let chain = try options.makeChain(
                defaults: StageRegistry.summarizeDefaults, extraSettings: ["summarize.sentences=\(sentences)"])
            // JSON Lines stream to standard output unless --output is given; Markdown and json write files.
            let folder = (format == .jsonl && output == nil ? nil : outputFolder()).map(OutputFolder.init(root:))
            if let folder {
                try Self.checked { () throws(OutputFolder.Failure) in try folder.prepare() }
                let abandoned = folder.removeAbandonedPartials()
                if !abandoned.isEmpty, !options.quiet {
                    StandardError.write("slant: note: removed \(abandoned.count) partial file(s) left by an interrupted run")
                }
            }
            let optionsKey = AnnotationKey.make(chain: chain, language: options.language, output: ["markup=\(markup.rawValue)"])
            let plan = OutputPlan(folder: format == .markdown ? folder : nil, force: force, optionsKey: optionsKey)
            let source = ResumableInputs(try options.makeSource(), plan: plan)
            let stdout = StandardOutput()
            let reporter = DiagnosticReporter(quiet: options.quiet)
            let renderer = AnnotatedMarkdown(style: markup)
            let format = self.format
            let showProgress = (isatty(2) == 1 || progress) && !options.quiet
            let meter = ProgressLine(
                enabled: showProgress, total: showProgress && options.input == .text ? Self.countInputs(options.paths) : 0)
            // Rendering runs in the worker tasks, in parallel; writing stays in input order.
            let render: @Sendable (Outcome) -> [UInt8] = { outcome in
                guard case .processed(let document) = outcome else { return [] }
                switch format {
                case .json, .jsonl:
                    return DocumentRecord.line(for: document, parts: [.stance, .summary])
                case .markdown:
                    var hashed = renderer
                    hashed.inputHash = plan.hash(for: document.id)
                    return Array(hashed.render(document).utf8)
                }
            }
            try await Pipeline(chain: chain, jobs: options.jobs).run(source, render: render) { outcome, bytes in
                reporter.report(outcome)
                guard case .processed(let document) = outcome else {
                    if folder == nil, format != .markdown, case .failed(let id, let diagnostic) = outcome, diagnostic.severity == .error {
                        try stdout.write(DocumentRecord.errorLine(id: id, diagnostic: diagnostic))
                    }
                    return
                }
                meter.add(bytes: document.byteCount)
                guard let folder else {
                    try stdout.write(format == .markdown && reporter.processed > 1 ? Array("\n".utf8) + bytes : bytes)
                    return
                }
                let relative = plan.claim(document.id, suffix: format == .markdown ? ".md" : ".json")
                try Self.checked { () throws(OutputFolder.Failure) in try folder.write(bytes, to: relative) }
                plan.add(CorpusIndex.Row(document: document, link: relative))
            }
            meter.finish()
            if let folder, format == .markdown {
                try Self.checked { () throws(OutputFolder.Failure) in
                    try folder.write(Array(plan.report.markdown().utf8), to: "INDEX.md")
                    try folder.write(Array(plan.report.svg().utf8), to: "chart.svg")
                }
                // With --shard, the other shards' annotations are not orphans: only whole runs report them.
                for orphan in options.shard == nil ? plan.orphans() : [] where !options.quiet {
                    StandardError.write(
                        "\(folder.root)/\(orphan): note: no input produced this annotation in this run (input removed?); left in place")
                }
                if showProgress {  // like the progress line: on a terminal or with --progress
                    let skipped = plan.skipped
                    StandardError.write(
                        "slant: \(reporter.processed) document(s) annotated\(skipped > 0 ? ", \(skipped) unchanged and skipped (--force redoes them)" : "") into \(folder.root)"
                    )
                }
            }
            // A JSON Lines stream to standard output answers every record, failed ones with an error object in
            // place: it succeeds unless the stream itself broke (what Spark's RDD.pipe and Hadoop Streaming need).
            if folder == nil, format != .markdown, options.input == .jsonl { return .success }
            return reporter.exitCode
        }
    }

    /// How many text files the paths hold (for the progress line's time left); 0 for standard input.
    static func countInputs(_ paths: [String]) -> Int {
        var count = 0
        var visited: Set<String> = []
        var pending = paths.filter { $0 != "-" }
        while let path = pending.popLast() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                count += 1
                continue
            }
            guard visited.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted,
                let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
            else { continue }
            for name in entries where !name.hasPrefix(".") {
                let child = (path as NSString).appendingPathComponent(name)
                var childIsDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory)
                if childIsDirectory.boolValue || FileInputs.textExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    pending.append(child)
                }
            }
        }
        return count
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

/// What an annotate run writes where: input hashes, output names (unique even for duplicate ids), the
/// documents skipped as unchanged, and the corpus report's rows. Shared by the input reader and the emitter.
final class OutputPlan: @unchecked Sendable {
    // Safety: every mutable property is only touched while holding `lock`.
    private let lock = NSLock()
    let folder: OutputFolder?
    let force: Bool
    let optionsKey: String
    private var hashes: [String: String] = [:]
    private var claimed: Set<String> = []
    private var rows: [CorpusIndex.Row] = []
    private(set) var skipped = 0

    init(folder: OutputFolder?, force: Bool, optionsKey: String) {
        self.folder = folder
        self.force = force
        self.optionsKey = optionsKey
    }

    /// Records a document's input hash; returns false when its annotation is current and it can be skipped
    /// (its report row is then read back from the existing file).
    func shouldProcess(_ document: Document) -> Bool {
        let hash = InputHash.of(document.text, options: optionsKey)
        lock.lock()
        defer { lock.unlock() }
        hashes[document.id] = hash
        guard let folder, !force else { return true }
        let relative = OutputFolder.safeRelativePath(for: document.id, suffix: ".md")
        guard !claimed.contains(relative),
            let data = FileManager.default.contents(atPath: (folder.root as NSString).appendingPathComponent(relative)),
            let existing = String(data: data, encoding: .utf8), AnnotatedMarkdown.recordedInputHash(in: existing) == hash,
            let row = CorpusIndex.Row(frontMatterOf: existing, link: relative)
        else { return true }
        claimed.insert(relative)
        rows.append(row)
        skipped += 1
        return false
    }

    func hash(for id: String) -> String? { lock.withLock { hashes[id] } }

    /// A unique output name for a document (a duplicate id gets `-2`, `-3` … before the suffix).
    func claim(_ id: String, suffix: String) -> String {
        lock.withLock {
            let base = OutputFolder.safeRelativePath(for: id, suffix: suffix)
            var name = base
            var number = 2
            while claimed.contains(name) {
                name = String(base.dropLast(suffix.count)) + "-\(number)" + suffix
                number += 1
            }
            if name != base { StandardError.write("\(id): warning: duplicate id; annotation written to \(name)") }
            claimed.insert(name)
            return name
        }
    }

    func add(_ row: CorpusIndex.Row) { lock.withLock { rows.append(row) } }

    var report: CorpusIndex {
        var index = CorpusIndex()
        index.rows = lock.withLock { rows }
        return index
    }

    /// Annotations in the folder that this run neither wrote nor skipped.
    func orphans() -> [String] {
        guard let folder, let enumerator = FileManager.default.enumerator(atPath: folder.root) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".md"), path != "INDEX.md", !lock.withLock({ claimed.contains(path) }) { result.append(path) }
        }
        return result.sorted()
    }
}

/// Leaves out the documents whose annotation is current.
final class ResumableInputs: InputSource {
    private let base: any InputSource
    private let plan: OutputPlan

    init(_ base: any InputSource, plan: OutputPlan) {
        self.base = base
        self.plan = plan
    }

    func next() -> InputItem? {
        while let item = base.next() {
            if case .document(let document) = item, !plan.shouldProcess(document) { continue }
            return item
        }
        return nil
    }
}

/// A progress line on stderr: documents (of the total when known), megabytes, throughput and time left,
/// redrawn at most five times a second.
final class ProgressLine: @unchecked Sendable {
    // Safety: `add` is only called from the pipeline's ordered emitter, one call at a time; `finish` after the run.
    private let enabled: Bool
    private let total: Int
    private let start = Date()
    private var documents = 0
    private var bytes = 0
    private var lastDraw = Date.distantPast

    init(enabled: Bool, total: Int = 0) {
        self.enabled = enabled
        self.total = total
    }

    func add(bytes count: Int) {
        documents += 1
        bytes += count
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        draw(final: false)
    }

    func finish() { if enabled, documents > 0 { draw(final: true) } }

    private func draw(final: Bool) {
        lastDraw = Date()
        let seconds = max(0.001, lastDraw.timeIntervalSince(start))
        let megabytes = Double(bytes) / 1_000_000
        var line = String(format: "\rslant: %d document(s)", documents)
        if total > 0 { line += " of \(total)" }
        line += String(format: ", %.1f MB, %.1f MB/s, %.0f s", megabytes, megabytes / seconds, seconds)
        if total > documents, documents > 0 {
            line += String(format: ", about %.0f s left", seconds / Double(documents) * Double(total - documents))
        }
        line += "   "
        StandardError.writeText(line + (final ? "\n" : ""))
    }
}
