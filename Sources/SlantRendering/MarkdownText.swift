import Foundation

/// Escaping that keeps source text from changing the structure of the annotation. Every character it acts on
/// is ASCII, so it works on UTF-8 bytes: a combining mark after `*` does not hide the `*` from escaping.
enum MarkdownText {
    /// Plain text as Markdown that shows the same characters: inline syntax (`*`, `_`, `` ` ``, `[`, `]`,
    /// `|`, `~`, `\`) is backslash-escaped, `<` and `&` become entities (no raw HTML gets through), and a line
    /// start that would open a heading, quote, list or fence is escaped.
    static func escapePlain<S: StringProtocol>(_ text: S) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escapePlain($0, into: &result) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { escapePlain($0, into: &result) } }
        return String(decoding: result, as: UTF8.self)
    }

    private static func escapePlain(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout [UInt8]) {
        var atLineStart = true
        var pendingDigits = 0
        var index = 0
        while index < bytes.count {
            if !atLineStart, pendingDigits == 0 {
                // Inside a line, a run of bytes that need nothing is copied at once.
                var end = index
                while end < bytes.count, !isInlineSyntax(bytes[end]), bytes[end] != ASCII.newline { end += 1 }
                if end > index {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            if atLineStart, byte == ASCII.space || byte == ASCII.tab {
                result.append(byte)
                continue
            }
            if atLineStart, ASCII.isDigit(byte) {
                result.append(byte)
                pendingDigits += 1
                continue
            }
            if pendingDigits > 0 {
                // "1." or "1)" at a line start would open an ordered list.
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { result.append(ASCII.backslash) }
                pendingDigits = 0
            } else if atLineStart, ASCII.opensBlock(byte) {
                result.append(ASCII.backslash)
            }
            atLineStart = byte == ASCII.newline
            switch byte {
            case ASCII.lessThan: result += Array("&lt;".utf8)
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case _ where isInlineSyntax(byte): result += [ASCII.backslash, byte]
            default: result.append(byte)
            }
        }
    }

    /// Whether a byte is written other than as itself inside a line: inline syntax, `<` and `&`.
    private static func isInlineSyntax(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), ASCII.backtick, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"),
            UInt8(ascii: "~"), ASCII.backslash, ASCII.lessThan, UInt8(ascii: "&"):
            true
        default: false
        }
    }

    /// Markdown source with raw HTML neutralised: every `<` becomes `&lt;`, so `<script>` or a stray `<div>`
    /// shows as text. Inline code is no exception: whether backticks pair into a code span depends on where
    /// the reader's parser ends a paragraph (a GFM table is one paragraph to CommonMark), so a `<` left raw
    /// "inside code" could be live HTML to another parser; in code, `<` then shows as `&lt;`. Code blocks,
    /// which the renderer fences itself, keep `<` as written.
    static func escapeHTML(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(range.count + 16)
        for byte in bytes[range] {
            if byte == ASCII.lessThan {
                result += Array("&lt;".utf8)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The code spans inside `range` of Markdown bytes, line by line, in order, where markers are not
    /// inserted: a run of n backticks opens (unless a backslash escapes its first backtick) and the next run
    /// of exactly n backticks on the same line closes; a run with no closer is literal. (CommonMark lets a
    /// span cross lines inside a paragraph; such spans may get markers, shown as literal characters.)
    /// Linear in the range.
    static func codeSpans(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != ASCII.newline { lineEnd += 1 }
            spans += codeSpansInLine(bytes, lineStart..<lineEnd)
            lineStart = lineEnd + 1
        }
        return spans
    }

    /// The code spans of one line; each run length keeps a cursor into the runs of that length.
    private static func codeSpansInLine(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == ASCII.backtick else {
                index += 1
                continue
            }
            let start = index
            while index < range.upperBound, bytes[index] == ASCII.backtick { index += 1 }
            runs.append(start..<index)
        }
        var runsOfLength: [Int: [Int]] = [:]
        for (number, run) in runs.enumerated() { runsOfLength[run.count, default: []].append(number) }
        var cursors: [Int: Int] = [:]
        var spans: [Range<Int>] = []
        var number = 0
        while number < runs.count {
            var opening = runs[number]
            var backslashes = 0
            while opening.lowerBound - backslashes > range.lowerBound, bytes[opening.lowerBound - backslashes - 1] == ASCII.backslash {
                backslashes += 1
            }
            if backslashes % 2 == 1 { opening = opening.lowerBound + 1..<opening.upperBound }
            guard !opening.isEmpty, let candidates = runsOfLength[opening.count] else {
                number += 1
                continue
            }
            var cursor = cursors[opening.count, default: 0]
            while cursor < candidates.count, candidates[cursor] <= number { cursor += 1 }
            cursors[opening.count] = cursor
            if cursor < candidates.count {
                let closing = candidates[cursor]
                spans.append(opening.lowerBound..<runs[closing].upperBound)
                number = closing + 1
            } else {
                number += 1
            }
        }
        return spans
    }

    /// Text for a table cell: one line, `|` escaped.
    static func cell<S: StringProtocol>(_ text: S) -> String {
        let escaped = escapePlain(text)
        guard escaped.utf8.contains(where: { $0 == ASCII.newline || $0 == ASCII.carriageReturn }) else { return escaped }
        return String(decoding: escaped.utf8.map { $0 == ASCII.newline || $0 == ASCII.carriageReturn ? ASCII.space : $0 }, as: UTF8.self)
    }
}

/// The ASCII bytes the escaping looks at.
enum ASCII {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")
    static let lessThan = UInt8(ascii: "<")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether the byte opens a heading, quote, list or setext underline at a line start.
    static func opensBlock(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "=")
    }
}
