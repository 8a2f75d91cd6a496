import ArgumentParser
import Foundation
import Slant

/// `slant lexicon`: list lexicon entries.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "List the stance lexicon entries, by language and category.",
        discussion: "Tab-separated: language, category, cue, weight, forms and conditions, origin (file:line)."
    )

    @Option(name: .long, help: "Only this language (e.g. en, zh).")
    var lang: String?

    @Option(name: .long, help: "Only this category: hedge, booster, attitude, attribution, self_mention, engagement, negator, scope-break.")
    var category: String?

    @Option(name: .long, help: ArgumentHelp("A lexicon file to add to or override the shipped entries (repeatable).", valueName: "file"))
    var lexicon: [String] = []

    func validate() throws {
        if let category, !(StanceCategory.allCases.map(\.rawValue) + ["negator", "scope-break"]).contains(category) {
            throw ValidationError("unknown category '\(category)'")
        }
    }

    func run() throws {
        let languages = lang.map { [LanguageTag($0).language] } ?? Lexicon.bundledLanguages
        var lexicons: [Lexicon] = []
        do {
            for language in languages {
                var lexiconForLanguage = try Lexicon.bundled(for: language) ?? Lexicon(language: language)
                for path in lexicon where path.split(separator: "/").last?.split(separator: ".").first.map(String.init) == language {
                    try lexiconForLanguage.merge(parsing: try String(contentsOfFile: path, encoding: .utf8), name: path)
                }
                lexicons.append(lexiconForLanguage)
            }
        } catch let error as LexiconError {
            StandardError.write("slant: error: \(error)")
            throw ExitCode(2)
        } catch {
            StandardError.write("slant: error: cannot read a lexicon file: \(error)")
            throw ExitCode(2)
        }
        if lexicons.allSatisfy(\.entries.isEmpty) {
            StandardError.write("slant: no lexicon for '\(lang ?? "")'; lexicons: \(Lexicon.bundledLanguages.joined(separator: ", "))")
            throw ExitCode(1)
        }
        for lexicon in lexicons {
            for entry in lexicon.entries where category == nil || entry.role.description == category {
                var conditions: [String] = []
                if !entry.forms.isEmpty { conditions.append("forms=" + entry.forms.joined(separator: "|")) }
                if entry.exactCase { conditions.append("case=exact") }
                if !entry.notAfter.isEmpty { conditions.append("not-after=" + entry.notAfter.sorted().joined(separator: "|")) }
                if !entry.notBefore.isEmpty { conditions.append("not-before=" + entry.notBefore.sorted().joined(separator: "|")) }
                if !entry.onlyBefore.isEmpty { conditions.append("only-before=" + entry.onlyBefore.sorted().joined(separator: "|")) }
                if entry.notFinal { conditions.append("not-final=yes") }
                if entry.notCapitalizedInside { conditions.append("not-capitalized-inside=yes") }
                if entry.notNearNumber { conditions.append("not-near-number=yes") }
                conditions.append("negation=\(entry.negation.rawValue)")
                print(
                    [
                        lexicon.language, entry.role.description, entry.cue, String(entry.weight), conditions.joined(separator: " "),
                        entry.origin,
                    ].joined(separator: "\t"))
            }
        }
    }
}
