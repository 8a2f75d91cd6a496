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

    /// `body(0) … body(count - 1)`, computed on up to ``threads`` threads (the calling one included), returned
    /// in order. The calls must be independent of each other.
    public static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        let width = min(threads, count)
        guard width > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let work = Work(count: count, body: body)
            let group = DispatchGroup()
            for _ in 1..<width { DispatchQueue.global().async(group: group) { work.run() } }
            work.run()
            group.wait()
            return work.results()
        }
    }

    /// Work items handed out one at a time to whichever thread asks; each result slot is written by one
    /// thread and read only after all have finished (`DispatchGroup.wait`).
    private final class Work<Result>: @unchecked Sendable {
        private let count: Int
        private let body: (Int) -> Result
        private var slots: [Result?]
        private var next = 0
        private let lock = DispatchSemaphore(value: 1)

        init(count: Int, body: @escaping (Int) -> Result) {
            self.count = count
            self.body = body
            self.slots = Array(repeating: nil, count: count)
        }

        func run() {
            while let index = take() {
                let result = body(index)
                lock.wait()
                slots[index] = result
                lock.signal()
            }
        }

        private func take() -> Int? {
            lock.wait()
            defer { lock.signal() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func results() -> [Result] { slots.map { $0! } }
    }
}
