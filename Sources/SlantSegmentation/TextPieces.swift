import SlantCore

/// Text cut into pieces of similar size for work on several threads, at line feeds: no word token crosses
/// one (ICU's word rules always break after a line feed, and no merge joins tokens across one), so the
/// pieces' tokens joined in order are the whole text's.
enum TextPieces {
    /// `ranges` in about `count` pieces of similar size, in order: a range longer than a piece is cut after a
    /// line feed near the piece's end (or kept whole when it has none).
    static func cut(_ ranges: [TextRange], in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [[TextRange]] {
        let total = ranges.reduce(0) { $0 + $1.length }
        let target = max(1, total / max(1, count))
        var pieces: [[TextRange]] = []
        var current: [TextRange] = []
        var size = 0
        for range in ranges {
            var remaining = range
            while size + remaining.length > target,
                let cut = UnsafeBufferPointer(rebasing: bytes[(remaining.start + max(0, target - size))..<remaining.end])
                    .firstIndex(of: 0x0A).map({ remaining.start + max(0, target - size) + $0 + 1 }),
                cut < remaining.end
            {
                current.append(TextRange(start: remaining.start, end: cut))
                pieces.append(current)
                current = []
                size = 0
                remaining = TextRange(start: cut, end: remaining.end)
            }
            current.append(remaining)
            size += remaining.length
            if size >= target {
                pieces.append(current)
                current = []
                size = 0
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
