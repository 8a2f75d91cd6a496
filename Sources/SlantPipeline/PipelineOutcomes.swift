extension Pipeline {
    /// The outcomes of `source` as an async sequence, in input order:
    ///
    /// ```swift
    /// for try await outcome in pipeline.outcomes(of: JSONLInputs()) { … }
    /// ```
    ///
    /// The pipeline starts when iteration starts and hands over one outcome at a time: it waits while the
    /// consumer is busy, so memory stays bounded by the pipeline's window however slow the consumer is.
    /// Ending the iteration early cancels the run.
    public func outcomes(of source: any InputSource) -> PipelineOutcomes {
        PipelineOutcomes(pipeline: self, source: UncheckedSource(source))
    }
}

/// The outcomes of a pipeline run, as an async sequence (see ``Pipeline/outcomes(of:)``).
public struct PipelineOutcomes: AsyncSequence, Sendable {
    public typealias Element = Outcome

    let pipeline: Pipeline
    let source: UncheckedSource

    public func makeAsyncIterator() -> Iterator { Iterator(pipeline: pipeline, source: source) }

    /// Iterates the outcomes; the run starts on the first call to `next()`.
    public final class Iterator: AsyncIteratorProtocol {
        private let pipeline: Pipeline
        private let source: UncheckedSource
        private let handoff = Handoff()
        private var task: Task<Void, Never>?

        init(pipeline: Pipeline, source: UncheckedSource) {
            self.pipeline = pipeline
            self.source = source
        }

        deinit {
            task?.cancel()
            let handoff = self.handoff
            Task { await handoff.cancel() }
        }

        public func next() async throws -> Outcome? {
            if task == nil {
                let (pipeline, source, handoff) = (self.pipeline, self.source, self.handoff)
                task = Task {
                    do {
                        try await pipeline.run(source.value) { outcome in try await handoff.send(outcome) }
                        await handoff.finish(nil)
                    } catch {
                        await handoff.finish(error)
                    }
                }
            }
            return try await handoff.receive()
        }
    }
}

/// An input source handed to the pipeline's task; it is only ever read by the pipeline's reader queue.
struct UncheckedSource: @unchecked Sendable {
    let value: any InputSource
    init(_ value: any InputSource) { self.value = value }
}

/// Passes one outcome at a time from the pipeline to the consumer: `send` waits until `receive` takes it.
private actor Handoff {
    private var pending: Outcome?
    private var sender: CheckedContinuation<Void, any Error>?
    private var receiver: CheckedContinuation<Outcome?, any Error>?
    private var ended: (any Error)??
    private var cancelled = false

    func send(_ outcome: Outcome) async throws {
        if cancelled { throw CancellationError() }
        if let receiver {
            self.receiver = nil
            receiver.resume(returning: outcome)
            return
        }
        pending = outcome
        try await withCheckedThrowingContinuation { sender = $0 }
    }

    func receive() async throws -> Outcome? {
        if let outcome = pending {
            pending = nil
            sender?.resume()
            sender = nil
            return outcome
        }
        if let ended {
            if let error = ended { throw error }
            return nil
        }
        return try await withCheckedThrowingContinuation { receiver = $0 }
    }

    func finish(_ error: (any Error)?) {
        ended = .some(error)
        guard let receiver else { return }
        self.receiver = nil
        if let error { receiver.resume(throwing: error) } else { receiver.resume(returning: nil) }
    }

    func cancel() {
        cancelled = true
        sender?.resume(throwing: CancellationError())
        sender = nil
    }
}
