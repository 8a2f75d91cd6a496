import Foundation
import Slant

/// A 64-bit FNV-1a hash, fed piece by piece.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// Adds a string and a zero byte, so that consecutive strings cannot run into each other.
    mutating func add(field: String) {
        add(field.utf8)
        add([0])
    }

    var hex: String { String(value, radix: 16) }
}

/// The hash written into an annotation's front matter (`input-hash`): the document's text and everything that
/// shaped its annotation, so a later run can tell whether anything changed.
enum InputHash {
    static func of(_ text: String, options: String) -> String {
        var hasher = FNV1a()
        // Over the text without copying it into one array first.
        var text = text
        text.withUTF8 { hasher.add($0) }
        hasher.add([0])
        hasher.add(options.utf8)
        return hasher.hex
    }
}

/// Everything besides the text that decides what `annotate` writes for a document. A document is skipped as
/// unchanged only when this is equal too, so another release of slant, changed shipped or user lexicons, another
/// ICU or other options annotate it again. The key is the same for every build of the same sources, so the
/// committed `Annotations/` regenerate byte for byte from any clone.
enum AnnotationKey {
    /// The key for a run: the build, the language given, the output options, and every stage with its options,
    /// where an option naming a readable file (a lexicon) stands for that file's content too.
    static func make(chain: StageChain, language: LanguageTag?, output: [String]) -> String {
        var parts = ["build=\(buildIdentity)", "lang=\(language?.rawValue ?? "auto")"] + output
        for spec in chain.specs {
            parts.append(spec.canonicalDescription)
            for path in spec.options.sorted(by: { $0.key < $1.key }).flatMap({ strings(in: $0.value) }) where isRegularFile(path) {
                if let content = FileManager.default.contents(atPath: path) {
                    var hasher = FNV1a()
                    hasher.add(content)
                    parts.append("\(path)=\(hasher.hex)")
                }
            }
        }
        return parts.joined(separator: ";")
    }

    /// Whether `path` names a regular file: a FIFO or a device (`/dev/stdin`) is not read for the key.
    private static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    /// The string values of an option, in a list or alone.
    private static func strings(in value: OptionValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .list(let values): values.flatMap(strings)
        case .integer, .number, .bool: []
        }
    }

    /// This slant: its release, the content of its shipped resources (lexicons, language profiles,
    /// abbreviation and stop-word lists) and the ICU version in use. Computed once per run.
    static let buildIdentity: String = {
        var hasher = FNV1a()
        hasher.add(field: SlantCommand.version)
        let folders = [Lexicon.resourceFolder, LanguageProfile.resourceFolder, Abbreviations.resourceFolder, StopWords.resourceFolder]
        for folder in folders.compactMap(\.self).map(URL.init(fileURLWithPath:)) {
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() {
                guard let content = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { continue }
                hasher.add(field: "\(folder.lastPathComponent)/\(file)")
                hasher.add(content)
            }
        }
        hasher.add(field: ICU.version)
        return hasher.hex
    }()
}
