import Dispatch
public import SlantCore

/// Runs a ``StageChain`` over a stream of inputs, several documents at once, delivering outcomes in input
/// order.
///
/// ```
///  InputSource ──(reader thread)──▶ window of `2 × jobs` documents ──▶ stages (task per document)
///                                                                          │
///  emit(outcome, rendered) ◀── reorder buffer (input order) ◀── render(outcome) (same task)
/// ```
///
/// - Input is read on a thread of its own, so a blocking pipe never holds up the workers or the output.
/// - At most `2 × jobs` documents are read and not yet emitted at any time: memory grows with the jobs and
///   the size of a document, never with the size of the corpus.
/// - Each outcome is emitted as soon as it and every earlier one are done: the first result of a stream
///   appears before its last line is read.
/// - A stage error fails that document only (an ``Outcome/failed(id:_:)``); the run goes on.
/// - Output is the same whatever `jobs` is: stages are pure functions of the document.
public struct Pipeline: Sendable {
    /// The stages.
    public let chain: StageChain
    /// Documents processed at once (at least 1).
    public let jobs: Int

    public init(chain: StageChain, jobs: Int) {
        self.chain = chain
        self.jobs = max(1, jobs)
    }

    /// Processes every item of `source`, calling `emit` once per item in input order.
    /// - Throws: whatever `emit` throws (e.g. a closed output); the run stops then.
    public func run(_ source: any InputSource, emit: @escaping @Sendable (Outcome) async throws -> Void) async throws {
        try await run(source, render: { _ in () }, emit: { outcome, _ in try await emit(outcome) })
    }

    /// Processes every item of `source`, renders each outcome right after its stages, in the same task (so
    /// rendering runs in parallel across documents too), and calls `emit` once per item in input order with
    /// the outcome and its rendering. Put the per-document output work (JSON, Markdown) in `render`, so only
    /// writing is serial.
    /// - Throws: whatever `emit` throws (e.g. a closed output); the run stops then.
    public func run<Rendered: Sendable>(
        _ source: any InputSource,
        render: @escaping @Sendable (Outcome) -> Rendered,
        emit: @escaping @Sendable (Outcome, Rendered) async throws -> Void
    ) async throws {
        let reader = InputReader(source)
        let window = WindowGate(size: jobs * 2)
        // At most `jobs` documents are processed at once; the window also holds finished ones awaiting their turn.
        let workers = WindowGate(size: jobs)
        let emitter = OrderedEmitter<(Outcome, Rendered)>(emit: emit, window: window)
        let chain = self.chain
        let jobs = self.jobs
        try await withThrowingDiscardingTaskGroup { group in
            var index = 0
            while true {
                guard await window.enter(), let item = await reader.next() else { break }
                let position = index
                index += 1
                group.addTask {
                    _ = await workers.enter()
                    let (outcome, rendered) = DocumentParallelism.$threads.withValue(jobs) {
                        let outcome = Pipeline.process(item, chain)
                        return (outcome, render(outcome))
                    }
                    await workers.leave()
                    try await emitter.deliver(position, (outcome, rendered))
                }
            }
        }
    }

    /// Runs the chain on one item, on the calling thread.
    public func process(_ item: InputItem) -> Outcome { Self.process(item, chain) }

    /// Runs the chain on one item.
    static func process(_ item: InputItem, _ chain: StageChain) -> Outcome {
        switch item {
        case .failure(let id, let diagnostic):
            return .failed(id: id, diagnostic)
        case .document(var document):
            do {
                try chain.process(&document)
                return .processed(document)
            } catch {
                return .failed(id: document.id, Diagnostic(.error, document.source ?? document.id, error.description))
            }
        }
    }
}

/// Reads an ``InputSource`` on a dedicated serial queue, off Swift's cooperative thread pool.
private final class InputReader: @unchecked Sendable {
    // Safety: `source` is only touched on `queue`, one call at a time.
    private let source: any InputSource
    private let queue = DispatchQueue(label: "slant.input")

    init(_ source: any InputSource) { self.source = source }

    func next() async -> InputItem? {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.source.next()) }
        }
    }
}

/// Limits how many items are in flight (read but not yet emitted), or being processed. Closed when emitting
/// fails, so the reading loop stops instead of waiting for a slot that will never free.
private actor WindowGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Bool, Never>] = []
    private var closed = false

    init(size: Int) { available = size }

    /// Takes a slot; false once the gate is closed.
    func enter() async -> Bool {
        if closed { return false }
        if available > 0 {
            available -= 1
            return true
        }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume(returning: true)
        }
    }

    /// Refuses every waiting and later `enter`.
    func close() {
        closed = true
        for continuation in waiting { continuation.resume(returning: false) }
        waiting.removeAll()
    }
}

/// Holds finished items until every earlier one has been emitted.
private actor OrderedEmitter<Item: Sendable> {
    private let emit: @Sendable (Item) async throws -> Void
    private let window: WindowGate
    private var nextPosition = 0
    private var finished: [Int: Item] = [:]
    /// Whether a call is emitting: the actor is reentrant at `await emit`, so only one call drains.
    private var draining = false

    init(emit: @escaping @Sendable (Item) async throws -> Void, window: WindowGate) {
        self.emit = emit
        self.window = window
    }

    func deliver(_ position: Int, _ item: Item) async throws {
        finished[position] = item
        guard !draining else { return }  // the draining call will emit it
        draining = true
        defer { draining = false }
        while let ready = finished.removeValue(forKey: nextPosition) {
            nextPosition += 1
            do {
                try await emit(ready)
            } catch {
                await window.close()
                throw error
            }
            await window.leave()
        }
    }
}
