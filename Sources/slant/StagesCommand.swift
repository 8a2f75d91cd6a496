import ArgumentParser
import Slant

/// `slant stages`: the registered stages.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the registered pipeline stages with the layers they need and add."
    )

    func run() {
        for entry in StageRegistry.standard.allEntries {
            let requires = entry.example.requires.sorted().map(\.name).joined(separator: ", ")
            let provides = entry.example.provides.sorted().map(\.name).joined(separator: ", ")
            print(entry.name)
            print("  \(entry.summary)")
            print("  requires: \(requires.isEmpty ? "-" : requires)")
            print("  provides: \(provides.isEmpty ? "-" : provides)")
        }
    }
}
