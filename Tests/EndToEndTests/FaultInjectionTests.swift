import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A corpus run killed with SIGKILL at several points never leaves a half-written annotation, and a rerun
/// finishes the job with output byte-identical to an uninterrupted run.
@Suite struct FaultInjectionTests {
    /// Every regular file under `root`, by relative path, with its bytes.
    static func files(under root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = walker.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    /// A corpus of four copies of Corpus/, so a run lasts long enough to be killed in the middle.
    static func makeCorpus(in directory: URL) throws -> URL {
        let input = directory.appendingPathComponent("in")
        for copy in 1...4 {
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: SlantProcess.packageRoot.appendingPathComponent("Corpus"), to: input.appendingPathComponent("copy\(copy)"))
        }
        return input
    }

    @Test func aRunKilledAtAnyPointLeavesNoHalfFileAndARerunFinishesIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.makeCorpus(in: directory)
        let clean = directory.appendingPathComponent("clean")
        let started = Date()
        let cleanRun = try SlantProcess.run(["annotate", input.path, "--output", clean.path, "--quiet"])
        let duration = Date().timeIntervalSince(started)
        #expect(cleanRun.status == 0)
        let expected = Self.files(under: clean)
        #expect(expected.count == 4 * 16 + 2)

        let killed = directory.appendingPathComponent("killed")
        var completeAfterKills: [Int] = []
        for fraction in [0.1, 0.3, 0.55, 0.8] {
            let process = Process()
            process.executableURL = SlantProcess.executable
            process.arguments = ["annotate", input.path, "--output", killed.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever is there under its real name is complete: identical to the clean run's file.
            for (path, bytes) in Self.files(under: killed) {
                let name = (path as NSString).lastPathComponent
                if name.hasPrefix("."), name.contains(".partial-") { continue }
                #expect(bytes == expected[path], "\(path) is not the clean run's file after a kill at \(fraction)")
            }
            completeAfterKills.append(Self.files(under: killed).keys.filter { !$0.contains(".partial-") }.count)
        }
        #expect(completeAfterKills[0] < expected.count, "the first kill came too late to interrupt anything")

        let rerun = try SlantProcess.run(["annotate", input.path, "--output", killed.path])
        #expect(rerun.status == 0)
        let finished = Self.files(under: killed)
        #expect(finished.keys.sorted() == expected.keys.sorted(), "partial files are swept and nothing is missing")
        #expect(finished == expected)
    }

    @Test func partialFilesOfALiveRunAreKept() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // One partial file from a process that is alive (this test), one from a pid that cannot be running.
        let live = output.appendingPathComponent(".a.md.partial-\(getpid())")
        let dead = output.appendingPathComponent(".b.md.partial-2147483646")
        try Data("half".utf8).write(to: live)
        try Data("half".utf8).write(to: dead)
        let input = directory.appendingPathComponent("note.txt")
        try Data("Perhaps this is enough.".utf8).write(to: input)
        let result = try SlantProcess.run(["annotate", input.path, "--output", output.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("removed 1 partial file(s) left by an interrupted run"))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }
}

/// A write that fails partway through a corpus run (a full disk) stops the run with one clear error and keeps
/// every annotation written before it, complete.
@Suite struct WriteFailureTests {
    /// Checks a run that hit `reason`: exit 74, the reason on stderr, and every file left is complete.
    static func expectCleanStop(_ result: SlantProcess.Result, reason: String, output: URL) {
        #expect(result.status == 74)
        #expect(result.stderr.contains("slant: error: cannot write"))
        #expect(result.stderr.contains(reason))
        let annotations = SlantProcess.packageRoot.appendingPathComponent("Annotations")
        let left = FaultInjectionTests.files(under: output).filter { !$0.key.hasSuffix("/") }
        for (path, bytes) in left where !path.hasPrefix("blocked") {
            #expect(!path.contains(".partial-"), "\(path) was left behind")
            #expect(bytes == FileManager.default.contents(atPath: annotations.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aWriteFailingMidRunStopsWithOneErrorAndKeepsEarlierOutputs() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        // A directory where a later annotation must go makes its rename fail, as a full disk would.
        let blocked = output.appendingPathComponent("ru/verkhneozyorsk-zavod.txt.md")
        try FileManager.default.createDirectory(
            at: blocked.appendingPathComponent("blocked"), withIntermediateDirectories: true)
        let result = try SlantProcess.run(["annotate", "Corpus", "--output", output.path, "--jobs", "2"])
        Self.expectCleanStop(result, reason: "ru/verkhneozyorsk-zavod.txt.md", output: output)
        #expect(FaultInjectionTests.files(under: output).count >= 8, "the documents before it were written")
    }

    /// On a real full disk: a 64 KiB tmpfs, where the machine lets this test mount one (root in a container).
    @Test(.timeLimit(.minutes(1))) func aFullDiskStopsWithOneErrorAndKeepsEarlierOutputs() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mount = try SlantProcess.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", directory.path])
        guard mount == 0 else {
            print("note: cannot mount a tmpfs here; the injected write failure above covers this case")
            return
        }
        defer { _ = try? SlantProcess.runTool("/bin/umount", [directory.path]) }
        let output = directory.appendingPathComponent("out")
        let result = try SlantProcess.run(["annotate", "Corpus", "--output", output.path])
        Self.expectCleanStop(result, reason: "No space left on device", output: output)
        #expect(!FaultInjectionTests.files(under: output).isEmpty, "the documents before it were written")
    }
}
