extension RandomAccessCollection {
    /// The first index whose element satisfies `predicate`, which must be false and then true along the
    /// collection (a binary search): `endIndex` when no element does.
    @inlinable public func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex
        var length = count
        while length > 0 {
            let half = length / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                length = half
            } else {
                low = index(after: middle)
                length -= half + 1
            }
        }
        return low
    }
}
