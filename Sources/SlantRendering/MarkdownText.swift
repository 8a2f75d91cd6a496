import Foundation

/// Escaping that keeps source text from changing the structure of the annotation.
enum MarkdownText {
    /// Plain text as Markdown that shows the same characters: inline syntax (`*`, `_`, `` ` ``, `[`, `]`,
    /// `|`, `~`, `\`) is backslash-escaped, `<` and `&` become entities (no raw HTML gets through), and a line
    /// start that would open a heading, quote, list or fence is escaped.
    static func escapePlain<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var atLineStart = true
        var pendingDigits = ""
        for character in text {
            if atLineStart, character == " " || character == "\t" {
                result.append(character)
                continue
            }
            if atLineStart, character.isNumber, character.isASCII {
                pendingDigits.append(character)
                continue
            }
            if !pendingDigits.isEmpty {
                result += pendingDigits
                if character == "." || character == ")" { result.append("\\") }
                pendingDigits = ""
            } else if atLineStart, "#>-+=".contains(character) {
                result.append("\\")
            }
            atLineStart = character == "\n"
            switch character {
            case "*", "_", "`", "[", "]", "|", "~", "\\": result += "\\" + String(character)
            case "<": result += "&lt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result + pendingDigits
    }

    /// Markdown source with raw HTML neutralised: `<` outside code spans becomes `&lt;`, so `<script>` or a
    /// stray `<div>` shows as text. Code spans are copied untouched.
    static func escapeHTML<S: StringProtocol>(inMarkdown text: S) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == "<", !inCode {
                result += "&lt;"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Text for a table cell: one line, `|` escaped.
    static func cell<S: StringProtocol>(_ text: S) -> String {
        escapePlain(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
