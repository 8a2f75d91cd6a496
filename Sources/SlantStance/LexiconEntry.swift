public import SlantCore

/// What a lexicon line marks: one of the six stance categories, or a helper for negation.
public enum LexiconRole: Hashable, Sendable, CustomStringConvertible {
    /// A stance marker of this category.
    case marker(StanceCategory)
    /// A negation word ("not", "不"): modifies a following marker.
    case negator
    /// A word that ends a negation's scope ("but", "但是").
    case scopeBreak

    /// Parses the category column.
    init?(_ name: String) {
        switch name {
        case "negator": self = .negator
        case "scope-break": self = .scopeBreak
        default:
            guard let category = StanceCategory(rawValue: name) else { return nil }
            self = .marker(category)
        }
    }

    public var description: String {
        switch self {
        case .marker(let category): category.rawValue
        case .negator: "negator"
        case .scopeBreak: "scope-break"
        }
    }
}

/// What a negator before a marker does to it.
public enum NegationEffect: String, Sendable {
    /// A negated booster becomes a hedge ("not clear"); the default for boosters.
    case flip
    /// The category stays and the marker records that it is negated; the default for other categories.
    case keep
    /// Negators are ignored.
    case none
}

/// One lexicon line: a cue, its role and weight, and the context conditions under which it counts.
public struct LexiconEntry: Hashable, Sendable {
    /// The cue as written in the lexicon (`according to`, `可能`).
    public var cue: String
    /// Inflected or variant forms that count as this entry.
    public var forms: [String]
    /// What it marks.
    public var role: LexiconRole
    /// Its weight (0.1–2.0).
    public var weight: Double
    /// Whether the cue must match with exactly this capitalisation.
    public var exactCase: Bool = false
    /// Not a marker right after one of these words (folded).
    public var notAfter: Set<String> = []
    /// Not a marker right before one of these words (folded).
    public var notBefore: Set<String> = []
    /// A marker only right before one of these words (folded); empty means no condition.
    public var onlyBefore: Set<String> = []
    /// Not a marker at the end of a clause.
    public var notFinal: Bool = false
    /// Not a marker when capitalised away from the sentence start.
    public var notCapitalizedInside: Bool = false
    /// Not a marker next to a number.
    public var notNearNumber: Bool = false
    /// Whether the cue may start inside a word (Chinese and Japanese only): `据` in `据悉`.
    public var insideWords: Bool = false
    /// What a preceding negator does.
    public var negation: NegationEffect
    /// The language of the lexicon it came from.
    public var language: String
    /// Where it was defined: `file:line`.
    public var origin: String

    public init(cue: String, forms: [String] = [], role: LexiconRole, weight: Double, language: String, origin: String) {
        self.cue = cue
        self.forms = forms
        self.role = role
        self.weight = weight
        self.language = language
        self.origin = origin
        if case .marker(.booster) = role { negation = .flip } else { negation = .keep }
    }

    /// The cue and its forms.
    public var allForms: [String] { [cue] + forms }
}
