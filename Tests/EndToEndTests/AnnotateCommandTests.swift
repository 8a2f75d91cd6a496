import Foundation
import Testing

@Suite struct AnnotateCommandTests {
    /// The committed Annotations/ must be exactly what `slant annotate Corpus` writes: this proves the output
    /// is deterministic and that the committed files are current. Regenerate with `swift run -c release slant
    /// annotate Corpus` after a change that alters them.
    @Test func regeneratingTheCorpusGivesTheCommittedAnnotations() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try SlantProcess.run(["annotate", "Corpus", "--output", directory.path, "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let committed = SlantProcess.packageRoot.appendingPathComponent("Annotations")
        let expectedFiles = try files(under: committed)
        let writtenFiles = try files(under: directory)
        #expect(expectedFiles == writtenFiles)
        for file in expectedFiles {
            let expected = try Data(contentsOf: committed.appendingPathComponent(file))
            let written = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(expected == written, "\(file) differs from the committed annotation: rerun `slant annotate Corpus`")
        }
        #expect(expectedFiles.contains("INDEX.md"))
        #expect(expectedFiles.contains("chart.svg"))
    }

    func files(under root: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }

    @Test func sourceTextCannotInjectHTMLOrStructure() throws {
        let markdown = """
            # Title <script>alert(1)</script>

            Obviously this is <b>bold</b> and <img src=x onerror=alert(1)> too.

            ```html
            <script>keep me verbatim</script>
            ```

            - a list item, perhaps
            """
        let result = try SlantProcess.run(
            ["annotate", "--lang", "en", "--input", "jsonl", "-"],
            stdin: Data(
                (try JSONSerialization.data(withJSONObject: ["id": "x", "text": markdown, "format": "markdown"])) + Data("\n".utf8)))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let annotated = result.stdout
        let outsideCode = annotated.replacingOccurrences(of: "<script>keep me verbatim</script>", with: "")
        #expect(!outsideCode.contains("<script"))
        #expect(!outsideCode.contains("<img"))
        #expect(!outsideCode.contains("<b>"))
        #expect(annotated.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(annotated.contains("```html\n<script>keep me verbatim</script>\n```"))
        #expect(annotated.contains("**Obviously**ᵇ"))
        let plain = try SlantProcess.run(
            ["annotate", "--lang", "en"], stdin: Data("# not a heading <b>x</b> *y* [z](u)\n\n1. not a list".utf8))
        #expect(plain.stdout.contains("\\# not a heading &lt;b>x&lt;/b> \\*y\\* \\[z\\](u)"))
        #expect(plain.stdout.contains("1\\. not a list"))
    }

    @Test func idsNeverLeaveTheOutputFolder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let input =
            "{\"id\":\"../../escape\",\"text\":\"It may rain.\"}\n{\"id\":\"/etc/passwd\",\"text\":\"Clearly not.\"}\n{\"id\":\"a/../b\",\"text\":\"Fine.\"}\n"
        let result = try SlantProcess.run(
            ["annotate", "--input", "jsonl", "--output", output.path, "--lang", "en", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let written = try files(under: output)
        #expect(written == ["INDEX.md", "a/b.md", "chart.svg", "escape.md", "etc/passwd.md"])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape.md").path))
    }

    @Test func anUnwritableOutputFolderIsOneClearErrorAndLeavesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try SlantProcess.run(["annotate", "Corpus", "--output", blocker.appendingPathComponent("out").path])
        #expect(result.status == 74)
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("error") }.count == 1)
        #expect(result.stderr.contains("cannot write"))
        #expect(try files(under: directory) == ["file"])
    }

    @Test func badInputsAreHandled() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data("   \n\n\t ".utf8).write(to: corpus.appendingPathComponent("blank.txt"))
        try Data([0x49, 0x74, 0x20, 0xFF, 0x20, 0x77, 0x6F, 0x72, 0x6B, 0x73, 0x2E]).write(to: corpus.appendingPathComponent("broken.txt"))
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: corpus.appendingPathComponent("binary.md"))
        try Data(String(repeating: "word ", count: 40_000).utf8).write(to: corpus.appendingPathComponent("long-line.txt"))
        let result = try SlantProcess.run(["annotate", corpus.path, "--output", directory.appendingPathComponent("out").path])
        #expect(result.status == 1)  // the binary file failed; the others were annotated
        #expect(result.stderr.contains("binary.md: error: binary data"))
        #expect(result.stderr.contains("broken.txt: warning: invalid UTF-8"))
        let written = try files(under: directory.appendingPathComponent("out"))
        #expect(written == ["INDEX.md", "blank.txt.md", "broken.txt.md", "chart.svg", "empty.txt.md", "long-line.txt.md"])
        let empty = try String(contentsOf: directory.appendingPathComponent("out/empty.txt.md"), encoding: .utf8)
        #expect(empty.contains("*No sentence to summarize.*"))
    }

    @Test func streamsMarkdownAndJSONFromStandardInput() throws {
        let markdown = try SlantProcess.run(
            ["annotate", "--markup", "pandoc"], stdin: Data("Perhaps it works. Critics say it is a disaster.".utf8))
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("[Perhaps]{.hedge}"))
        #expect(markdown.stdout.contains("## Summary"))
        #expect(markdown.stdout.contains("## Markers"))
        let critic = try SlantProcess.run(["annotate", "--markup", "critic"], stdin: Data("Perhaps it works.".utf8))
        #expect(critic.stdout.contains("{==Perhaps==}{>>hedge<<}"))
        let json = try SlantProcess.run(
            ["annotate", "--format", "jsonl", "--input", "jsonl", "-"],
            stdin: Data("{\"id\":\"a\",\"text\":\"Perhaps it works.\"}\nbad\n".utf8))
        #expect(json.records.count == 2)
        #expect(json.records[0]["summary"] is [Any])
        #expect(json.records[0]["profile"] is [String: Any])
        #expect(json.records[1]["error"] != nil)
    }
}

@Suite struct IncrementalAnnotateTests {
    /// A folder `texts/` in `directory` holding the files named, with their text.
    func texts(in directory: URL, _ files: [String: String]) throws -> URL {
        let corpus = directory.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
        return corpus
    }

    @Test func rerunsSkipWhatHasNotChangedAndReportRemovedInputs() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try texts(
            in: directory,
            [
                "a.txt": "Perhaps the plan works. Critics call it a disaster.", "b.txt": "The bridge opened today. Everyone came.",
                "c.txt": "Clearly this is the best option.",
            ])
        let output = directory.appendingPathComponent("Annotations")
        let first = try SlantProcess.run(["annotate", "--progress", corpus.path])  // default output: Annotations/ beside texts/
        #expect(first.status == 0)
        #expect(first.stderr.contains("3 document(s) annotated"))
        let index = try Data(contentsOf: output.appendingPathComponent("INDEX.md"))
        let again = try SlantProcess.run(["annotate", "--progress", corpus.path])
        #expect(again.stderr.contains("0 document(s) annotated, 3 unchanged and skipped"))
        #expect(try Data(contentsOf: output.appendingPathComponent("INDEX.md")) == index)  // rebuilt from front matter
        try Data("The bridge opened today. Everyone came, obviously.".utf8).write(to: corpus.appendingPathComponent("b.txt"))
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("c.txt"))
        let changed = try SlantProcess.run(["annotate", "--progress", corpus.path])
        #expect(changed.stderr.contains("1 document(s) annotated, 1 unchanged and skipped"))
        #expect(changed.stderr.contains("c.txt.md: note: no input produced this annotation"))
        let forced = try SlantProcess.run(["annotate", "--progress", "--force", corpus.path])
        #expect(forced.stderr.contains("2 document(s) annotated into"))
        let other = try SlantProcess.run(["annotate", "--progress", "--markup", "pandoc", corpus.path])  // other options: redone
        #expect(other.stderr.contains("2 document(s) annotated into"))
    }

    @Test func anEditedLexiconFileOrOtherStageOptionsAnnotateAgain() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try texts(
            in: directory,
            ["a.txt": "The committee approved the plan on Tuesday.", "b.txt": "Der Ausschuss stimmte dem Plan am Dienstag zu."])
        let lexicon = directory.appendingPathComponent("en.tsv")
        try Data("attitude\tcommittee\t1.0\n".utf8).write(to: lexicon)
        let output = directory.appendingPathComponent("Annotations")
        let arguments = ["annotate", "--progress", "--set", "stance.lexicon=\(lexicon.path)", corpus.path]
        #expect(try SlantProcess.run(arguments).stderr.contains("2 document(s) annotated"))
        let annotation = output.appendingPathComponent("a.txt.md")
        #expect(try String(contentsOf: annotation, encoding: .utf8).contains("| attitude | 1 |"))
        #expect(try SlantProcess.run(arguments).stderr.contains("0 document(s) annotated, 2 unchanged and skipped"))
        // The same path, other content: every document is redone, and the annotation shows the new entry.
        try Data("attitude\tplan\t1.0\n".utf8).write(to: lexicon)
        #expect(try SlantProcess.run(arguments).stderr.contains("2 document(s) annotated into"))
        #expect(try String(contentsOf: annotation, encoding: .utf8).contains("plan (1)"))
        // A pipeline file with other stage options, and another --lang, are other options too.
        let pipeline = directory.appendingPathComponent("pipeline.yaml")
        try Data("stages:\n  - normalize\n  - language\n  - segment\n  - stance\n  - summarize:\n      prefer: neutral\n".utf8).write(
            to: pipeline)
        let viaFile = ["annotate", "--progress", "--pipeline", pipeline.path, corpus.path]
        #expect(try SlantProcess.run(viaFile).stderr.contains("2 document(s) annotated into"))
        #expect(try SlantProcess.run(viaFile).stderr.contains("0 document(s) annotated, 2 unchanged and skipped"))
        try Data("stages:\n  - normalize\n  - language\n  - segment\n  - stance\n  - summarize:\n      prefer: any\n".utf8).write(
            to: pipeline)
        #expect(try SlantProcess.run(viaFile).stderr.contains("2 document(s) annotated into"))
        #expect(try SlantProcess.run(viaFile + ["--lang", "en"]).stderr.contains("2 document(s) annotated into"))
    }

    @Test func duplicateIdsGetDistinctFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = "{\"id\":\"same\",\"text\":\"First text.\"}\n{\"id\":\"same\",\"text\":\"Second text.\"}\n"
        let result = try SlantProcess.run(
            ["annotate", "--input", "jsonl", "--output", directory.path, "--lang", "en", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("same.md").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("same-2.md").path))
        #expect(result.stderr.contains("same: warning: duplicate id; annotation written to same-2.md"))
    }

    @Test func progressLineOnRequest() throws {
        let quietPipe = try SlantProcess.run(["annotate", "--lang", "en"], stdin: Data("It may rain.".utf8))
        #expect(!quietPipe.stderr.contains("document(s),"))
        let directory0 = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory0) }
        let piped = try SlantProcess.run(["annotate", "Corpus", "--output", directory0.path])
        #expect(piped.stderr.isEmpty, "nothing on stderr when piped: \(piped.stderr)")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let shown = try SlantProcess.run(["annotate", "--progress", "Corpus", "--output", directory.path])
        #expect(shown.stderr.contains("\rslant: 16 document(s) of 16,"))
    }
}

@Suite struct MarkdownStructureTests {
    @Test func nestedListsTablesAndAnOpenFenceKeepTheAnnotationWhole() throws {
        let markdown = """
            # Report

            - Perhaps the first point.
              - A nested point, clearly made.
            - Last point.

            | Town | View |
            |---|---|
            | Riverton | Obviously a disaster |

            ```
            an unclosed fence <b>
            """
        let record = try JSONSerialization.data(withJSONObject: ["id": "r", "text": markdown, "format": "markdown"])
        let result = try SlantProcess.run(["annotate", "--lang", "en", "--input", "jsonl", "-"], stdin: record + Data("\n".utf8))
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("- **Perhaps**ʰ the first point."))
        #expect(out.contains("  - A nested point, **clearly**ᵇ made."))
        #expect(out.contains("| Riverton | **Obviously**ᵇ a **disaster**ᵃ |"))
        #expect(out.contains("```\nan unclosed fence <b>\n```\n"))  // verbatim, and closed
        // The appendix still follows, outside any code block.
        let tail = out.components(separatedBy: "an unclosed fence").last ?? ""
        #expect(tail.contains("\n## Markers\n"))
    }
}

@Suite struct ShardTests {
    @Test func shardsCoverEveryFileOnceAndTheirReportMergesToTheFullOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        var ids: [String] = []
        for shard in 1...3 {
            let result = try SlantProcess.run(["segment", "--no-tokens", "--shard", "\(shard)/3", "Corpus"])
            #expect(result.status == 0)
            ids += result.records.compactMap { $0["id"] as? String }
            #expect(try SlantProcess.run(["annotate", "--shard", "\(shard)/3", "--output", output.path, "Corpus"]).status == 0)
        }
        #expect(ids.count == 16)
        #expect(Set(ids).count == 16)
        let report = try SlantProcess.run(["report", output.path])
        #expect(report.status == 0)
        let merged = try Data(contentsOf: output.appendingPathComponent("INDEX.md"))
        let full = try Data(contentsOf: SlantProcess.packageRoot.appendingPathComponent("Annotations/INDEX.md"))
        #expect(merged == full)
        #expect(try SlantProcess.run(["segment", "--shard", "4/3", "Corpus"]).status == 64)
    }

    @Test func theReportSaysWhichAnnotationsAreTooOldAndWhichAreNotSlants() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        #expect(try SlantProcess.run(["annotate", "--output", output.path, "--quiet", "Corpus/de", "Corpus/ja"]).status == 0)
        // An annotation from before subjectivity was taken against sentences lacks `sentence-units`.
        let old = output.appendingPathComponent("kitagawa-ai-counter.txt.md")
        let text = try String(contentsOf: old, encoding: .utf8)
        let withoutUnits = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("sentence-units:") }
        #expect(withoutUnits.count == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        try withoutUnits.joined(separator: "\n").write(to: old, atomically: true, encoding: .utf8)
        try "# Notes\n\nNot an annotation.\n".write(to: output.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let report = try SlantProcess.run(["report", output.path])
        #expect(report.status == 0)
        #expect(report.stderr.contains("kitagawa-ai-counter.txt.md: warning: written by an older slant"))
        #expect(report.stderr.contains("notes.md: note: no Slant front matter; skipped"))
        let index = try String(contentsOf: output.appendingPathComponent("INDEX.md"), encoding: .utf8)
        #expect(index.contains("windpark-hollenbach"))
        #expect(!index.contains("kitagawa-ai-counter"))
    }

    @Test func aJSONLinesStreamSucceedsWithErrorObjectsInPlace() throws {
        let input = "{\"id\":\"a\",\"text\":\"Fine.\"}\n{broken\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Also fine.\"}\n"
        let result = try SlantProcess.run(["annotate", "--input", "jsonl", "--format", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.records.count == 4)
        #expect(result.records.map { $0["id"] as? String } == ["a", nil, "c", "d"])
        #expect(result.records[1]["error"] != nil && result.records[2]["error"] != nil)
    }
}

@Suite struct JSONLinesReportTests {
    @Test func aReportOfAMissingFolderFailsAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no-such-folder")
        let report = try SlantProcess.run(["report", missing.path])
        #expect(report.status == 1)
        #expect(report.stderr.contains("cannot read \(missing.path): no such file or folder"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func theReportMergesJSONLinesOutputsToo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for shard in 1...2 {
            let result = try SlantProcess.run(["annotate", "--format", "jsonl", "--shard", "\(shard)/2", "Corpus"])
            let file = directory.appendingPathComponent("part-\(shard).jsonl")
            try Data(result.stdout.utf8).write(to: file)
            files.append(file.path)
        }
        // Without --output the report goes beside the first JSON Lines file.
        let report = try SlantProcess.run(["report"] + files)
        #expect(report.status == 0)
        let merged = try String(contentsOf: directory.appendingPathComponent("INDEX.md"), encoding: .utf8)
        let full = try String(contentsOf: SlantProcess.packageRoot.appendingPathComponent("Annotations/INDEX.md"), encoding: .utf8)
        // Same documents and totals; JSON records have no annotation file to link to.
        #expect(
            merged.components(separatedBy: "## Totals per language").last == full.components(separatedBy: "## Totals per language").last)
        #expect(merged.contains("| en/millbrook-bridge-vote.txt | en | 454 |"))
    }
}
