import Foundation
import Slant
import Testing

@testable import SlantRendering

/// Runs the full annotate chain on a text.
private func annotate(_ text: String, markdown: Bool) throws -> Document {
    let chain = try StageRegistry.standard.makeChain(StageRegistry.summarizeDefaults.map { StageSpec($0) })
    var document = Document(id: "test", text: text, isMarkdown: markdown)
    try chain.process(&document)
    return document
}

@Suite struct RoundTripTests {
    @Test func everyCorpusDocumentStripsBackToItsText() throws {
        let corpus = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Corpus").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { ["md", "txt"].contains($0.pathExtension) }
        #expect(files.count >= 13)
        for file in files {
            let document = try annotate(try String(contentsOf: file, encoding: .utf8), markdown: file.pathExtension == "md")
            #expect(!document.markers.isEmpty, "\(file.lastPathComponent) has no markers, so the round trip checks nothing")
            #expect(
                AnnotatedMarkdown.renderingViolations(document).isEmpty,
                "\(file.lastPathComponent): \(AnnotatedMarkdown.renderingViolations(document))")
        }
    }

    @Test(arguments: [false, true])
    func markedMultilingualTextStripsBack(markdown: Bool) throws {
        let texts = [
            "Perhaps the plan will work. Obviously, critics say it is a disaster, and I think you may wonder why.",
            "据报道，这个计划可能会失败。说实话，我认为这是一场灾难。",
            "Возможно, план провалится. Несомненно, это катастрофа, по данным критиков.",
            "Quizás el plan funcione. Sin duda, según los críticos, es un desastre.",
        ]
        for text in texts {
            let document = try annotate(text, markdown: markdown)
            #expect(document.markers.count >= 3, "\(text)")
            #expect(AnnotatedMarkdown.renderingViolations(document).isEmpty, "\(AnnotatedMarkdown.renderingViolations(document))")
            for style in MarkupStyle.allCases {
                let annotated = AnnotatedMarkdown(style: style).annotatedText(document)
                #expect(annotated != text, "\(style) shows no marker")
                #expect(AnnotationStripper.strip(annotated, style: style, isMarkdown: markdown) == text)
            }
        }
    }

    @Test(arguments: [false, true])
    func aLargeDocumentRendersTheSameOnOneThreadOrSeveral(markdown: Bool) async throws {
        // The Corpus's Markdown files (headings, lists, tables, quotes, code blocks) repeated past the size at
        // which the text is written in runs of zones on several threads.
        let corpus = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Corpus").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
        let sources = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n\n")
        var text = ""
        var part = 0
        while text.utf8.count <= DocumentParallelism.minimumBytes + 50_000 {
            text += sources + "\n\n## Part \(part)\n\n"
            part += 1
        }
        let large = text
        // On a thread of its own, so it does not hold one of the few threads the other suites' tasks run on.
        let (one, three) = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        let document = try annotate(large, markdown: markdown)
                        let render = { (threads: Int) in
                            DocumentParallelism.$threads.withValue(threads) { AnnotatedMarkdown().annotatedText(document) }
                        }
                        return (render(1), render(3))
                    })
            }
        }
        #expect(one.utf8.count > DocumentParallelism.minimumBytes)
        #expect(one == three)
    }

    @Test func plainTextSyntaxIsEscapedAndComesBack() throws {
        let text = "Perhaps *this* [link](x) <b>bold</b> & `code` | pipe ~ tilde \\ slash.\n# not a heading\n1. not a list"
        let document = try annotate(text, markdown: false)
        let annotated = AnnotatedMarkdown(style: .github).annotatedText(document)
        #expect(!annotated.contains("<"))
        #expect(annotated.contains("\\*this\\*") && annotated.contains("\\# not") && annotated.contains("1\\. not"))
        #expect(AnnotatedMarkdown.renderingViolations(document).isEmpty, "\(AnnotatedMarkdown.renderingViolations(document))")
    }

    @Test func aMarkAfterASpaceComesBackToo() throws {
        // " ी" (a space and a Devanagari vowel sign) is one grapheme; the mark must survive the round trip
        // even when the space is trimmed off a paragraph (a fuzzer found the check misreading this).
        let document = try annotate("शायद यह सही है।\n\n    \u{0940}\rफिर भी, निश्चित रूप से।", markdown: false)
        #expect(AnnotatedMarkdown.renderingViolations(document).isEmpty, "\(AnnotatedMarkdown.renderingViolations(document))")
        #expect(
            AnnotationStripper.strip(AnnotatedMarkdown(style: .github).annotatedText(document), style: .github, isMarkdown: false).contains(
                "\u{0940}"))
    }

    @Test func ambiguousSourcesAreNotStrippedInTheirOwnStyle() throws {
        let braces = try annotate("Perhaps {==this==} is CriticMarkup.", markdown: false)
        #expect(!AnnotationStripper.isUnambiguous(braces, style: .critic))
        #expect(AnnotationStripper.isUnambiguous(braces, style: .pandoc))
        let emphasis = try annotate("Perhaps **this** is bold.", markdown: true)
        #expect(!AnnotationStripper.isUnambiguous(emphasis, style: .github))
        #expect(AnnotatedMarkdown.renderingViolations(emphasis).isEmpty)
    }
}

@Suite struct RawHTMLTests {
    /// The annotated text of a Markdown source.
    private func rendered(_ text: String) throws -> String {
        AnnotatedMarkdown(style: .github).annotatedText(try annotate(text, markdown: true))
    }

    @Test func anUnmatchedBacktickDoesNotLetHTMLThrough() throws {
        // One backtick opens no code span in CommonMark, so the tag after it would be live HTML.
        let out = try rendered("Perhaps a ` stray backtick <script>alert(1)</script> follows.")
        #expect(!out.contains("<script>"))
        #expect(out.contains("&lt;script>"))
    }

    @Test func inlineCodeIsEscapedTooSinceParsersPairBackticksDifferently() throws {
        // To CommonMark (no tables) these three lines are one paragraph, so the backtick on the first line
        // pairs with one on the third, and `<e>` would be live HTML there (a fuzzer found this).
        let out = try rendered("Perhaps a ` stray backtick | col | may |\n|---|---|\n| it is not clear | no | Use `<e>` an.")
        #expect(!out.contains("<e>"))
        #expect(out.contains("`&lt;e>`"))
    }

    @Test func anEscapedBacktickOpensNoSpan() throws {
        let out = try rendered("Perhaps \\`<img src=x onerror=alert(1)>` is safe.")
        #expect(!out.contains("<img"))
    }

    @Test func codeBlocksBecomeClosedFencesAtTheLineStart() throws {
        // An indented line after a list item continues the item in CommonMark; it must not reach the output
        // as raw HTML whichever way it is read (a fuzzer found this).
        let out = try rendered("- an item, perhaps\n\n      <b>x</b>\n\n```python\nif a < b: print('``')\n")
        #expect(!out.contains("\n      <b>"))
        #expect(out.contains("```python\nif a < b: print('``')\n```"))
        let indented = try rendered("Perhaps this.\n\n    <b>code</b>\n    more\n\nAfter, obviously.")
        #expect(indented.contains("```\n<b>code</b>\nmore\n```\n"))
    }

    @Test func aBacktickWithACombiningMarkIsStillABacktick() throws {
        // "```x`\u{301}" is no fence to CommonMark (its info holds a backtick), so it is text; and a code
        // block whose info holds one gets a tilde fence (a fuzzer found the grapheme-level reading).
        let prose = try annotate("Perhaps this.\n\n```x`\u{301} <b>bold</b>\n\nMore, obviously.", markdown: true)
        #expect(AnnotatedMarkdown.renderingViolations(prose).isEmpty, "\(AnnotatedMarkdown.renderingViolations(prose))")
        #expect(!AnnotatedMarkdown(style: .github).annotatedText(prose).contains("<b>"))
        let fenced = AnnotatedMarkdown.fencedBlock("~~~py`\u{301}\n<b>x</b>\n~~~")
        #expect(fenced.hasPrefix("~~~py`\u{301}\n<b>x</b>\n~~~"))
    }

    @Test func codeWithCarriageReturnsStaysInsideItsFence() throws {
        // CR LF and lone CR end lines in CommonMark; a fence read as one long line would let the code out.
        let out = try rendered("Perhaps.\r\n\r\n```html\r\n<b>x</b>\r\n````\r\n<i>y</i>\r\n```\r\n\r\nEnd, obviously.\r\n")
        // "````" closes the "```" fence (a closing fence may be longer), so "<i>" is text, escaped.
        #expect(out.contains("```html\n<b>x</b>\n```\n"))
        #expect(out.contains("&lt;i>y&lt;/i>") && !out.contains("<i>"))
        let document = try annotate("Perhaps this.\r\rCode:\r\r    <b>x</b>\r\r\r\r\rmore text, obviously.", markdown: true)
        #expect(AnnotatedMarkdown.renderingViolations(document).isEmpty, "\(AnnotatedMarkdown.renderingViolations(document))")
    }

    @Test func markersStayOutOfCodeSpans() throws {
        let document = try annotate("Perhaps `perhaps obviously` is code, obviously.", markdown: true)
        let out = AnnotatedMarkdown(style: .github).annotatedText(document)
        #expect(out.contains("`perhaps obviously`"))
        #expect(out.hasPrefix("**Perhaps**ʰ"))
    }
}
