/// A weighted directed graph over sentences in compressed sparse rows: the edges leaving sentence `s` are
/// `targets[offsets[s]..<offsets[s + 1]]` with the same slice of `weights`. Three flat arrays instead of an
/// array per sentence, so building and walking a graph of millions of edges allocates a handful of times.
struct SparseGraph {
    /// Where each sentence's edges start, plus the end of the last: `count + 1` entries.
    private(set) var offsets: [Int]
    private(set) var targets: [Int32]
    private(set) var weights: [Double]

    /// Number of sentences.
    var count: Int { offsets.count - 1 }

    /// A graph from each sentence's edges, in the order given.
    init<Rows: Collection>(rows: Rows) where Rows.Element: Collection, Rows.Element.Element == (Int32, Double) {
        offsets = [0]
        offsets.reserveCapacity(rows.count + 1)
        targets = []
        weights = []
        for row in rows {
            for (target, weight) in row {
                targets.append(target)
                weights.append(weight)
            }
            offsets.append(targets.count)
        }
    }

    /// An undirected graph from each sentence's edges to later sentences (`forward`, rows of `(target,
    /// weight)` with target > source): every edge appears in both rows. A sentence's row lists the earlier
    /// sentences first, in ascending order, then its own forward edges in the order given.
    init(count: Int, forwardOffsets: [Int], forwardTargets: [Int32], forwardWeights: [Double]) {
        var degree = [Int](repeating: 0, count: count)
        for source in 0..<count {
            degree[source] += forwardOffsets[source + 1] - forwardOffsets[source]
            for edge in forwardOffsets[source]..<forwardOffsets[source + 1] { degree[Int(forwardTargets[edge])] += 1 }
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for source in 0..<count { offsets[source + 1] = offsets[source] + degree[source] }
        var targets = [Int32](repeating: 0, count: offsets[count])
        var weights = [Double](repeating: 0, count: offsets[count])
        var cursor = Array(offsets.dropLast())
        // Sources in ascending order: each row receives its earlier sentences before its own forward edges.
        for source in 0..<count {
            for edge in forwardOffsets[source]..<forwardOffsets[source + 1] {
                let target = Int(forwardTargets[edge])
                targets[cursor[source]] = Int32(target)
                weights[cursor[source]] = forwardWeights[edge]
                cursor[source] += 1
                targets[cursor[target]] = Int32(source)
                weights[cursor[target]] = forwardWeights[edge]
                cursor[target] += 1
            }
        }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
    }
}
