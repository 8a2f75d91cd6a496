/// A stage requested by name, with its options: one entry of `--stages` or of a pipeline file.
public struct StageSpec: Sendable, Equatable {
    /// The registered name.
    public var name: String
    /// Options for the stage's factory.
    public var options: [String: OptionValue]

    public init(_ name: String, options: [String: OptionValue] = [:]) {
        self.name = name
        self.options = options
    }

    /// The name and the options sorted by key, e.g. `summarize{prefer="neutral",sentences=3}`: equal for equal
    /// specs, whatever order the options were given in.
    public var canonicalDescription: String {
        name + "{" + options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
    }
}

/// The stages a program knows, by name. A value: copy the standard registry and register more.
public struct StageRegistry: Sendable {
    /// Builds a configured stage from its options.
    public typealias Factory = @Sendable (inout StageOptions) throws(StageError) -> any Stage

    /// What the registry knows of one stage.
    public struct Entry: Sendable {
        /// The stage's name.
        public let name: String
        /// One line on what it does.
        public let summary: String
        /// Builds it.
        let factory: Factory
        /// The stage built with default options (for listing its layers).
        public let example: any Stage
    }

    private var entries: [String: Entry] = [:]
    /// Registration order, which is the order `slant stages` lists them in.
    public private(set) var names: [String] = []

    /// An empty registry.
    public init() {}

    /// Registers a stage type; a later registration of the same name replaces the earlier one.
    /// - Parameters:
    ///   - type: the stage type (its `name` is the registered name).
    ///   - summary: one line on what it does.
    ///   - factory: builds the stage from options; must succeed with no options given.
    public mutating func register<S: Stage>(
        _ type: S.Type,
        summary: String,
        factory: @escaping @Sendable (inout StageOptions) throws(StageError) -> S
    ) {
        var defaults = StageOptions(stage: S.name)
        let example: S
        do {
            example = try factory(&defaults)
        } catch {
            preconditionFailure("stage '\(S.name)' must build with default options: \(error)")
        }
        if entries[S.name] == nil { names.append(S.name) }
        entries[S.name] = Entry(
            name: S.name, summary: summary,
            factory: { (options: inout StageOptions) throws(StageError) -> any Stage in try factory(&options) }, example: example)
    }

    /// The entry for a name, if registered.
    public func entry(named name: String) -> Entry? { entries[name] }

    /// All entries in registration order.
    public var allEntries: [Entry] { names.compactMap { entries[$0] } }

    /// Builds one stage.
    /// - Throws: ``StageError/unknownStage(name:known:)``, ``StageError/unknownOption(stage:option:known:)`` or
    ///   the factory's own ``StageError/invalidOption(stage:option:message:)``.
    public func makeStage(_ spec: StageSpec) throws(StageError) -> any Stage {
        guard let entry = entries[spec.name] else { throw .unknownStage(name: spec.name, known: names) }
        var options = StageOptions(stage: spec.name, values: spec.options)
        let stage = try entry.factory(&options)
        if let unread = options.unreadKeys.first {
            throw .unknownOption(stage: spec.name, option: unread, known: options.knownKeys)
        }
        return stage
    }

    /// Builds a chain of stages and checks its order: each stage's required layers must be provided by an
    /// earlier stage or be present on input (`initialLayers`).
    public func makeChain(_ specs: [StageSpec], initialLayers: Set<Layer> = []) throws(StageError) -> StageChain {
        var stages: [any Stage] = []
        for spec in specs { stages.append(try makeStage(spec)) }
        var available = initialLayers
        for stage in stages {
            for layer in stage.requires.sorted() where !available.contains(layer) {
                let providers = allEntries.filter { $0.example.provides.contains(layer) }.map(\.name)
                throw .missingLayer(stage: stage.name, layer: layer, providers: providers)
            }
            available.formUnion(stage.provides)
        }
        return StageChain(stages: stages, specs: specs)
    }
}

/// An ordered, validated list of stages, applied to one document at a time.
public struct StageChain: Sendable {
    /// The stages in order.
    public let stages: [any Stage]
    /// What the stages were built from, when the chain came from a registry (empty otherwise).
    public let specs: [StageSpec]

    public init(stages: [any Stage], specs: [StageSpec] = []) {
        self.stages = stages
        self.specs = specs
    }

    /// The stage names in order.
    public var names: [String] { stages.map(\.name) }

    /// Runs every stage on `document` in order, recording the layers each provides.
    public func process(_ document: inout Document) throws(StageError) {
        for stage in stages {
            try stage.process(&document)
            document.layers.formUnion(stage.provides)
        }
    }
}
