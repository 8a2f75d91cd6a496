import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func segmentsTheCorpusIdentifyingEveryLanguage() throws {
        let result = try SlantProcess.run(["segment", "Corpus"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = result.records
        let files =
            FileManager.default.enumerator(atPath: SlantProcess.packageRoot.appendingPathComponent("Corpus").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") } ?? []
        #expect(records.count == files.count)
        #expect(records.count >= 12)
        var languages: Set<String> = []
        for record in records {
            let id = try #require(record["id"] as? String)
            let language = try #require(record["language"] as? String)
            // Corpus/<language>/<file>: the folder names the language the text is written in.
            #expect(language == String(id.split(separator: "/")[0]), "\(id) identified as \(language)")
            languages.insert(language)
            let sentences = try #require(record["sentences"] as? [[String: Any]])
            let tokens = try #require(record["tokens"] as? [[String: Any]])
            #expect(sentences.count >= 10)
            #expect(tokens.count > sentences.count)
            // Offsets are UTF-8 byte offsets into the file's text, and each span's text is that slice.
            let bytes = Array(try Data(contentsOf: SlantProcess.packageRoot.appendingPathComponent("Corpus/\(id)")))
            for span in sentences + tokens {
                let start = try #require(span["start"] as? Int)
                let end = try #require(span["end"] as? Int)
                #expect(String(decoding: bytes[start..<end], as: UTF8.self) == span["text"] as? String)
            }
        }
        #expect(languages.count >= 8)
        #expect(records.map { $0["id"] as? String ?? "" } == records.map { $0["id"] as? String ?? "" }.sorted())
    }

    @Test func parallelRunsGiveByteIdenticalOutput() throws {
        let serial = try SlantProcess.run(["segment", "--jobs", "1", "Corpus"])
        let parallel = try SlantProcess.run(["segment", "--jobs", "4", "Corpus"])
        #expect(serial.status == 0)
        #expect(!serial.stdout.isEmpty)
        #expect(serial.stdout == parallel.stdout)
    }

    @Test func readsPlainTextFromStandardInput() throws {
        let result = try SlantProcess.run(["segment", "--no-tokens"], stdin: Data("Hello there. How are you? Fine.".utf8))
        #expect(result.status == 0)
        let record = try #require(result.records.first)
        #expect(record["id"] as? String == "stdin")
        #expect(record["language"] as? String == "en")
        #expect(
            (record["sentences"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["Hello there.", "How are you?", "Fine."])
        #expect(record["tokens"] == nil)
    }

    @Test func jsonLinesKeepOneOutputLinePerInputLine() throws {
        let input = """
            {"id":"a","text":"Bonjour. Ça va ?"}
            not json
            {"id":"b","text":"Das ist gut. Wirklich.","lang":"de"}
            {"id":"c"}
            {"id":"a","text":"Duplicate id. Still processed."}

            """
        let result = try SlantProcess.run(["segment", "--input", "jsonl", "--no-tokens", "-"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let records = result.records
        #expect(records.count == 5)
        #expect(records[0]["language"] as? String == "fr")
        #expect(
            (records[1]["error"] as? String)?.hasPrefix("malformed JSON") == true)
        #expect(records[2]["language"] as? String == "de")
        #expect(records[2]["language_confidence"] == nil)
        #expect((records[3]["error"] as? String)?.contains("has no \"text\"") == true)
        #expect(records[4]["id"] as? String == "a")
        #expect(result.stderr.contains("stdin:2: error: malformed JSON"))
        #expect(result.stderr.contains("duplicate id 'a'"))
    }

    @Test func badFilesAreSkippedWithAClearMessageAndTheRestIsProcessed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("Good text. Two sentences.".utf8).write(to: directory.appendingPathComponent("a.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]).write(to: directory.appendingPathComponent("b.txt"))
        try Data([0x53, 0x6F, 0x6D, 0x65, 0x20, 0xFF, 0x20, 0x74, 0x65, 0x78, 0x74, 0x2E]).write(
            to: directory.appendingPathComponent("c.txt"))
        try Data().write(to: directory.appendingPathComponent("d.txt"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("e.pdf"))
        let result = try SlantProcess.run(["segment", "--no-tokens", directory.path, directory.appendingPathComponent("missing.txt").path])
        #expect(result.status == 1)
        let ids = result.records.compactMap { $0["id"] as? String }
        #expect(ids == ["a.txt", "c.txt", "d.txt"])
        #expect(result.stderr.contains("b.txt: error: binary data"))
        #expect(result.stderr.contains("c.txt: warning: invalid UTF-8: 1 ill-formed sequence"))
        #expect(result.stderr.contains("e.pdf: note: not a .txt, .md or .markdown file: skipped"))
        #expect(result.stderr.contains("missing.txt: error: no such file or directory"))
        let repaired = try #require(result.records.first { $0["id"] as? String == "c.txt" })
        #expect((repaired["sentences"] as? [[String: Any]])?.first?["text"] as? String == "Some \u{FFFD} text.")
        let empty = try #require(result.records.first { $0["id"] as? String == "d.txt" })
        #expect((empty["sentences"] as? [Any])?.isEmpty == true)
        #expect(empty["language"] as? String == "und")
    }

    @Test func quietSilencesNotesButNotErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("e.pdf"))
        try Data([0x00, 0x01]).write(to: directory.appendingPathComponent("b.txt"))
        let result = try SlantProcess.run(["segment", "--quiet", directory.path])
        #expect(!result.stderr.contains("note:"))
        #expect(result.stderr.contains("error: binary data"))
    }

    @Test func stagesOptionsAndPipelineFilesAreChecked() throws {
        let unknown = try SlantProcess.run(["segment", "--stages", "normalize,segmnt", "-"], stdin: Data("x".utf8))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown stage 'segmnt'; registered stages: normalize, language, segment"))
        let option = try SlantProcess.run(["segment", "--set", "segment.mdoe=icu", "-"], stdin: Data("x".utf8))
        #expect(option.status == 2)
        #expect(option.stderr.contains("stage 'segment' has no option 'mdoe'"))
        let malformed = try SlantProcess.run(["segment", "--set", "nonsense", "-"], stdin: Data("x".utf8))
        #expect(malformed.status == 64)
        for command in ["score", "explain"] {
            let language = try SlantProcess.run([command, "--lang", "en US", "-"], stdin: Data("x".utf8))
            #expect(language.status == 64)
            #expect(language.stderr.contains("--lang 'en US' is not a language tag"))
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("p.yaml")
        try Data("stages:\n  - segment: {mode: icu}\n".utf8).write(to: pipeline)
        let raw = try SlantProcess.run(
            ["segment", "--pipeline", pipeline.path, "--lang", "en", "--no-tokens", "-"], stdin: Data("Mr. Smith left.".utf8))
        #expect(raw.status == 0)
        #expect(raw.records.first.flatMap { ($0["sentences"] as? [Any])?.count } == 2)
        try Data("stages: [segment\n".utf8).write(to: pipeline)
        let broken = try SlantProcess.run(["segment", "--pipeline", pipeline.path, "-"], stdin: Data("x".utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("p.yaml: not valid YAML"))
    }

    @Test func stagesAndHelpDescribeTheTool() throws {
        let stages = try SlantProcess.run(["stages"])
        #expect(stages.status == 0)
        for name in ["normalize", "language", "segment"] { #expect(stages.stdout.contains("\(name)\n")) }
        #expect(stages.stdout.contains("provides: sentences, tokens, zones"))
        let help = try SlantProcess.run(["--help"])
        #expect(help.stdout.contains("EXIT STATUS"))
        #expect(help.stdout.contains("segment"))
    }
}

@Suite struct StreamingTests {
    /// The first result must arrive while standard input is still open: a stream is processed as it comes.
    @Test func firstResultArrivesBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = SlantProcess.executable
        process.arguments = ["segment", "--input", "jsonl", "--no-tokens", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        writeAll(Data("{\"id\":\"first\",\"text\":\"One sentence. Two.\"}\n".utf8), to: input.fileHandleForWriting)
        let firstLine = Locked<String?>(nil)
        let arrived = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var buffer = Data()
            while !buffer.contains(0x0A) {
                let chunk = readChunk(output.fileHandleForReading)
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            firstLine.set(String(decoding: buffer, as: UTF8.self))
            arrived.signal()
        }
        #expect(arrived.wait(timeout: .now() + 30) == .success, "no output while stdin was still open")
        #expect(firstLine.get()?.contains("\"id\":\"first\"") == true)
        writeAll(Data("{\"id\":\"second\",\"text\":\"Three.\"}\n".utf8), to: input.fileHandleForWriting)
        try input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: rest, as: UTF8.self).contains("\"id\":\"second\""))
    }
}
