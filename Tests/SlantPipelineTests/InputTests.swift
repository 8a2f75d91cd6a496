import Foundation
import Slant
import Testing

/// Feeds JSONL bytes in chunks of `size` bytes (cutting lines and UTF-8 sequences anywhere).
func jsonlSource(_ text: String, chunk size: Int = 7) -> JSONLInputs {
    var remaining = Array(text.utf8)[...]
    return JSONLInputs(name: "test") {
        let chunk = Array(remaining.prefix(size))
        remaining = remaining.dropFirst(size)
        return chunk
    }
}

func drain(_ source: any InputSource) -> [InputItem] {
    var items: [InputItem] = []
    while let item = source.next() { items.append(item) }
    return items
}

@Suite struct JSONLInputTests {
    @Test func readsRecordsAcrossArbitraryChunks() throws {
        let items = drain(
            jsonlSource(
                "{\"id\":\"a\",\"text\":\"Grüße aus Köln 😀\"}\n{\"id\":7,\"text\":\"数字\",\"lang\":\"zh-Hans\"}\r\n\n{\"text\":\"no id\"}"))
        #expect(items.count == 3)
        guard case .document(let first) = items[0], case .document(let second) = items[1], case .document(let third) = items[2] else {
            Issue.record("expected three documents")
            return
        }
        #expect(first.id == "a")
        #expect(first.text == "Grüße aus Köln 😀")
        #expect(first.language == nil)
        #expect(second.id == "7")
        #expect(second.language?.rawValue == "zh-Hans")
        #expect(third.id == "line-4")
    }

    @Test func badLinesAreReportedWithTheirNumberAndTheRestGoesOn() {
        let items = drain(
            jsonlSource(
                "{\"id\":\"a\",\"text\":\"ok\"}\n{broken\n[1,2]\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":5}\n{\"id\":\"d\",\"text\":\"fine\"}\n"
            ))
        #expect(items.count == 6)
        var failures: [String] = []
        var documents: [String] = []
        for item in items {
            switch item {
            case .document(let document): documents.append(document.id)
            case .failure(_, let diagnostic): failures.append(diagnostic.description)
            }
        }
        #expect(documents == ["a", "d"])
        #expect(failures.count == 4)
        #expect(failures[0].hasPrefix("test:2: error: malformed JSON"))
        #expect(failures[1].hasPrefix("test:3: error: expected a JSON object"))
        #expect(failures[2].contains("has no \"text\""))
        #expect(failures[3].contains("\"text\" is not a string"))
    }

    @Test func aLangThatIsNoLanguageTagFailsItsLineAlone() {
        // A fuzzer found that free text in "lang" reached ICU as a locale and failed the segment stage.
        let items = drain(
            jsonlSource(
                "{\"id\":\"a\",\"text\":\"Hallo.\",\"lang\":\"de\"}\n{\"id\":\"b\",\"text\":\"x\",\"lang\":\"e sich der baubeginn\"}\n"
                    + "{\"id\":\"c\",\"text\":\"x\",\"lang\":7}\n{\"id\":\"d\",\"text\":\"Olá.\",\"lang\":\"pt_br\"}\n{\"id\":\"e\",\"text\":\"y\",\"lang\":\"\"}\n"
            ))
        let summary = items.map { item -> String in
            switch item {
            case .document(let document): "\(document.id)=\(document.language?.rawValue ?? "-")"
            case .failure(let id, let diagnostic): "\(id ?? "?") failed: \(diagnostic.message)"
            }
        }
        #expect(summary.count == 5)
        #expect(summary[0] == "a=de")
        #expect(summary[1].hasPrefix("b failed: record 'b': \"lang\" must be a language tag"))
        #expect(summary[2].hasPrefix("c failed:"))
        #expect(summary[3] == "d=pt-BR")
        #expect(summary[4] == "e=-")
        #expect(LanguageTag.isWellFormed("zh-Hant") && LanguageTag.isWellFormed("sr_Latn_RS") && LanguageTag.isWellFormed("und"))
        #expect(!LanguageTag.isWellFormed("") && !LanguageTag.isWellFormed("e") && !LanguageTag.isWellFormed("en--US"))
        #expect(!LanguageTag.isWellFormed("en-verylongsubtag") && !LanguageTag.isWellFormed("日本") && !LanguageTag.isWellFormed("en US"))
    }

    @Test func aStreamCutMidLineKeepsWhatCameBeforeAndNamesTheBrokenRecord() {
        let items = drain(
            jsonlSource("{\"id\":\"a\",\"text\":\"Vielleicht.\"}\n{\"id\":\"ß-2\",\"text\":\"Offensichtlich ist das f"))
        #expect(items.count == 2)
        guard case .document(let first) = items[0], case .failure(let id, let diagnostic) = items[1] else {
            Issue.record("expected a document, then a failure")
            return
        }
        #expect(first.text == "Vielleicht.")
        #expect(id == "ß-2")
        #expect(
            diagnostic.description == "test:2: error: the input ends in the middle of this line (no newline, incomplete JSON); line skipped"
        )
        // A malformed line in the middle keeps the ordinary message, and its id when the line starts with one.
        let middle = drain(jsonlSource("{\"id\":\"k\", oops}\n{\"id\":\"z\",\"text\":\"x\"}"))
        guard case .failure(let brokenId, let broken) = middle[0], case .document(let last) = middle[1] else {
            Issue.record("expected a failure, then a document")
            return
        }
        #expect(brokenId == "k")
        #expect(broken.description.hasPrefix("test:1: error: malformed JSON"))
        #expect(last.id == "z")
    }

    @Test func duplicateIdsAndInvalidUTF8AreWarnedAbout() {
        var bytes = Array("{\"id\":\"x\",\"text\":\"caf".utf8)
        bytes += [0xC3, 0x28]  // an invalid two-byte sequence
        bytes += Array("\"}\n{\"id\":\"x\",\"text\":\"again\"}\n".utf8)
        var remaining = bytes[...]
        let source = JSONLInputs(name: "in") {
            let chunk = Array(remaining.prefix(5))
            remaining = remaining.dropFirst(5)
            return chunk
        }
        let items = drain(source)
        guard case .document(let first) = items[0], case .document(let second) = items[1] else {
            Issue.record("expected two documents")
            return
        }
        #expect(first.text == "caf\u{FFFD}(")
        #expect(first.diagnostics.contains { $0.message.contains("invalid UTF-8") })
        #expect(second.diagnostics.contains { $0.message.contains("duplicate id 'x'") })
    }
}

@Suite struct TextDecodingTests {
    @Test func stripsTheByteOrderMark() throws {
        let (text, warning) = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8), location: "f")
        #expect(text == "Hi")
        #expect(warning == nil)
    }

    @Test func repairsInvalidUTF8AndSaysWhere() throws {
        let (text, warning) = try TextDecoding.decode(Array("ab".utf8) + [0xFF] + Array("cd".utf8) + [0xE2, 0x82], location: "f.txt")
        #expect(text == "ab\u{FFFD}cd\u{FFFD}")
        #expect(warning?.description == "f.txt: warning: invalid UTF-8: 2 ill-formed sequences replaced with U+FFFD (first at byte 2)")
    }

    @Test func refusesBinaryData() {
        #expect(throws: TextDecoding.Refusal.binary) { try TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], location: "x") }
        #expect(throws: TextDecoding.Refusal.binary) { try TextDecoding.decode([UInt8](repeating: 0x01, count: 100), location: "x") }
    }

    @Test func emptyInputIsEmptyText() throws {
        let (text, warning) = try TextDecoding.decode([UInt8](), location: "x")
        #expect(text.isEmpty)
        #expect(warning == nil)
    }
}

@Suite struct FileInputTests {
    /// A temporary corpus: nested folders, a skipped extension, Markdown, a binary, a symlink loop.
    func makeCorpus() throws -> String {
        let root = NSTemporaryDirectory() + "slant-inputs-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/b/deeper", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        try "Second.".write(toFile: root + "/b/two.txt", atomically: true, encoding: .utf8)
        try "# Heading\n\nText.".write(toFile: root + "/b/deeper/three.md", atomically: true, encoding: .utf8)
        try "First.".write(toFile: root + "/a/one.txt", atomically: true, encoding: .utf8)
        try "not text".write(toFile: root + "/a/image.png", atomically: true, encoding: .utf8)
        try Data([0x00, 0x01, 0x02, 0x00]).write(to: URL(fileURLWithPath: root + "/a/binary.txt"))
        try "".write(toFile: root + "/b/empty.txt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: root + "/b/deeper/loop", withDestinationPath: root + "/b")
        return root
    }

    @Test func walksTheTreeSortedSkipsWhatIsNotTextAndEndsLoops() throws {
        let root = try makeCorpus()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let items = drain(FileInputs(paths: [root]))
        var ids: [String] = []
        var failures: [Diagnostic] = []
        for item in items {
            switch item {
            case .document(let document): ids.append(document.id)
            case .failure(_, let diagnostic): failures.append(diagnostic)
            }
        }
        #expect(ids == ["a/one.txt", "b/deeper/three.md", "b/empty.txt", "b/two.txt"])
        #expect(failures.contains { $0.severity == .error && $0.location.hasSuffix("a/binary.txt") && $0.message.contains("binary") })
        #expect(failures.contains { $0.severity == .note && $0.location.hasSuffix("image.png") })
        #expect(failures.contains { $0.message.contains("already visited") })
    }

    @Test func aFileThatVanishesMidRunFailsAloneAndTheRestGoesOn() throws {
        let root = try makeCorpus()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inputs = FileInputs(paths: [root + "/b"])
        var first: Document?
        while first == nil, let item = inputs.next() {
            if case .document(let document) = item { first = document }  // skips the symlink-loop note
        }
        #expect(first?.id == "deeper/three.md")
        try FileManager.default.removeItem(atPath: root + "/b/empty.txt")  // listed already, gone before it is read
        var rest: [String] = []
        while let item = inputs.next() {
            switch item {
            case .document(let document): rest.append(document.id)
            case .failure(_, let diagnostic): rest.append("\(diagnostic.severity): \(diagnostic.message)")
            }
        }
        #expect(rest.contains("error: no such file or directory"))
        #expect(rest.contains("two.txt"))
    }

    @Test func markdownFilesAreMarkedAndMissingPathsFail() throws {
        let root = try makeCorpus()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let items = drain(FileInputs(paths: [root + "/b/deeper/three.md", root + "/nope.txt"]))
        guard case .document(let markdown) = items[0], case .failure(_, let missing) = items[1] else {
            Issue.record("unexpected items \(items)")
            return
        }
        #expect(markdown.isMarkdown)
        #expect(markdown.id == root + "/b/deeper/three.md")
        #expect(missing.message == "no such file or directory")
    }
}

@Suite struct PipelineFileTests {
    @Test func parsesStagesWithOptions() throws {
        let specs = try PipelineFile.parse(
            "stages:\n  - normalize\n  - language:\n      fallback: en\n  - segment: {mode: icu, tokens: false}\n")
        #expect(
            specs == [
                StageSpec("normalize"), StageSpec("language", options: ["fallback": .string("en")]),
                StageSpec("segment", options: ["mode": .string("icu"), "tokens": .bool(false)]),
            ])
        let chain = try StageRegistry.standard.makeChain(specs)
        #expect(chain.names == ["normalize", "language", "segment"])
    }

    @Test func reportsWhatIsWrong() {
        #expect(throws: PipelineFile.Failure.invalid(path: "p", message: "expected a top-level 'stages:' list")) {
            try PipelineFile.parse("steps: [a]", path: "p")
        }
        #expect(throws: PipelineFile.Failure.invalid(path: "p", message: "stage 2: expected a stage name or 'name: {options}'")) {
            try PipelineFile.parse("stages:\n  - normalize\n  - [x]\n", path: "p")
        }
        #expect(throws: PipelineFile.Failure.self) { try PipelineFile.parse("stages: [a\n", path: "p") }
        #expect(throws: PipelineFile.Failure.unreadable(path: "/nonexistent/p.yaml", reason: "no such file")) {
            try PipelineFile.load(path: "/nonexistent/p.yaml")
        }
    }
}
