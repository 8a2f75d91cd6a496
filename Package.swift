// swift-tools-version: 6.0
import PackageDescription

/// Upcoming language features enabled on every target (the habit swift-log keeps).
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Slant",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "slant", targets: ["slant"]),
        .library(name: "Slant", targets: ["Slant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The only code that includes ICU headers: a plain C API over the system libicu (Debian: libicu-dev).
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // The only code that includes the Snowball stemmers (Debian: libstemmer-dev).
        .target(
            name: "CStemmerShim",
            linkerSettings: [.linkedLibrary("stemmer")]
        ),
        // Swift face of the shim: break iterators over UTF-8, scripts, normalization and folding.
        .target(name: "SlantICU", dependencies: ["CICUShim"], swiftSettings: upcomingFeatures),
        // The document model, the stage protocol and registry, errors.
        .target(name: "SlantCore", swiftSettings: upcomingFeatures),
        // Markdown zones, sentences and word tokens.
        .target(
            name: "SlantSegmentation",
            dependencies: ["SlantCore", "SlantICU"],
            resources: [.copy("Resources/abbreviations")],
            swiftSettings: upcomingFeatures
        ),
        // Language identification from scripts and function-word profiles.
        .target(
            name: "SlantLanguage",
            dependencies: ["SlantCore", "SlantICU"],
            resources: [.copy("Resources/profiles"), .copy("Resources/hant-hans.tsv")],
            swiftSettings: upcomingFeatures
        ),
        // Stance lexicons, cue matching with context rules and negation, sentence and document scores.
        .target(
            name: "SlantStance",
            dependencies: ["SlantCore", "SlantLanguage"],
            resources: [.copy("Resources/lexicons")],
            swiftSettings: upcomingFeatures
        ),
        // Extractive summaries: LexRank, TextRank, centroid, position prior, MMR, length control.
        .target(
            name: "SlantSummarization",
            dependencies: ["SlantCore", "SlantICU", "CStemmerShim"],
            resources: [.copy("Resources/stopwords")],
            swiftSettings: upcomingFeatures
        ),
        // Inputs, pipeline files and the ordered parallel runner.
        .target(
            name: "SlantPipeline",
            dependencies: ["SlantCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcomingFeatures
        ),
        // Annotated Markdown, the corpus report and its chart.
        .target(name: "SlantRendering", dependencies: ["SlantCore"], swiftSettings: upcomingFeatures),
        // JSON Lines output.
        .target(name: "SlantOutput", dependencies: ["SlantCore"], swiftSettings: upcomingFeatures),
        // The public library: built-in stages registered in the standard registry, and everything above.
        .target(
            name: "Slant",
            dependencies: [
                "SlantCore", "SlantICU", "SlantSegmentation", "SlantLanguage", "SlantStance", "SlantSummarization", "SlantPipeline",
                "SlantOutput", "SlantRendering",
            ],
            swiftSettings: upcomingFeatures
        ),
        // The command-line tool: the one composition root.
        .executableTarget(
            name: "slant",
            dependencies: ["Slant", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(name: "SlantICUTests", dependencies: ["SlantICU"], swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantCoreTests", dependencies: ["SlantCore"], swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantSegmentationTests", dependencies: ["Slant"], swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantLanguageTests", dependencies: ["Slant"], swiftSettings: upcomingFeatures),
        .testTarget(
            name: "SlantStanceTests", dependencies: ["Slant"], exclude: ["Holdout"], resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantSummarizationTests", dependencies: ["Slant"], swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantRenderingTests", dependencies: ["Slant"], swiftSettings: upcomingFeatures),
        .testTarget(name: "SlantPipelineTests", dependencies: ["Slant"], swiftSettings: upcomingFeatures),
        .testTarget(name: "EndToEndTests", dependencies: ["slant"], swiftSettings: upcomingFeatures),
    ]
)
