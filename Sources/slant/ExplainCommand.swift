import ArgumentParser
import Foundation
import Slant

/// `slant explain`: the arithmetic behind every stance score of one text.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, for one text, each marker and the arithmetic behind every score.",
        discussion: "Reads one file, or standard input when no path is given, and prints a plain-text report."
    )

    @Argument(help: "A text file; standard input when omitted.")
    var path: String?

    @Option(name: .long, help: "Language of the text (BCP 47); identified when omitted.")
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("A lexicon file adding to or overriding the shipped entries (repeatable).", valueName: "file"))
    var lexicon: [String] = []

    func validate() throws {
        if let lang, !LanguageTag.isWellFormed(lang) {
            throw ValidationError("--lang '\(lang)' is not a language tag; use one such as en or zh-Hant")
        }
    }

    func run() async throws {
        try await runReportingFailures {
            var specs = StageRegistry.scoreDefaults.map { StageSpec($0) }
            if !lexicon.isEmpty { specs[specs.count - 1].options["lexicon"] = .list(lexicon.map(OptionValue.string)) }
            let given = lang.map { LanguageTag($0) }
            let chain = try StageRegistry.standard.makeChain(specs, initialLayers: given == nil ? [] : [.language])
            let source = FileInputs(paths: [path ?? "-"], language: given)
            guard let item = source.next() else { return .success }
            switch Pipeline(chain: chain, jobs: 1).process(item) {
            case .failed(_, let diagnostic):
                StandardError.write(diagnostic.description)
                return ExitCode(1)
            case .processed(let document):
                print(StanceExplanation.report(for: document), terminator: "")
                return .success
            }
        }
    }
}

/// The plain-text report of `slant explain`.
enum StanceExplanation {
    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    static func report(for document: Document) -> String {
        var lines: [String] = []
        let language = document.language ?? .undetermined
        lines.append("document: \(document.id)   language: \(language)   sentences: \(document.sentences.count)")
        for (index, sentence) in document.sentences.enumerated() {
            lines.append("")
            lines.append("[\(index + 1)] \(document.slice(sentence.range))")
            let markers = document.markers.filter { $0.sentence == index }
            for marker in markers {
                var line =
                    "    \(marker.category.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \"\(document.slice(marker.range))\""
                line += "  entry '\(marker.entry)' (\(marker.language))  weight \(format(marker.weight))"
                if !marker.modifiers.isEmpty { line += "  [\(marker.modifiers.joined(separator: "; "))]" }
                line += "  bytes \(marker.range.start)..<\(marker.range.end)"
                lines.append(line)
            }
            if markers.isEmpty { lines.append("    no markers") }
            if index < document.sentenceScores.count { lines += arithmetic(document.sentenceScores[index], indent: "    ") }
        }
        if let profile = document.stanceProfile {
            lines.append("")
            lines.append("document profile")
            for category in StanceCategory.allCases {
                let count = profile.counts[category] ?? 0
                lines.append(
                    "    \(category.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count) marker(s), weight \(format(profile.weights[category] ?? 0)), rate \(count) × 1000 / \(profile.words) words = \(format(profile.rate(category))) per 1,000 words"
                )
            }
            lines += arithmetic(profile, indent: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The certainty and subjectivity formulas with the numbers put in.
    static func arithmetic(_ scores: StanceScores, indent: String) -> [String] {
        let boosters = scores.weights[.booster] ?? 0
        let hedges = scores.weights[.hedge] ?? 0
        var certainty = "\(indent)certainty = (boosters − hedges) / (boosters + hedges) = "
        certainty +=
            boosters + hedges == 0
            ? "0 (no boosters or hedges)"
            : "(\(format(boosters)) − \(format(hedges))) / (\(format(boosters)) + \(format(hedges))) = \(format(scores.certainty))"
        let parts = StanceCategory.allCases.filter(\.isSubjective).map { "\($0.rawValue) \(format(scores.weights[$0] ?? 0))" }
        let perSentence = scores.subjectiveWeightPerSentence
        var subjectivity =
            "\(indent)subjectivity = x / (x + 1), x = subjective weight / sentence units = (\(parts.joined(separator: " + "))) / \(format(scores.subjectivityLength))"
        subjectivity +=
            " = \(format(perSentence)); \(format(perSentence)) / \(format(perSentence + 1)) = \(format(scores.subjectivity))"
        return [certainty, subjectivity]
    }
}
