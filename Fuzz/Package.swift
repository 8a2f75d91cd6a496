// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for Slant. Kept out of the main package so `swift test` never builds them; built and run
/// by `Scripts/fuzz.sh`, which adds the address sanitizer and coverage flags and links libFuzzer.
/// Each target's file defines `<module>_main` itself (SwiftPM's name for an executable's entry), so no
/// top-level code may generate one.
let entryPoint: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "SlantFuzz",
    dependencies: [.package(name: "Slant", path: "..")],
    targets: [
        // CommonMark's reference parser (Debian: libcmark-dev), the independent judge of "no raw HTML".
        .target(name: "CCmarkShim", linkerSettings: [.linkedLibrary("cmark")]),
        // The libFuzzer driver hook and the property checks every target runs.
        .target(name: "FuzzSupport", dependencies: [.product(name: "Slant", package: "Slant"), "CCmarkShim"]),
        .executableTarget(name: "fuzz-pipeline", dependencies: ["FuzzSupport"], swiftSettings: entryPoint),
        .executableTarget(name: "fuzz-jsonl", dependencies: ["FuzzSupport"], swiftSettings: entryPoint),
        .executableTarget(name: "fuzz-lexicon", dependencies: ["FuzzSupport"], swiftSettings: entryPoint),
    ]
)
