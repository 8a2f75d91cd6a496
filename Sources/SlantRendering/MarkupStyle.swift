import Foundation
public import SlantCore

/// How markers are shown inline in annotated Markdown.
public enum MarkupStyle: String, Sendable, CaseIterable {
    /// Bold text and a superscript letter per category (`**perhaps**ʰ`): readable as plain text, on GitHub and
    /// through Pandoc, with no HTML.
    case github
    /// Pandoc bracketed spans with the category as a class: `[perhaps]{.hedge}`.
    case pandoc
    /// CriticMarkup highlights with the category as a comment: `{==perhaps==}{>>hedge<<}`.
    case critic

    /// The superscript letter of a category in the GitHub style.
    public static func symbol(_ category: StanceCategory) -> String {
        switch category {
        case .hedge: "ʰ"
        case .booster: "ᵇ"
        case .attitude: "ᵃ"
        case .attribution: "ʳ"
        case .selfMention: "ˢ"
        case .engagement: "ᵉ"
        }
    }

    /// What goes before a marker's text.
    func opening(_ marker: Marker) -> String {
        switch self {
        case .github: marker.entry == "(quotation)" || marker.entry == "(question)" ? "" : "**"
        case .pandoc: "["
        case .critic: "{=="
        }
    }

    /// What goes after a marker's text.
    func closing(_ marker: Marker) -> String {
        switch self {
        case .github: (marker.entry == "(quotation)" || marker.entry == "(question)" ? "" : "**") + Self.symbol(marker.category)
        case .pandoc: "]{.\(marker.category.rawValue)}"
        case .critic: "==}{>>\(marker.category.rawValue)<<}"
        }
    }

    /// The legend line shown above the annotated text.
    public var legend: String {
        switch self {
        case .github:
            StanceCategory.allCases.map { "**cue**\(Self.symbol($0)) \($0.rawValue.replacingOccurrences(of: "_", with: "-"))" }.joined(
                separator: " · ")
                + " — quotations and questions carry the letter only"
        case .pandoc:
            "Markers are Pandoc spans with the category as class: "
                + StanceCategory.allCases.map { "`[cue]{.\($0.rawValue)}`" }.joined(separator: ", ")
        case .critic:
            "Markers are CriticMarkup highlights with the category as comment: `{==cue==}{>>hedge<<}`"
        }
    }
}
