import Foundation
public import SlantCore

/// Recovers the source text from the annotated-text section `AnnotatedMarkdown` renders: removes the markers
/// of one style and undoes the escaping. Tests and fuzzers use it to check that rendering loses nothing and
/// adds nothing but markup.
public enum AnnotationStripper {
    /// Whether the style's markers can be told from the source's own characters, so stripping is exact. Plain
    /// text escapes `*`, `[` and `]`, so only the superscript letters and CriticMarkup braces can be mistaken;
    /// Markdown keeps its syntax as written, so `*` and brackets can be too.
    public static func isUnambiguous(_ document: Document, style: MarkupStyle) -> Bool {
        let text = document.text
        switch style {
        case .github:
            let symbols = Set(StanceCategory.allCases.map { MarkupStyle.symbol($0) })
            return !text.unicodeScalars.contains { symbols.contains(String($0)) }
                && !(document.isMarkdown && text.utf8.contains(UInt8(ascii: "*")))
        case .pandoc:
            return !document.isMarkdown || !text.utf8.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
        case .critic:
            return !text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
        }
    }

    /// The text of an annotated section with the style's markers removed and the renderer's escaping undone:
    /// for plain text, backslash escapes and the `&lt;` and `&amp;` entities; for Markdown, `&lt;`.
    public static func strip(_ annotated: String, style: MarkupStyle, isMarkdown: Bool) -> String {
        let bytes = Array(annotated.utf8)
        let markup = markupTokens(style)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        scan: while index < bytes.count {
            let byte = bytes[index]
            if !isMarkdown, byte == ASCII.backslash, index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "&") {
                let entities: [(String, UInt8)] =
                    isMarkdown ? [("&lt;", ASCII.lessThan)] : [("&lt;", ASCII.lessThan), ("&amp;", UInt8(ascii: "&"))]
                for (entity, character) in entities where bytes.hasPrefix(Array(entity.utf8), at: index) {
                    out.append(character)
                    index += entity.utf8.count
                    continue scan
                }
            }
            for token in markup where bytes.hasPrefix(token, at: index) {
                index += token.count
                continue scan
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte strings that are markup in a style, longest first.
    private static func markupTokens(_ style: MarkupStyle) -> [[UInt8]] {
        let categories = StanceCategory.allCases.map(\.rawValue)
        let tokens: [String] =
            switch style {
            case .github: ["**"] + StanceCategory.allCases.map { MarkupStyle.symbol($0) }
            case .pandoc: categories.map { "]{.\($0)}" } + ["["]
            case .critic: categories.map { "==}{>>\($0)<<}" } + ["{=="]
            }
        return tokens.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes at `index` start with `prefix`.
    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= count else { return false }
        for offset in prefix.indices where self[index + offset] != prefix[offset] { return false }
        return true
    }
}

extension AnnotatedMarkdown {
    /// Checks the promises rendering keeps, and returns each one broken (empty when all hold): in every style
    /// whose markers can be told from the source, stripping the annotated text gives back the document's text
    /// (whitespace between paragraphs aside; code blocks, which are copied into fences of their own, compared
    /// apart), and plain text lets no raw `<` through. Tests run it on every output; fuzzers on every input.
    public static func renderingViolations(_ document: Document) -> [String] {
        var problems: [String] = []
        let source = collapsedWhitespace(
            document.isMarkdown ? prose(of: document).replacingOccurrences(of: "&lt;", with: "<") : document.text)
        for style in MarkupStyle.allCases where AnnotationStripper.isUnambiguous(document, style: style) {
            let annotated = AnnotatedMarkdown(style: style).annotatedText(document)
            var stripped = AnnotationStripper.strip(annotated, style: style, isMarkdown: document.isMarkdown)
            if document.isMarkdown {
                // CommonMark ends a line at CR LF, LF or a lone CR.
                stripped = withoutFencedBlocks(
                    stripped.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
            }
            stripped = collapsedWhitespace(stripped)
            if stripped != source {
                let at = zip(stripped, source).prefix { $0 == $1 }.count
                problems.append(
                    "\(style): stripping the annotation does not give back the text; they differ at character \(at): "
                        + "\(String(stripped.dropFirst(at).prefix(40)).debugDescription) against \(String(source.dropFirst(at).prefix(40)).debugDescription)"
                )
            }
            if !document.isMarkdown, style != .critic, annotated.utf8.contains(ASCII.lessThan) {
                problems.append("\(style): a raw '<' reaches the annotation of plain text")
            }
        }
        return problems
    }

    /// A Markdown document's text with each code block replaced by a line break.
    private static func prose(of document: Document) -> String {
        var bytes: [UInt8] = []
        let text = Array(document.text.utf8)
        var position = 0
        for zone in document.zones where zone.kind == .code {
            bytes += text[position..<zone.range.start] + [ASCII.newline]
            position = zone.range.end
        }
        return String(decoding: bytes + text[position...], as: UTF8.self)
    }

    /// Text with every fenced block that starts a line removed, fences included. Fences are runs of scalars
    /// (a backtick followed by a combining mark still counts), as a Markdown parser reads them.
    private static func withoutFencedBlocks(_ text: String) -> String {
        var kept: [Substring] = []
        var closing: [Unicode.Scalar]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            if let fence = closing {
                if scalars == fence { closing = nil }
                continue
            }
            if let mark = scalars.first, mark == "`" || mark == "~" {
                let fence = Array(scalars.prefix { $0 == mark })
                if fence.count >= 3, !(mark == "`" && scalars.dropFirst(fence.count).contains("`")) {
                    closing = fence
                    kept.append("")
                    continue
                }
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Runs of whitespace scalars as one space, trimmed at both ends. (Scalars, not graphemes: a space followed
    /// by a combining mark is one grapheme, but only the space is whitespace.)
    private static func collapsedWhitespace(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isWhitespaceScalar {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
