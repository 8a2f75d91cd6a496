@_exported public import SlantCore
@_exported public import SlantICU
@_exported public import SlantLanguage
@_exported public import SlantOutput
@_exported public import SlantPipeline
@_exported public import SlantRendering
@_exported public import SlantSegmentation
@_exported public import SlantStance
@_exported public import SlantSummarization

extension StageRegistry {
    /// Every stage that ships with Slant, in the order they usually run.
    public static let standard: StageRegistry = {
        var registry = StageRegistry()
        registry.register(NormalizeStage.self, summary: "Unicode NFC normalization of the text (before any offsets exist)") {
            _ throws(StageError) in
            NormalizeStage()
        }
        registry.register(
            LanguageStage.self, summary: "language identification (script, then function-word profiles); keeps a given language"
        ) {
            options throws(StageError) in try LanguageStage(options: &options)
        }
        registry.register(
            SegmentStage.self, summary: "Markdown zones, sentences (ICU + rules) and word tokens (ICU dictionaries for CJK/Thai)"
        ) {
            options throws(StageError) in try SegmentStage(options: &options)
        }
        registry.register(
            StanceStage.self, summary: "stance markers (hedge, booster, attitude, attribution, self_mention, engagement) and scores"
        ) {
            options throws(StageError) in try StanceStage(options: &options)
        }
        registry.register(
            SummarizeStage.self, summary: "extractive summary: TextRank, LexRank or centroid, position prior, MMR, length budget"
        ) {
            options throws(StageError) in try SummarizeStage(options: &options)
        }
        return registry
    }()

    /// The stages `slant segment` runs by default.
    public static let segmentDefaults = ["normalize", "language", "segment"]
    /// The stages `slant summarize` runs by default.
    public static let summarizeDefaults = ["normalize", "language", "segment", "stance", "summarize"]
    /// The stages `slant score` runs by default.
    public static let scoreDefaults = ["normalize", "language", "segment", "stance"]
}
