import Dispatch
import Foundation
import Slant
import Synchronization
import Testing

/// A stage defined outside the library: removes sentences with fewer than `minimumWords` word tokens.
/// Registering it is all it takes to use it in `--stages` or a pipeline file.
struct DropShortSentences: Stage {
    static let name = "drop-short"
    var requires: Set<Layer> { [.sentences, .tokens] }
    var provides: Set<Layer> { ["filtered"] }
    let minimumWords: Int

    func process(_ document: inout Document) throws(StageError) {
        let tokens = document.tokens
        document.sentences.removeAll { sentence in tokens[sentence.tokens].filter(\.isWordLike).count < minimumWords }
    }
}

/// A stage that fails on documents whose text contains "FAIL", and sleeps a little on others so that
/// documents finish out of order.
struct Flaky: Stage {
    static let name = "flaky"
    var requires: Set<Layer> { [] }
    var provides: Set<Layer> { [] }

    func process(_ document: inout Document) throws(StageError) {
        if document.text.contains("FAIL") { throw .failed(stage: Self.name, document: document.id, message: "asked to fail") }
        usleep(UInt32((document.text.utf8.count * 7919) % 3000))
    }
}

/// Records how many documents it is processing at once (each one sleeps 2 ms).
struct ConcurrencyProbe: Stage {
    static let name = "probe"
    var requires: Set<Layer> { [] }
    var provides: Set<Layer> { [] }
    let counter: ConcurrencyCounter

    func process(_ document: inout Document) throws(StageError) {
        counter.enter()
        usleep(2000)
        counter.leave()
    }
}

/// The number of callers between `enter` and `leave`, and the most seen at once.
final class ConcurrencyCounter: @unchecked Sendable {
    // Safety: both counts are only touched while holding `lock`.
    private let lock = NSLock()
    private var current = 0
    private(set) var most = 0

    func enter() {
        lock.withLock {
            current += 1
            most = max(most, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
}

/// An in-memory source of plain documents.
final class ListSource: InputSource {
    private var items: [InputItem]
    init(_ texts: [String]) {
        items = texts.enumerated().map { .document(Document(id: "doc-\($0.offset)", text: $0.element, language: "en")) }.reversed()
    }
    func next() -> InputItem? { items.popLast() }
}

/// Collects outcomes (the pipeline calls `emit` one at a time).
final class Collector: Sendable {
    let outcomes = Mutex<[Outcome]>([])
    func append(_ outcome: Outcome) { outcomes.withLock { $0.append(outcome) } }
    var lines: [String] {
        outcomes.withLock { list in
            list.map { outcome in
                switch outcome {
                case .processed(let document): String(decoding: DocumentRecord.line(for: document, parts: [.tokens]), as: UTF8.self)
                case .failed(let id, let diagnostic): "FAILED \(id ?? "-") \(diagnostic)"
                }
            }
        }
    }
}

@Suite struct PipelineTests {
    func registry() -> StageRegistry {
        var registry = StageRegistry.standard
        registry.register(DropShortSentences.self, summary: "drops short sentences") { options throws(StageError) in
            DropShortSentences(minimumWords: try options.integer("min-words", default: 3, in: 1...100))
        }
        registry.register(Flaky.self, summary: "test stage") { _ throws(StageError) in Flaky() }
        return registry
    }

    func texts(_ count: Int) -> [String] {
        (0..<count).map { index in
            String(repeating: "Sentence number \(index) has words. Short one. ", count: 1 + index % 5) + (index == 7 ? "FAIL" : "")
        }
    }

    func run(_ texts: [String], stages: [String], jobs: Int) async throws -> [String] {
        let chain = try registry().makeChain(stages.map { StageSpec($0) }, initialLayers: [.language])
        let collector = Collector()
        try await Pipeline(chain: chain, jobs: jobs).run(ListSource(texts)) { collector.append($0) }
        return collector.lines
    }

    @Test func aStageFromOutsideTheLibraryRunsInThePipeline() async throws {
        let lines = try await run(["Hello there my friend. Hi. What a lovely day it is."], stages: ["segment", "drop-short"], jobs: 1)
        #expect(lines.count == 1)
        #expect(lines[0].contains("Hello there my friend."))
        #expect(!lines[0].contains("\"text\":\"Hi.\""))
        #expect(registry().names.contains("drop-short"))
        #expect(throws: StageError.missingLayer(stage: "drop-short", layer: .sentences, providers: ["segment"])) {
            try registry().makeChain([StageSpec("drop-short")])
        }
    }

    @Test(arguments: [1, 2, 3])
    func jobsLimitsHowManyDocumentsAreProcessedAtOnce(jobs: Int) async throws {
        let counter = ConcurrencyCounter()
        var registry = StageRegistry()
        registry.register(ConcurrencyProbe.self, summary: "test stage") { _ throws(StageError) in ConcurrencyProbe(counter: counter) }
        let chain = try registry.makeChain([StageSpec("probe")])
        let collector = Collector()
        try await Pipeline(chain: chain, jobs: jobs).run(ListSource(texts(60))) { collector.append($0) }
        #expect(collector.lines.count == 60)
        #expect(counter.most <= jobs)
    }

    @Test func outputIsInInputOrderAndIdenticalWhateverTheJobs() async throws {
        let input = texts(40)
        let serial = try await run(input, stages: ["segment", "flaky"], jobs: 1)
        let parallel = try await run(input, stages: ["segment", "flaky"], jobs: 4)
        #expect(serial.count == 40)
        #expect(serial == parallel)
        for (index, line) in serial.enumerated() where index != 7 { #expect(line.contains("\"id\":\"doc-\(index)\"")) }
    }

    @Test func aFailingDocumentFailsAloneAndKeepsItsPlace() async throws {
        let lines = try await run(texts(10), stages: ["flaky"], jobs: 3)
        #expect(lines.count == 10)
        #expect(lines[7].hasPrefix("FAILED doc-7"))
        #expect(lines[7].contains("asked to fail"))
        #expect(lines[6].contains("doc-6"))
        #expect(lines[8].contains("doc-8"))
    }

    @Test func theFirstResultIsEmittedBeforeTheRestOfTheStreamArrives() async throws {
        // The source hands out one JSON line, then waits until the first result has been emitted before
        // handing out the second: a pipeline that waited for more input before emitting would stall here.
        let firstEmitted = DispatchSemaphore(value: 0)
        let chunks = Mutex<[[UInt8]]>([
            Array("{\"id\":\"1\",\"text\":\"First.\"}\n".utf8), Array("{\"id\":\"2\",\"text\":\"Second.\"}\n".utf8),
        ])
        let sawFirstInTime = Mutex(false)
        let source = JSONLInputs(name: "stream", language: "en") {
            let remaining = chunks.withLock { $0.count }
            // Generous: under ThreadSanitizer, with the large-document tests beside it, the first result can take
            // a minute; a pipeline that waited for more input would never emit it.
            if remaining == 1 { sawFirstInTime.withLock { $0 = firstEmitted.wait(timeout: .now() + 240) == .success } }
            return chunks.withLock { $0.isEmpty ? [] : $0.removeFirst() }
        }
        let chain = try registry().makeChain([StageSpec("segment")], initialLayers: [.language])
        let collector = Collector()
        try await Pipeline(chain: chain, jobs: 2).run(source) { outcome in
            collector.append(outcome)
            firstEmitted.signal()
        }
        #expect(sawFirstInTime.withLock { $0 })
        #expect(collector.lines.count == 2)
    }
}

@Suite struct PipelineOutcomesTests {
    @Test func outcomesAreAnAsyncSequenceInInputOrder() async throws {
        let chain = try StageRegistry.standard.makeChain([StageSpec("segment")], initialLayers: [.language])
        let texts = (0..<25).map { "Document \($0). It has two sentences." }
        var ids: [String] = []
        for try await outcome in Pipeline(chain: chain, jobs: 3).outcomes(of: ListSource(texts)) {
            guard case .processed(let document) = outcome else {
                Issue.record("unexpected failure \(outcome)")
                continue
            }
            #expect(document.sentences.count == 2)
            ids.append(document.id)
            try await Task.sleep(for: .milliseconds(1))  // a slow consumer: the pipeline waits for it
        }
        #expect(ids == (0..<25).map { "doc-\($0)" })
    }

    /// What a full disk does to the writer: emitting fails partway.
    struct DiskFull: Error {}

    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 4])
    func anEmitThatFailsEndsTheRunWithItsErrorAndEmitsNothingAfter(jobs: Int) async throws {
        let chain = try StageRegistry.standard.makeChain([StageSpec("segment")], initialLayers: [.language])
        let emitted = Mutex(0)
        // Before the fix the reading loop waited forever for a window slot that only emitting frees.
        await #expect(throws: DiskFull.self) {
            try await Pipeline(chain: chain, jobs: jobs).run(ListSource((0..<500).map { "Text \($0)." })) { _ in
                try emitted.withLock { count in
                    if count == 5 { throw DiskFull() }
                    count += 1
                }
            }
        }
        #expect(emitted.withLock { $0 } == 5)
    }

    @Test func stoppingEarlyEndsTheRun() async throws {
        let chain = try StageRegistry.standard.makeChain([StageSpec("segment")], initialLayers: [.language])
        var seen = 0
        for try await _ in Pipeline(chain: chain, jobs: 2).outcomes(of: ListSource((0..<1000).map { "Text \($0)." })) {
            seen += 1
            if seen == 3 { break }
        }
        #expect(seen == 3)
    }
}

@Suite struct DocumentParallelismTests {
    /// A document over the splitting threshold, of many languages and line structures, built from the
    /// sentence table's kind of text (written for these tests).
    static let largeDocument: String = {
        let paragraphs = [
            "According to reports, the council will probably approve the plan. Obviously, critics disagree!\n",
            "据报道，这个计划可能会通过。说实话，我们并不确定。“这是一个好主意，”他说。\n",
            "Selon certains, le projet est peut-être utile. En fait, personne ne le sait.\n",
            "• 1. Erstens: Wir wissen es nicht. • 2. Zweitens: Vielleicht morgen?\n",
            "Возможно, это правда. Несомненно, вопрос сложный.\n\n",
            "Perhaps it was the U.S. delegation, Mr. Smith said — \"we clearly need more time\".\n",
        ]
        var text = ""
        var index = 0
        while text.utf8.count < DocumentParallelism.minimumBytes + 50_000 {
            text += paragraphs[index % paragraphs.count]
            index += 1
        }
        return text
    }()

    @Test func aLargeDocumentComesOutTheSameOnOneThreadOrFour() async throws {
        let chain = try StageRegistry.standard.makeChain(["normalize", "language", "segment", "stance"].map { StageSpec($0) })
        @Sendable func run(threads: Int) throws -> (line: [UInt8], threads: Int) {
            var document = Document(id: "large", text: Self.largeDocument)
            return try DocumentParallelism.$threads.withValue(threads) {
                try chain.process(&document)
                return (DocumentRecord.line(for: document, parts: [.tokens, .stance]), DocumentParallelism.threads)
            }
        }
        // On a thread of its own: this takes a minute under ThreadSanitizer, and must not hold one of the
        // few threads the other suites' tasks run on (a streaming test waits on them with a timeout).
        let (one, four) = try await onOwnThread { (try run(threads: 1), try run(threads: 4)) }
        #expect(one.threads == 1 && four.threads == 4)  // the budget reaches the stages on this thread too
        #expect(one.line.count > DocumentParallelism.minimumBytes)
        #expect(one.line == four.line)
    }

    /// `work`'s result, computed on a new thread rather than on Swift concurrency's small shared pool.
    private func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    @Test func manyShortRunsEndCleanly() async throws {
        // Helpers that start late, or finish the last item, must not keep the caller's closure once `map`
        // returns (`withoutActuallyEscaping` would trap); thousands of short runs make such races likely.
        // On a thread of its own: under ThreadSanitizer this takes minutes and must not hold a pool thread.
        let wrong = try await onOwnThread {
            var wrong = 0
            for round in 0..<3_000 {
                let sums = DocumentParallelism.$threads.withValue(4) { DocumentParallelism.map(6) { $0 + round } }
                if sums != (0..<6).map({ $0 + round }) { wrong += 1 }
            }
            return wrong
        }
        #expect(wrong == 0)
    }

    @Test func piecesOfWorkComeBackInOrder() {
        let squares = DocumentParallelism.$threads.withValue(3) { DocumentParallelism.map(100) { $0 * $0 } }
        #expect(squares == (0..<100).map { $0 * $0 })
        #expect(DocumentParallelism.$threads.withValue(3) { DocumentParallelism.map(0) { $0 } }.isEmpty)
    }
}
