import Foundation
import Slant
import Testing

/// One fixture sentence: its language, text, expected categories and note.
struct StanceFixture: CustomTestStringConvertible, Sendable {
    let language: String
    let line: Int
    let text: String
    let expected: Set<StanceCategory>
    let note: String
    var isFalseAlarmCase: Bool { note.hasPrefix("false-alarm") }
    var testDescription: String { "\(language):\(line) \(text.prefix(40))" }
}

/// Every fixture file in Tests/SlantStanceTests/Fixtures (sentences written for these tests).
let stanceFixtures: [StanceFixture] = {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
        let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    var fixtures: [StanceFixture] = []
    for name in names.sorted() where name.hasSuffix(".tsv") {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { continue }
            let expected =
                fields[1].trimmingCharacters(in: .whitespaces) == "-"
                ? [] : Set(fields[1].split(separator: ",").compactMap { StanceCategory(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
            fixtures.append(
                StanceFixture(
                    language: String(name.dropLast(4)), line: index + 1, text: fields[0], expected: expected,
                    note: fields.count > 2 ? fields[2] : ""))
        }
    }
    return fixtures
}()

/// normalize, segment and stance, built once (the stance stage loads every lexicon).
let fixtureChain = Result {
    try StageRegistry.standard.makeChain(["normalize", "segment", "stance"].map { StageSpec($0) }, initialLayers: [.language])
}

/// The categories Slant finds in one sentence of a given language.
func categoriesFound(_ text: String, language: String) throws -> Set<StanceCategory> {
    let chain = try fixtureChain.get()
    var document = Document(id: "fixture", text: text, language: LanguageTag(language))
    try chain.process(&document)
    #expect(document.invariantViolations().isEmpty)
    return Set(document.markers.map(\.category))
}

@Suite struct StanceFixtureTests {
    @Test func fixturesCoverEveryCategoryInEightLanguagesOrMore() {
        let languages = Set(stanceFixtures.map(\.language))
        #expect(languages.count >= 8, "fixtures for \(languages.sorted())")
        for language in languages {
            let inLanguage = stanceFixtures.filter { $0.language == language }
            for category in StanceCategory.allCases {
                #expect(inLanguage.filter { $0.expected.contains(category) }.count >= 3, "\(language) has few \(category) fixtures")
            }
            let hasFalseAlarms = inLanguage.contains { $0.isFalseAlarmCase }
            #expect(hasFalseAlarms, "\(language) has no false-alarm cases")
        }
    }

    /// The context rules (month, manner adverb, deontic modal, longer cues, negation and its scope) must hold
    /// exactly on every false-alarm case.
    @Test(arguments: stanceFixtures.filter(\.isFalseAlarmCase))
    func falseAlarmRulesHold(_ fixture: StanceFixture) throws {
        let found = try categoriesFound(fixture.text, language: fixture.language)
        #expect(found == fixture.expected)
    }

    /// Per language, the micro-averaged F1 over categories must stay at 0.9 or above (sentences whose cues
    /// are deliberately missing from the lexicons keep it below 1).
    @Test(arguments: Array(Set(stanceFixtures.map(\.language))).sorted())
    func categoriesAreFoundInEachLanguage(_ language: String) throws {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for fixture in stanceFixtures where fixture.language == language {
            let found = try categoriesFound(fixture.text, language: language)
            truePositives += found.intersection(fixture.expected).count
            falsePositives += found.subtracting(fixture.expected).count
            falseNegatives += fixture.expected.subtracting(found).count
        }
        let f1 = Double(2 * truePositives) / Double(max(1, 2 * truePositives + falsePositives + falseNegatives))
        #expect(f1 >= 0.9, "\(language): micro-F1 \(f1)")
    }
}
