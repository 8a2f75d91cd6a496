internal import CICUShim

/// A boundary found by an ICU break iterator: a UTF-8 byte offset and ICU's rule status for the segment
/// that ends there.
public struct Boundary: Sendable, Equatable {
    /// UTF-8 byte offset into the buffer that was broken (plus any base passed to `forEachBoundary`).
    public var offset: Int
    /// ICU's rule status of the segment ending here (see ``WordStatus``); 0 for sentence iterators.
    public var ruleStatus: Int32

    public init(offset: Int, ruleStatus: Int32) {
        self.offset = offset
        self.ruleStatus = ruleStatus
    }
}

/// ICU's word-break rule status ranges (`UWordBreak`).
public enum WordStatus: Sendable, Equatable {
    /// Spaces, punctuation and symbols (0–99).
    case none
    /// Numbers (100–199).
    case number
    /// Letters: words in alphabetic scripts (200–299).
    case letter
    /// Kana (300–399).
    case kana
    /// Ideographs and dictionary-segmented words (400–499).
    case ideograph

    /// Maps an ICU rule status to its range.
    public init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        case 400..<500: self = .ideograph
        default: self = .none
        }
    }
}

/// An ICU break iterator over UTF-8 text; offsets are UTF-8 byte offsets. (ICU iterates a UTF-16 copy made
/// inside the shim: that is faster than iterating UTF-8 in place, even counting the copy.)
///
/// One iterator belongs to one owner at a time: it is a class because it holds an ICU handle, and it is not
/// `Sendable`. Opening is cheap after the first use of a (kind, locale) pair: iterators are cloned from a
/// template ICU keeps for the process.
public final class BreakIterator {
    /// What the iterator divides text into.
    public enum Kind: Sendable {
        case sentence
        case word
    }

    private let handle: OpaquePointer
    /// The kind this iterator was opened with.
    public let kind: Kind
    /// The ICU locale id it was opened with.
    public let locale: String

    /// Opens an iterator.
    /// - Parameters:
    ///   - kind: sentences or words.
    ///   - locale: an ICU locale id: "" (root), "en", "en@ss=standard" (abbreviation suppressions), "zh".
    /// - Throws: ``ICUError`` when ICU cannot open the iterator.
    public init(_ kind: Kind, locale: String = "") throws(ICUError) {
        var status: Int32 = 0
        let cKind = kind == .sentence ? SLANT_BREAK_SENTENCE : SLANT_BREAK_WORD
        let opened = slant_break_open(cKind, locale, &status)
        try ICUError.check(status, "opening a \(kind) break iterator for locale '\(locale)'")
        guard let opened else { throw ICUError(code: 7, operation: "opening a \(kind) break iterator") }
        self.handle = opened
        self.kind = kind
        self.locale = locale
    }

    deinit { slant_break_close(handle) }

    /// Calls `body` with every boundary of `bytes` after its start, in order, including the end.
    /// - Parameters:
    ///   - bytes: UTF-8 text; it must stay valid for the duration of the call.
    ///   - base: added to every offset passed to `body` (the position of `bytes` in a larger text).
    ///   - body: receives each boundary.
    /// - Throws: ``ICUError`` when the text cannot be attached (e.g. over 2 GiB).
    public func forEachBoundary(
        in bytes: UnsafeBufferPointer<UInt8>,
        base: Int = 0,
        _ body: (Boundary) -> Void
    ) throws(ICUError) {
        var status: Int32 = 0
        bytes.withMemoryRebound(to: CChar.self) { chars in
            slant_break_set_text(handle, chars.baseAddress, Int64(chars.count), &status)
        }
        try ICUError.check(status, "attaching \(bytes.count) bytes of text to a \(kind) break iterator")
        let capacity: Int32 = 1024
        var offsets = [Int32](repeating: 0, count: Int(capacity))
        var statuses = [Int32](repeating: 0, count: Int(capacity))
        while true {
            let count = offsets.withUnsafeMutableBufferPointer { o in
                statuses.withUnsafeMutableBufferPointer { s in
                    slant_break_next(handle, o.baseAddress, s.baseAddress, capacity)
                }
            }
            if count == 0 { break }
            for index in 0..<Int(count) {
                body(Boundary(offset: base + Int(offsets[index]), ruleStatus: statuses[index]))
            }
        }
    }

    /// Every boundary of `text` after its start, as UTF-8 byte offsets (a convenience for small texts).
    public func boundaries(of text: String) throws(ICUError) -> [Boundary] {
        var copy = text
        var result: [Boundary] = []
        let outcome: Result<Void, ICUError> = copy.withUTF8 { bytes in
            Result { () throws(ICUError) in try forEachBoundary(in: bytes) { result.append($0) } }
        }
        try outcome.get()
        return result
    }
}
