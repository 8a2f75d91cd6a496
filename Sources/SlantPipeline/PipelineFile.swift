import Foundation
public import SlantCore
import Yams

/// A pipeline written as YAML: the stages in order, each a name or a name with options.
///
/// ```yaml
/// stages:
///   - normalize
///   - language:
///       fallback: en
///   - segment: {mode: rules, markdown: auto}
/// ```
public enum PipelineFile {
    /// Why a pipeline file could not be read.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, message: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the pipeline file: \(reason)"
            case .invalid(let path, let message): "\(path): \(message)"
            }
        }
    }

    /// Reads the stage list from a YAML file.
    public static func load(path: String) throws(Failure) -> [StageSpec] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: FileInputs.reason(error))
        }
        return try parse(text, path: path)
    }

    /// Parses the stage list from YAML text.
    public static func parse(_ text: String, path: String = "pipeline") throws(Failure) -> [StageSpec] {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw .invalid(path: path, message: "not valid YAML: \(error)")
        }
        guard let document = root as? [String: Any], let stages = document["stages"] as? [Any] else {
            throw .invalid(path: path, message: "expected a top-level 'stages:' list")
        }
        if let extra = document.keys.filter({ $0 != "stages" }).sorted().first {
            throw .invalid(path: path, message: "unknown top-level key '\(extra)' (only 'stages' is read)")
        }
        var specs: [StageSpec] = []
        for (index, entry) in stages.enumerated() {
            let position = "stage \(index + 1)"
            if let name = entry as? String {
                specs.append(StageSpec(name))
            } else if let map = entry as? [String: Any], map.count == 1, let (name, rawOptions) = map.first {
                var options: [String: OptionValue] = [:]
                if let dictionary = rawOptions as? [String: Any] {
                    for (key, value) in dictionary {
                        guard let converted = optionValue(value) else {
                            throw .invalid(
                                path: path, message: "\(position) ('\(name)'): option '\(key)' must be a string, number, boolean or list")
                        }
                        options[key] = converted
                    }
                } else if !(rawOptions is NSNull) {
                    throw .invalid(path: path, message: "\(position) ('\(name)'): options must be a mapping of option: value")
                }
                specs.append(StageSpec(name, options: options))
            } else {
                throw .invalid(path: path, message: "\(position): expected a stage name or 'name: {options}'")
            }
        }
        return specs
    }

    private static func optionValue(_ value: Any) -> OptionValue? {
        switch value {
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(number)
        case let number as Double: return .number(number)
        case let text as String: return .string(text)
        case let list as [Any]:
            let items = list.compactMap(optionValue)
            return items.count == list.count ? .list(items) : nil
        default: return nil
        }
    }
}
