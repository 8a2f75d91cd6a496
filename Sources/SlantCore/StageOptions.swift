/// A configuration value for a stage, as written in a pipeline file or on the command line.
public enum OptionValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case list([OptionValue])

    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Parses a command-line value: `true`/`false`, integers, decimals, `a,b,c` lists, else a string.
    public init(parsing text: String) {
        if text == "true" {
            self = .bool(true)
        } else if text == "false" {
            self = .bool(false)
        } else if let integer = Int(text) {
            self = .integer(integer)
        } else if let number = Double(text), text.contains(".") {
            self = .number(number)
        } else if text.contains(",") {
            self = .list(text.split(separator: ",").map { OptionValue(parsing: String($0)) })
        } else {
            self = .string(text)
        }
    }
}

/// The options given to one stage, read by the stage's factory through typed accessors.
///
/// Every accessor records the key it read; after the factory returns, the registry rejects any option that
/// was given but never read, so a misspelt option is an error, not silently ignored.
public struct StageOptions: Sendable {
    /// The stage these options are for (for messages).
    public let stage: String
    /// The options as given.
    public let values: [String: OptionValue]
    private(set) var readKeys: Set<String> = []

    public init(stage: String, values: [String: OptionValue] = [:]) {
        self.stage = stage
        self.values = values
    }

    /// Keys that were given but not read by the factory.
    var unreadKeys: [String] { values.keys.filter { !readKeys.contains($0) }.sorted() }
    /// Keys the factory read, given or not (its known options).
    var knownKeys: [String] { readKeys.sorted() }

    private mutating func value(_ key: String) -> OptionValue? {
        readKeys.insert(key)
        return values[key]
    }

    private func invalid(_ key: String, _ expected: String, _ value: OptionValue) -> StageError {
        .invalidOption(stage: stage, option: key, message: "expected \(expected), got \(value)")
    }

    /// A string option.
    public mutating func string(_ key: String, default fallback: String) throws(StageError) -> String {
        switch value(key) {
        case nil: return fallback
        case .string(let text)?: return text
        case .integer(let number)?: return String(number)
        case let other?: throw invalid(key, "a string", other)
        }
    }

    /// A string option restricted to `choices`.
    public mutating func choice(_ key: String, _ choices: [String], default fallback: String) throws(StageError) -> String {
        let text = try string(key, default: fallback)
        guard choices.contains(text) else {
            throw .invalidOption(stage: stage, option: key, message: "'\(text)' is not one of \(choices.joined(separator: ", "))")
        }
        return text
    }

    /// A whole-number option, optionally bounded.
    public mutating func integer(_ key: String, default fallback: Int, in bounds: ClosedRange<Int>? = nil) throws(StageError) -> Int {
        let result: Int
        switch value(key) {
        case nil: return fallback
        case .integer(let number)?: result = number
        case let other?: throw invalid(key, "a whole number", other)
        }
        if let bounds, !bounds.contains(result) {
            throw .invalidOption(stage: stage, option: key, message: "\(result) is outside \(bounds.lowerBound)...\(bounds.upperBound)")
        }
        return result
    }

    /// A decimal option, optionally bounded.
    public mutating func number(_ key: String, default fallback: Double, in bounds: ClosedRange<Double>? = nil) throws(StageError) -> Double
    {
        let result: Double
        switch value(key) {
        case nil: return fallback
        case .integer(let number)?: result = Double(number)
        case .number(let number)?: result = number
        case let other?: throw invalid(key, "a number", other)
        }
        if let bounds, !bounds.contains(result) {
            throw .invalidOption(stage: stage, option: key, message: "\(result) is outside \(bounds.lowerBound)...\(bounds.upperBound)")
        }
        return result
    }

    /// A true/false option.
    public mutating func bool(_ key: String, default fallback: Bool) throws(StageError) -> Bool {
        switch value(key) {
        case nil: return fallback
        case .bool(let flag)?: return flag
        case let other?: throw invalid(key, "true or false", other)
        }
    }

    /// A list of strings (a single string is a list of one).
    public mutating func strings(_ key: String, default fallback: [String]) throws(StageError) -> [String] {
        switch value(key) {
        case nil: return fallback
        case .string(let text)?: return [text]
        case .list(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw invalid(key, "a list of strings", item) }
                result.append(text)
            }
            return result
        case let other?: throw invalid(key, "a list of strings", other)
        }
    }
}
