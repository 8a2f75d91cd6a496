import ArgumentParser
import Slant

/// `slant score`: stance markers and scores as JSON Lines.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Mark hedges, boosters, attitude, attribution, self-mention and engagement; print scores as JSON Lines.",
        discussion: """
            One JSON object per document with the fields of `segment`; each sentence also has `markers` \
            [{start, end, text, category, entry, language, weight, modifiers}] and `scores` {words, counts, \
            certainty, subjectivity}, and the document has a `profile` {words, counts, rates per 1,000 words, \
            certainty, subjectivity}. Default stages: normalize,language,segment,stance. See README for how each \
            number is computed, and `slant explain` for the arithmetic on one text.
            """
    )

    @OptionGroup var options: InputOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A lexicon file adding to or overriding the shipped entries (repeatable); its language is the file name before the first '.', e.g. en.tsv.",
            valueName: "file"))
    var lexicon: [String] = []

    @Flag(name: .long, help: "Include tokens in the output.")
    var tokens = false

    func run() async throws {
        try await runPipelineToJSONLines(
            options: options, defaults: StageRegistry.scoreDefaults, parts: tokens ? [.stance, .tokens] : [.stance],
            settings: lexicon.isEmpty ? [] : ["stance.lexicon=\(lexicon.joined(separator: ","))"])
    }
}
