import Foundation
import Testing

@Suite struct StanceCommandTests {
    @Test func scoresTheCorpusInEveryLanguage() throws {
        let result = try SlantProcess.run(["score", "Corpus"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = result.records
        #expect(records.count >= 12)
        for record in records {
            let id = record["id"] as? String ?? "?"
            let profile = try #require(record["profile"] as? [String: Any], "\(id) has no profile")
            let counts = try #require(profile["counts"] as? [String: Int])
            #expect(Set(counts.keys) == ["hedge", "booster", "attitude", "attribution", "self_mention", "engagement"])
            #expect(counts.values.reduce(0, +) >= 5, "\(id): only \(counts) markers")
            #expect((profile["words"] as? Int ?? 0) > 100)
            let certainty = try #require(profile["certainty"] as? Double)
            #expect((-1...1).contains(certainty))
            let bytes = Array(try Data(contentsOf: SlantProcess.packageRoot.appendingPathComponent("Corpus/\(id)")))
            for sentence in try #require(record["sentences"] as? [[String: Any]]) {
                let start = try #require(sentence["start"] as? Int)
                let end = try #require(sentence["end"] as? Int)
                #expect(sentence["scores"] is [String: Any])
                for marker in try #require(sentence["markers"] as? [[String: Any]]) {
                    let markerStart = try #require(marker["start"] as? Int)
                    let markerEnd = try #require(marker["end"] as? Int)
                    #expect(start <= markerStart && markerEnd <= end)
                    #expect(String(decoding: bytes[markerStart..<markerEnd], as: UTF8.self) == marker["text"] as? String)
                    for field in ["category", "entry", "language"] { #expect(marker[field] is String, "\(field) missing") }
                    #expect(marker["weight"] is Double || marker["weight"] is Int)
                    #expect(marker["modifiers"] is [Any])
                }
            }
        }
    }

    @Test func scoringIsByteIdenticalWhateverTheJobs() throws {
        let serial = try SlantProcess.run(["score", "--jobs", "1", "Corpus"])
        let parallel = try SlantProcess.run(["score", "--jobs", "3", "Corpus"])
        #expect(!serial.stdout.isEmpty)
        #expect(serial.stdout == parallel.stdout)
    }

    @Test func scoresAStreamOfJSONLines() throws {
        let input = """
            {"id":"en","text":"It is not clear that this works. Obviously, critics say it is a disaster."}
            {"id":"zh","text":"据报道，这个计划显然可能失败。说实话，我认为它很糟糕。"}
            {"id":"broken"

            """
        let result = try SlantProcess.run(["score", "--input", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        let records = result.records
        #expect(records.count == 3)
        let english = try #require(records.first)
        let categories = (english["sentences"] as? [[String: Any]] ?? []).flatMap { ($0["markers"] as? [[String: Any]]) ?? [] }
            .compactMap { $0["category"] as? String }
        #expect(categories.contains("hedge"))
        #expect(categories.contains("booster"))
        #expect(categories.contains("attribution"))
        #expect(categories.contains("attitude"))
        #expect((records[1]["language"] as? String) == "zh-Hans")
        #expect(((records[1]["profile"] as? [String: Any])?["counts"] as? [String: Int])?["hedge"] ?? 0 >= 1)
        #expect(records[2]["error"] != nil)
    }

    @Test func explainShowsTheArithmetic() throws {
        let result = try SlantProcess.run(["explain", "--lang", "en"], stdin: Data("Perhaps it works. In fact it clearly does.".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("hedge        \"Perhaps\""))
        #expect(result.stdout.contains("certainty = (boosters − hedges) / (boosters + hedges)"))
        #expect(result.stdout.contains("document profile"))
        // The document's subjectivity is taken against its two sentences.
        let profile = try #require(result.stdout.components(separatedBy: "document profile").last)
        #expect(profile.contains("subjectivity = x / (x + 1), x = subjective weight / sentence units = ("))
        #expect(profile.contains(") / 2.000 = "))
        let scored = try SlantProcess.run(["score", "--lang", "en"], stdin: Data("Perhaps it works. In fact it clearly does.".utf8))
        #expect(((scored.records.first?["profile"] as? [String: Any])?["sentence_units"] as? NSNumber)?.doubleValue == 2)
    }

    @Test func lexiconListsAndUserFilesOverride() throws {
        let listed = try SlantProcess.run(["lexicon", "--lang", "zh", "--category", "hedge"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("zh\thedge\t可能\t"))
        #expect(!listed.stdout.contains("\tbooster\t"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let custom = directory.appendingPathComponent("en.tsv")
        try Data("hedge\tmaybe\t0\nattitude\tboondoggle\t1.5\n".utf8).write(to: custom)
        let scored = try SlantProcess.run(
            ["score", "--lang", "en", "--lexicon", custom.path], stdin: Data("Maybe it is a boondoggle.".utf8))
        #expect(scored.status == 0)
        #expect(scored.stdout.contains("\"entry\":\"boondoggle\""))
        #expect(!scored.stdout.contains("\"entry\":\"maybe\""))
        try Data("hedge\tmaybe\n".utf8).write(to: custom)
        let broken = try SlantProcess.run(["score", "--lang", "en", "--lexicon", custom.path], stdin: Data("x".utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("en.tsv:1: expected category<TAB>cue<TAB>weight"))
    }
}
