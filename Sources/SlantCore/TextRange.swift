/// A half-open range of **UTF-8 byte offsets** into a document's text: `start` is the first byte, `end` the
/// byte after the last one. Every offset Slant reports, in Swift and in JSON, is of this kind.
///
/// UTF-8 offsets are what ICU gives when it breaks Swift's native UTF-8 storage directly, and they index a
/// native `String` in constant time (``Document/slice(_:)``).
public struct TextRange: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The first byte of the span.
    public var start: Int
    /// The byte after the last byte of the span.
    public var end: Int

    /// Creates a range; `start` must not exceed `end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "TextRange start \(start) is after end \(end)")
        self.start = start
        self.end = end
    }

    /// Creates a range from a Swift range of offsets.
    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    /// Number of bytes covered.
    public var length: Int { end - start }
    /// Whether the range covers no bytes.
    public var isEmpty: Bool { start == end }
    /// The range as a Swift range.
    public var range: Range<Int> { start..<end }

    /// Whether `other` lies entirely inside this range (this range *covers* it).
    public func covers(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    /// The range moved by `delta` bytes.
    public func shifted(by delta: Int) -> TextRange { TextRange(start: start + delta, end: end + delta) }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}

extension String {
    /// The text a byte range of this string's UTF-8 covers.
    public func slice(_ range: TextRange) -> Substring {
        let lower = utf8.index(utf8.startIndex, offsetBy: range.start)
        let upper = utf8.index(lower, offsetBy: range.length)
        return self[lower..<upper]
    }
}
