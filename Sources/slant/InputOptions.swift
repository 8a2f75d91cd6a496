import ArgumentParser
import Foundation
import Slant

/// How documents are read: shared by every command that runs the pipeline.
struct InputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case jsonl
    }

    @Argument(help: "Files or directories to read; '-' or nothing reads standard input.")
    var paths: [String] = []

    @Option(
        name: .long,
        help: "Input format: 'text' (files, or all of stdin as one document) or 'jsonl' (one {\"id\",\"text\",\"lang\"?} object per line).")
    var input: Format = .text

    @Option(name: .long, help: "Language of every document (BCP 47, e.g. en, zh-Hans); skips identification.")
    var lang: String?

    @Option(
        name: .long,
        help: "Documents processed at once, and threads for one document of 1 MB or more (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Comma-separated stages to run, in order (see `slant stages`).")
    var stages: String?

    @Option(name: .long, help: "A YAML pipeline file listing the stages and their options.")
    var pipeline: String?

    @Option(
        name: .customLong("set"), help: ArgumentHelp("A stage option: STAGE.OPTION=VALUE (repeatable).", valueName: "stage.option=value"))
    var settings: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Process only shard K of N of the input files (stable hash of each file's id; the N shards cover every file once).",
            valueName: "K/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "Print only errors on stderr, no notes or warnings.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let lang, !LanguageTag.isWellFormed(lang) {
            throw ValidationError("--lang '\(lang)' is not a language tag; use one such as en or zh-Hant")
        }
        if stages != nil, pipeline != nil { throw ValidationError("give --stages or --pipeline, not both") }
        if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8") }
        if shard != nil, input == .jsonl { throw ValidationError("--shard applies to files and directories, not to --input jsonl") }
        for setting in settings where Self.parseSetting(setting) == nil {
            throw ValidationError("--set '\(setting)': expected STAGE.OPTION=VALUE, e.g. segment.mode=icu")
        }
    }

    static func parseSetting(_ text: String) -> (stage: String, option: String, value: OptionValue)? {
        guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else { return nil }
        let stage = String(text[..<dot])
        let option = String(text[text.index(after: dot)..<equals])
        guard !stage.isEmpty, !option.isEmpty else { return nil }
        return (stage, option, OptionValue(parsing: String(text[text.index(after: equals)...])))
    }

    /// The language given with `--lang`.
    var language: LanguageTag? { lang.map { LanguageTag($0) } }

    /// The stage chain: `--pipeline`, else `--stages`, else the command's defaults, with `--set` applied.
    func makeChain(defaults: [String], extraSettings: [String] = [], registry: StageRegistry = .standard) throws -> StageChain {
        var specs: [StageSpec]
        if let pipeline {
            specs = try PipelineFile.load(path: pipeline)
        } else if let stages {
            specs = stages.split(separator: ",").map { StageSpec($0.trimmingCharacters(in: .whitespaces)) }
        } else {
            specs = defaults.map { StageSpec($0) }
        }
        for setting in settings + extraSettings {
            guard let (stage, option, value) = Self.parseSetting(setting) else { continue }
            guard let index = specs.firstIndex(where: { $0.name == stage }) else {
                throw CommandFailure.configuration(
                    "--set \(setting): stage '\(stage)' is not in the pipeline (\(specs.map(\.name).joined(separator: ",")))")
            }
            specs[index].options[option] = value
        }
        return try registry.makeChain(specs, initialLayers: language == nil ? [] : [.language])
    }

    /// The input source for the paths and format.
    func makeSource() throws -> any InputSource {
        switch input {
        case .text:
            return FileInputs(paths: paths.isEmpty ? ["-"] : paths, language: language, shard: shard.flatMap(Shard.init(parsing:)))
        case .jsonl:
            let files = paths.isEmpty ? ["-"] : paths
            return ConcatenatedInputs(
                files.map { path in
                    path == "-" ? JSONLInputs(language: language) : jsonlSource(path: path, language: language)
                })
        }
    }
}

/// Several sources read one after another.
final class ConcatenatedInputs: InputSource {
    private var sources: [any InputSource]

    init(_ sources: [any InputSource]) { self.sources = sources.reversed() }

    func next() -> InputItem? {
        while let source = sources.last {
            if let item = source.next() { return item }
            sources.removeLast()
        }
        return nil
    }
}

/// A source that yields one failure: an input that could not be opened.
final class FailedInput: InputSource {
    private var item: InputItem?

    init(path: String, reason: String) { item = .failure(id: path, Diagnostic(.error, path, "cannot read: \(reason)")) }

    func next() -> InputItem? {
        defer { item = nil }
        return item
    }
}

/// Opens a JSON Lines file as a source.
func jsonlSource(path: String, language: LanguageTag?) -> any InputSource {
    guard let handle = FileHandle(forReadingAtPath: path) else {
        let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
        return FailedInput(path: path, reason: reason)
    }
    return JSONLInputs(name: path, language: language) { [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data()) }
}
