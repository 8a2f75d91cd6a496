import ArgumentParser
import Foundation
import Slant

/// `slant report`: the corpus report from annotations already written (for example by several shards).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build INDEX.md and chart.svg from annotation folders or JSON Lines outputs (merges sharded runs).",
        discussion: """
            Reads the front matter of every annotation (.md written by `slant annotate`) under the given folders, \
            and the records of the given JSON Lines files (written by `--format jsonl`), and writes the corpus \
            report into --output (default: the first folder, or the folder of the first JSON Lines file). Links \
            are relative to the report; rows from JSON Lines have none. Files without Slant front matter are \
            skipped with a note.
            """
    )

    @Argument(help: "Folders holding annotations, or JSON Lines files from `slant annotate --format jsonl` (or score).") var folders:
        [String]
    @Option(name: .long, help: "Where to write INDEX.md and chart.svg (default: the first folder, or the first file's folder).") var output:
        String?
    @Flag(name: .shortAndLong, help: "Print only errors.") var quiet = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one annotation folder") }
    }

    func run() throws {
        let destination = output ?? Self.defaultDestination(for: folders[0])
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL
        var index = CorpusIndex()
        var seen: Set<String> = []
        func add(_ row: CorpusIndex.Row, from place: String) {
            if !seen.insert(row.id).inserted, !quiet { StandardError.write("\(place): warning: document '\(row.id)' is listed twice") }
            index.rows.append(row)
        }
        for folder in folders {
            if Self.isFile(folder) {
                for row in try Self.rows(fromJSONLines: folder) { add(row, from: folder) }
                continue
            }
            // Foundation on Linux enumerates a missing folder as an empty one: check first.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                let enumerator = FileManager.default.enumerator(atPath: folder)
            else {
                StandardError.write("slant: error: cannot read \(folder): no such file or folder")
                throw ExitCode(1)
            }
            while let path = enumerator.nextObject() as? String {
                guard path.hasSuffix(".md"), (path as NSString).lastPathComponent != "INDEX.md" else { continue }
                let file = URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL
                let text = FileManager.default.contents(atPath: file.path).flatMap { String(data: $0, encoding: .utf8) }
                guard let text, let row = CorpusIndex.Row(frontMatterOf: text, link: Self.relative(file, from: destinationURL)) else {
                    if !quiet {
                        StandardError.write(
                            text.map(AnnotatedMarkdown.isSlantAnnotation) == true
                                ? "\(file.path): warning: written by an older slant, without the figures the report needs; skipped (run `slant annotate` again)"
                                : "\(file.path): note: no Slant front matter; skipped")
                    }
                    continue
                }
                add(row, from: file.path)
            }
        }
        let folder = OutputFolder(root: destination)
        do {
            try folder.write(Array(index.markdown().utf8), to: "INDEX.md")
            try folder.write(Array(index.svg().utf8), to: "chart.svg")
        } catch {
            StandardError.write("slant: error: \(error)")
            throw ExitCode(74)
        }
        if !quiet { StandardError.write("slant: report of \(index.rows.count) document(s) written to \(destination)/INDEX.md") }
    }

    /// The first input itself when it is a folder, else the folder that holds it.
    static func defaultDestination(for input: String) -> String {
        isFile(input) ? URL(fileURLWithPath: input).deletingLastPathComponent().path : input
    }

    /// Whether the path exists and is not a directory (a JSON Lines file rather than an annotation folder).
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Report rows from JSON Lines records that carry a `profile` (error objects and records without one are
    /// skipped). The rows link to nothing: there is no annotation file.
    static func rows(fromJSONLines path: String) throws -> [CorpusIndex.Row] {
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.write("slant: error: cannot read \(path)")
            throw ExitCode(1)
        }
        var rows: [CorpusIndex.Row] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = record["id"] as? String, let profile = record["profile"] as? [String: Any]
            else { continue }
            var scores = StanceScores()
            scores.words = profile["words"] as? Int ?? 0
            scores.sentenceUnits = (profile["sentence_units"] as? NSNumber)?.doubleValue ?? 0
            for category in StanceCategory.allCases {
                scores.counts[category] = (profile["counts"] as? [String: Any])?[category.rawValue] as? Int ?? 0
                scores.weights[category] = ((profile["weights"] as? [String: Any])?[category.rawValue] as? NSNumber)?.doubleValue ?? 0
            }
            let summary = (record["summary"] as? [[String: Any]])?.first?["text"] as? String ?? ""
            rows.append(
                CorpusIndex.Row(
                    id: id, link: "", language: record["language"] as? String ?? "und", scores: scores, firstSummarySentence: summary))
        }
        return rows
    }

    /// The path of `file` relative to the folder `base`.
    static func relative(_ file: URL, from base: URL) -> String {
        let fileParts = file.pathComponents
        let baseParts = base.pathComponents
        var common = 0
        while common < min(fileParts.count, baseParts.count), fileParts[common] == baseParts[common] { common += 1 }
        return (Array(repeating: "..", count: baseParts.count - common) + fileParts[common...]).joined(separator: "/")
    }
}
