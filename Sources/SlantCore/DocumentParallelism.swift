import Dispatch

/// How many threads a stage may use inside one document, and a way to use them.
///
/// The pipeline sets ``threads`` to its `--jobs` while a document is processed. Stages split only large
/// documents (a corpus of articles is already parallel across documents), into independent pieces whose
/// results are joined in order, so the output is the same whatever the thread count.
public enum DocumentParallelism {
    /// Threads a stage may use for the current document (1: work in the calling thread only).
    @TaskLocal public static var threads = 1

    /// Documents smaller than this (UTF-8 bytes) are not split: below it, threads cost more than they save.
    public static let minimumBytes = 1 << 20

    /// Whether a document of `byteCount` bytes is worth splitting across threads: there is more than one
    /// thread, and the document is at least ``minimumBytes`` long.
    public static func splits(byteCount: Int) -> Bool { threads > 1 && byteCount >= minimumBytes }

    /// `body` on consecutive ranges that cover `0..<count`, results in order: four ranges per thread (so
    /// uneven ones balance) when `splitting`, else the whole range at once.
    public static func map<Result>(ranges count: Int, splitting: Bool, _ body: @escaping (Range<Int>) -> Result) -> [Result] {
        let pieces = splitting ? min(count, 4 * threads) : 1
        return map(pieces) { piece in body((count * piece / pieces)..<(count * (piece + 1) / pieces)) }
    }

    /// `body(0) … body(count - 1)`, computed on up to ``threads`` threads (the calling one included), returned
    /// in order. The calls must be independent of each other. `body` is escaping because a helper thread that
    /// starts late may still hold it after `map` returns, though it never calls it then: every item is done
    /// by the time `map` returns.
    public static func map<Result>(_ count: Int, _ body: @escaping (Int) -> Result) -> [Result] {
        let width = min(threads, count)
        guard width > 1 else { return (0..<count).map(body) }
        let work = Work(count: count, body: body)
        for _ in 1..<width { DispatchQueue.global().async { work.run() } }
        work.run()
        return work.results()
    }

    /// Work items handed out one at a time to whichever thread asks. The calling thread takes items too, so
    /// the work finishes even if no helper ever gets a thread; it then waits only for items other threads
    /// are running, and a helper that starts late finds nothing left. Each result slot is written by one
    /// thread, under the lock.
    private final class Work<Result>: @unchecked Sendable {
        private let count: Int
        /// Cleared before `map` returns, so a helper still queued does not keep what the closure captured.
        private var body: ((Int) -> Result)?
        private var slots: [Result?]
        private var next = 0
        private var running = 0
        private let lock = DispatchSemaphore(value: 1)
        private let finished = DispatchSemaphore(value: 0)

        init(count: Int, body: @escaping (Int) -> Result) {
            self.count = count
            self.body = body
            self.slots = Array(repeating: nil, count: count)
        }

        func run() {
            while true {
                let isLast: Bool
                do {
                    // The closure is held only inside this scope, and released before the last item's signal.
                    guard let (index, body) = take() else { return }
                    let result = body(index)
                    lock.wait()
                    slots[index] = result
                    running -= 1
                    isLast = next == count && running == 0
                    lock.signal()
                }
                if isLast { finished.signal() }
            }
        }

        /// The next item and the closure to run on it, or nil when every item is taken.
        private func take() -> (Int, (Int) -> Result)? {
            lock.wait()
            defer { lock.signal() }
            guard next < count, let body else { return nil }
            next += 1
            running += 1
            return (next - 1, body)
        }

        /// The results, once every item has finished.
        func results() -> [Result] {
            finished.wait()
            lock.wait()
            defer { lock.signal() }
            body = nil
            return slots.map { $0! }
        }
    }
}
