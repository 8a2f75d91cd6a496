public import SlantCore

/// Divides a text into structural zones, so sentences never cross a heading, list item, table cell or
/// paragraph, and code blocks are kept out of sentences.
///
/// Plain text has paragraphs (separated by blank lines). Markdown adds ATX and setext headings, list items
/// (with their indented continuation lines), block quotes, table cells, fenced and indented code blocks,
/// thematic breaks, HTML blocks and link reference definitions. The scanner is a single pass over lines,
/// linear in the text's length.
public struct ZoneScanner: Sendable {
    /// Whether to recognise Markdown structure (otherwise only paragraphs).
    public var markdown: Bool

    public init(markdown: Bool) { self.markdown = markdown }

    /// The zones of `text`, in order, disjoint, each range on line boundaries.
    public func zones(of text: String) -> [Zone] {
        var copy = text
        return copy.withUTF8 { zones(in: $0) }
    }

    /// The zones of UTF-8 `bytes`.
    public func zones(in bytes: UnsafeBufferPointer<UInt8>) -> [Zone] {
        var builder = Builder(bytes: bytes, markdown: markdown)
        builder.run()
        return builder.zones
    }
}

/// One line of the text: `start..<end` excludes the line terminator; `next` is where the next line starts.
private struct Line {
    var start: Int
    var end: Int
    var next: Int
}

private struct Builder {
    let bytes: UnsafeBufferPointer<UInt8>
    let markdown: Bool
    var zones: [Zone] = []
    /// The paragraph being collected: its first line start and last line end.
    var paragraph: (start: Int, end: Int)?
    /// The list item or quote being collected.
    var block: (kind: ZoneKind, start: Int, contentStart: Int, end: Int, indent: Int)?
    var previousLineBlank = true

    init(bytes: UnsafeBufferPointer<UInt8>, markdown: Bool) {
        self.bytes = bytes
        self.markdown = markdown
    }

    // MARK: lines

    func line(at start: Int) -> Line {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var next = end
        if next < bytes.count, bytes[next] == 0x0D { next += 1 }
        if next < bytes.count, bytes[next] == 0x0A { next += 1 }
        if next == end, end < bytes.count { next += 1 }
        return Line(start: start, end: end, next: next)
    }

    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Index of the first non-space byte of the line (or its end) and the indentation width.
    func indentation(_ line: Line) -> (index: Int, width: Int) {
        var index = line.start
        var width = 0
        while index < line.end, isSpace(bytes[index]) {
            width += bytes[index] == 0x09 ? 4 - width % 4 : 1
            index += 1
        }
        return (index, width)
    }

    func isBlank(_ line: Line) -> Bool { indentation(line).index == line.end }

    /// End of the line without trailing spaces.
    func trimmedEnd(_ line: Line, from start: Int) -> Int {
        var end = line.end
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return end
    }

    // MARK: zones

    mutating func emit(_ kind: ZoneKind, _ start: Int, _ end: Int, content: (Int, Int)) {
        guard end > start else { return }
        var contentStart = content.0
        var contentEnd = content.1
        while contentStart < contentEnd, isSpace(bytes[contentStart]) { contentStart += 1 }
        while contentEnd > contentStart, isWhitespace(bytes[contentEnd - 1]) { contentEnd -= 1 }
        if !kindHoldsProse(kind) || contentStart == contentEnd {
            contentStart = start
            contentEnd = start
        }
        zones.append(Zone(kind: kind, range: TextRange(start: start, end: end), content: TextRange(start: contentStart, end: contentEnd)))
    }

    func kindHoldsProse(_ kind: ZoneKind) -> Bool { kind != .code && kind != .markup }

    func isWhitespace(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x0A || byte == 0x0D }

    mutating func flushParagraph() {
        if let (start, end) = paragraph { emit(.paragraph, start, end, content: (start, end)) }
        paragraph = nil
    }

    mutating func flushBlock() {
        if let block { emit(block.kind, block.start, block.end, content: (block.contentStart, block.end)) }
        block = nil
    }

    mutating func flush() {
        flushParagraph()
        flushBlock()
    }

    mutating func run() {
        var position = 0
        while position < bytes.count {
            let current = line(at: position)
            position = markdown ? markdownLine(current) : plainLine(current)
        }
        flush()
        if !markdown { markPlainTitle() }
    }

    /// In plain text, a first paragraph that is one short line without a full stop, followed by more text,
    /// is the title ("Council Delays Vote on Bridge Repairs"): it becomes a heading zone.
    mutating func markPlainTitle() {
        guard zones.count > 1, let first = zones.first, first.kind == .paragraph, first.range.length <= 200 else { return }
        for index in first.range.range where bytes[index] == 0x0A || bytes[index] == 0x0D { return }
        var end = first.content.end
        while end > first.content.start, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > first.content.start else { return }
        var start = end - 1
        while start > first.content.start, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let last = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let fullStops: Set<String> = [".", "!", "。", "！", "…", ":", ";", "：", "।", "։"]
        guard !fullStops.contains(last) else { return }
        zones[0].kind = .heading
    }

    mutating func plainLine(_ line: Line) -> Int {
        if isBlank(line) {
            flushParagraph()
        } else if let open = paragraph {
            paragraph = (open.start, line.end)
        } else {
            paragraph = (indentation(line).index, line.end)
        }
        return line.next
    }

    // MARK: Markdown

    /// Handles one line (and, for code fences and tables, the lines it owns); returns the next position.
    mutating func markdownLine(_ line: Line) -> Int {
        defer { previousLineBlank = isBlank(line) }
        if isBlank(line) {
            flushParagraph()
            if block?.kind == .quote { flushBlock() }
            return line.next
        }
        let (first, indent) = indentation(line)
        // Continuation of a list item: indented past its marker, or a lazy line right after it.
        if let open = block, open.kind == .listItem {
            if indent >= open.indent, !previousLineBlank || indent >= open.indent {
                if listMarker(line) == nil || indent >= open.indent + 2 {
                    block?.end = line.end
                    return line.next
                }
            }
            if !previousLineBlank, listMarker(line) == nil, !startsBlock(line) {
                block?.end = line.end
                return line.next
            }
            flushBlock()
        }
        if indent >= 4, paragraph == nil, block == nil, previousLineBlank {
            return codeBlock(indentedFrom: line)
        }
        if indent < 4, let fence = fence(line) {
            flush()
            return fencedCode(from: line, fence: fence)
        }
        if indent < 4, bytes[first] == UInt8(ascii: "#"), let content = atxHeadingContent(line, from: first) {
            flush()
            emit(.heading, first, line.end, content: content)
            return line.next
        }
        if indent < 4, paragraph != nil, isSetextUnderline(line, from: first) {
            if let open = paragraph { emit(.heading, open.start, line.end, content: (open.start, lastLineEnd(before: line.start))) }
            paragraph = nil
            return line.next
        }
        if indent < 4, isThematicBreak(line, from: first) {
            flush()
            emit(.markup, first, line.end, content: (first, first))
            return line.next
        }
        if indent < 4, bytes[first] == UInt8(ascii: ">") {
            var contentStart = first + 1
            if contentStart < line.end, isSpace(bytes[contentStart]) { contentStart += 1 }
            if let open = block, open.kind == .quote {
                block?.end = line.end
            } else {
                flush()
                block = (.quote, first, contentStart, line.end, 0)
            }
            return line.next
        }
        if block?.kind == .quote, paragraph == nil {
            block?.end = line.end  // lazy continuation of a quote
            return line.next
        }
        if let marker = listMarker(line) {
            flush()
            block = (.listItem, first, marker.contentStart, line.end, marker.contentIndent)
            return line.next
        }
        if indent < 4, isTableRow(line, from: first), paragraph == nil || isTableSeparator(line, from: first) {
            flush()
            return table(from: line)
        }
        if indent < 4, paragraph == nil, isHTMLBlockStart(line, from: first) || isLinkReferenceDefinition(line, from: first) {
            emit(.markup, first, line.end, content: (first, first))
            return line.next
        }
        if let open = paragraph {
            paragraph = (open.start, line.end)
        } else {
            paragraph = (first, line.end)
        }
        return line.next
    }

    /// The end of the line before `start` (skipping its terminator).
    func lastLineEnd(before start: Int) -> Int {
        var end = start
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    func startsBlock(_ line: Line) -> Bool {
        let (first, indent) = indentation(line)
        guard indent < 4 else { return false }
        let byte = bytes[first]
        return fence(line) != nil || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ">") || isThematicBreak(line, from: first)
    }

    /// A fence's character and length when the line opens a fenced code block.
    func fence(_ line: Line) -> (byte: UInt8, count: Int)? {
        let first = indentation(line).index
        guard first < line.end else { return nil }
        let byte = bytes[first]
        guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
        var count = 0
        while first + count < line.end, bytes[first + count] == byte { count += 1 }
        guard count >= 3 else { return nil }
        if byte == UInt8(ascii: "`") {
            for index in (first + count)..<line.end where bytes[index] == byte { return nil }
        }
        return (byte, count)
    }

    mutating func fencedCode(from opening: Line, fence: (byte: UInt8, count: Int)) -> Int {
        let start = indentation(opening).index
        var position = opening.next
        var end = opening.end
        while position < bytes.count {
            let current = line(at: position)
            end = current.end
            position = current.next
            if let closing = self.fence(current), closing.byte == fence.byte, closing.count >= fence.count,
                trimmedEnd(current, from: indentation(current).index) == indentation(current).index + closing.count
            {
                break
            }
        }
        emit(.code, start, end, content: (start, start))
        return position
    }

    mutating func codeBlock(indentedFrom opening: Line) -> Int {
        var position = opening.start
        var end = opening.end
        while position < bytes.count {
            let current = line(at: position)
            if !isBlank(current), indentation(current).width < 4 { break }
            if !isBlank(current) { end = current.end }
            position = current.next
        }
        emit(.code, opening.start, end, content: (opening.start, opening.start))
        previousLineBlank = false
        return position
    }

    func atxHeadingContent(_ line: Line, from first: Int) -> (Int, Int)? {
        var index = first
        while index < line.end, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - first
        guard level <= 6, index == line.end || isSpace(bytes[index]) else { return nil }
        var end = trimmedEnd(line, from: index)
        var closing = end
        while closing > index, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing < end, closing == index || isSpace(bytes[closing - 1]) { end = closing }
        return (index, end)
    }

    func isSetextUnderline(_ line: Line, from first: Int) -> Bool {
        let byte = bytes[first]
        guard byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-") else { return false }
        let end = trimmedEnd(line, from: first)
        for index in first..<end where bytes[index] != byte { return false }
        return true
    }

    func isThematicBreak(_ line: Line, from first: Int) -> Bool {
        let byte = bytes[first]
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { return false }
        var count = 0
        for index in first..<line.end {
            if bytes[index] == byte {
                count += 1
            } else if !isSpace(bytes[index]) {
                return false
            }
        }
        return count >= 3
    }

    /// The content start and the indentation its continuation lines need, when the line opens a list item.
    func listMarker(_ line: Line) -> (contentStart: Int, contentIndent: Int)? {
        let (first, indent) = indentation(line)
        var index = first
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            index += 1
        } else {
            var digits = 0
            while index < line.end, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 9 {
                index += 1
                digits += 1
            }
            guard digits > 0, index < line.end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else {
                return nil
            }
            index += 1
        }
        guard index < line.end, isSpace(bytes[index]) else { return nil }
        if isThematicBreak(line, from: first) { return nil }
        while index < line.end, isSpace(bytes[index]) { index += 1 }
        return (index, indent + (index - first))
    }

    func isTableRow(_ line: Line, from first: Int) -> Bool {
        let end = trimmedEnd(line, from: first)
        guard end - first >= 2 else { return false }
        if bytes[first] == UInt8(ascii: "|") { return true }
        return isTableSeparator(line, from: first)
    }

    func isTableSeparator(_ line: Line, from first: Int) -> Bool {
        var dashes = 0
        var pipes = 0
        for index in first..<trimmedEnd(line, from: first) {
            switch bytes[index] {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return dashes >= 3 && pipes >= 1
    }

    /// Emits each row's cells as zones; separator rows as markup.
    mutating func table(from opening: Line) -> Int {
        var position = opening.start
        while position < bytes.count {
            let current = line(at: position)
            let first = indentation(current).index
            if isBlank(current) || !(isTableRow(current, from: first) || containsPipe(current)) { break }
            if isTableSeparator(current, from: first) {
                emit(.markup, first, current.end, content: (first, first))
            } else {
                cells(of: current, from: first)
            }
            position = current.next
        }
        previousLineBlank = false
        return position
    }

    func containsPipe(_ line: Line) -> Bool {
        for index in line.start..<line.end where bytes[index] == UInt8(ascii: "|") { return true }
        return false
    }

    mutating func cells(of line: Line, from first: Int) {
        var cellStart = first
        if bytes[cellStart] == UInt8(ascii: "|") { cellStart += 1 }
        var index = cellStart
        let end = trimmedEnd(line, from: first)
        while index <= end {
            let atEnd = index == end
            if atEnd || (bytes[index] == UInt8(ascii: "|") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\\"))) {
                if cellStart < index {
                    emit(.tableCell, cellStart, index, content: (cellStart, index))
                }
                cellStart = index + 1
            }
            index += 1
        }
    }

    func isHTMLBlockStart(_ line: Line, from first: Int) -> Bool {
        guard bytes[first] == UInt8(ascii: "<"), first + 1 < line.end else { return false }
        let next = bytes[first + 1]
        return next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
    }

    func isLinkReferenceDefinition(_ line: Line, from first: Int) -> Bool {
        guard bytes[first] == UInt8(ascii: "[") else { return false }
        var index = first + 1
        while index + 1 < line.end {
            if bytes[index] == UInt8(ascii: "]") { return bytes[index + 1] == UInt8(ascii: ":") }
            index += 1
        }
        return false
    }
}
