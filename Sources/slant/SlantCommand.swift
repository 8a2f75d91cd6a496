import ArgumentParser
import Slant

/// The `slant` command: a multilingual summarization and bias-annotation pipeline.
@main
struct SlantCommand: AsyncParsableCommand {
    /// The release, printed by `--version` and part of the key that decides whether an annotation is current.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "slant",
        abstract: "Segment, identify and annotate how multilingual texts argue.",
        discussion: """
            Slant reads text in many languages, from files, directory trees (.txt, .md, .markdown) or standard \
            input, and runs it through a pipeline of stages: normalize, language, segment, stance, summarize. \
            It marks how a text argues (hedges, boosters, attitude, attribution, self-mention, engagement), \
            scores each sentence and document, summarizes, and writes annotated Markdown. Every offset it \
            prints is a UTF-8 byte offset into the document text, end exclusive.

            INPUT
              PATH...            files and directories (recursive, sorted); '-' or nothing reads stdin
              --input jsonl      one {"id","text","lang"?} object per line, processed as a stream

            EXIT STATUS
              0   every input was processed
              1   some inputs failed (unreadable, binary, malformed line); the others were processed
              2   the pipeline could not be built (unknown stage or option, bad pipeline file)
              64  the command line was wrong
              74  output could not be written

            EXAMPLES
              slant annotate Corpus                 (writes Annotations/ beside Corpus)
              slant summarize --sentences 2 Corpus/en
              slant segment Corpus
              slant score Corpus/en
              echo 'It may, perhaps, be true.' | slant explain
              slant lexicon --lang zh --category hedge
              echo '{"id":"a","text":"Hello world. Bye."}' | slant segment --input jsonl -
              slant segment --stages normalize,segment --lang de notes.txt
              slant stages
            """,
        version: version,
        subcommands: [
            AnnotateCommand.self, ReportCommand.self, SegmentCommand.self, ScoreCommand.self, SummarizeCommand.self, ExplainCommand.self,
            LexiconCommand.self,
            EvalCommand.self,
            StagesCommand.self,
        ]
    )
}
