/// A step of the pipeline: it reads a ``Document`` and adds or changes annotations.
///
/// A stage is a `Sendable` value (a struct with its configuration), called once per document, possibly on
/// several documents at once from different threads; it keeps no state between documents. It declares
/// the layers it needs and the layers it adds, so a pipeline can refuse an impossible order before reading
/// any input.
///
/// Implementing a stage means writing one type and registering it:
/// ```swift
/// struct DropShortSentences: Stage {
///     static let name = "drop-short"
///     var requires: Set<Layer> { [.sentences] }
///     var provides: Set<Layer> { [] }
///     let minimumBytes: Int
///     func process(_ document: inout Document) throws(StageError) {
///         document.sentences.removeAll { $0.range.length < minimumBytes }
///     }
/// }
/// var registry = StageRegistry.standard
/// registry.register(DropShortSentences.self, summary: "removes sentences under N bytes") { options throws(StageError) in
///     DropShortSentences(minimumBytes: try options.integer("min-bytes", default: 10))
/// }
/// ```
public protocol Stage: Sendable {
    /// The stage's name in `--stages`, pipeline files and messages: lower case, words joined by `-`.
    static var name: String { get }
    /// Layers that must exist before this stage runs.
    var requires: Set<Layer> { get }
    /// Layers this stage adds.
    var provides: Set<Layer> { get }
    /// Annotates one document.
    /// - Throws: ``StageError`` when this document cannot be processed; the pipeline reports it and goes on
    ///   with the next document.
    func process(_ document: inout Document) throws(StageError)
}

extension Stage {
    /// The stage's name, from an instance.
    public var name: String { Self.name }
}

/// Why a stage could not be built or could not process a document. Messages say what to do.
public enum StageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No stage of this name is registered.
    case unknownStage(name: String, known: [String])
    /// The stage does not take an option of this name.
    case unknownOption(stage: String, option: String, known: [String])
    /// An option's value has the wrong type or is out of range.
    case invalidOption(stage: String, option: String, message: String)
    /// The stage needs a layer that no earlier stage provides.
    case missingLayer(stage: String, layer: Layer, providers: [String])
    /// The stage failed on one document.
    case failed(stage: String, document: String, message: String)

    public var description: String {
        switch self {
        case .unknownStage(let name, let known):
            "unknown stage '\(name)'; registered stages: \(known.joined(separator: ", ")) (see `slant stages`)"
        case .unknownOption(let stage, let option, let known):
            "stage '\(stage)' has no option '\(option)'"
                + (known.isEmpty ? "; it takes none" : "; its options: \(known.joined(separator: ", "))")
        case .invalidOption(let stage, let option, let message):
            "stage '\(stage)', option '\(option)': \(message)"
        case .missingLayer(let stage, let layer, let providers):
            "stage '\(stage)' needs '\(layer)', which no earlier stage provides"
                + (providers.isEmpty ? "" : "; put \(providers.map { "'\($0)'" }.joined(separator: " or ")) before it")
        case .failed(let stage, let document, let message):
            "\(document): stage '\(stage)' failed: \(message)"
        }
    }
}
