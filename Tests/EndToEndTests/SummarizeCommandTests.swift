import Foundation
import Testing

@Suite struct SummarizeCommandTests {
    @Test func summarizesTheCorpusInEveryLanguage() throws {
        let result = try SlantProcess.run(["summarize", "--sentences", "2", "Corpus"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.records.count >= 12)
        for record in result.records {
            let id = record["id"] as? String ?? "?"
            let summary = try #require(record["summary"] as? [[String: Any]], "\(id)")
            #expect(summary.count == 2, "\(id)")
            let indices = summary.compactMap { $0["index"] as? Int }
            #expect(indices == indices.sorted())
            #expect(Set(summary.compactMap { $0["rank"] as? Int }) == [1, 2])
            for sentence in summary {
                #expect(sentence["text"] is String && sentence["start"] is Int && sentence["end"] is Int && sentence["stance"] is [Any])
            }
        }
    }

    @Test func textOutputAndBudgets() throws {
        let text = "The bridge will close in June. Repairs cost four million dollars. Shops fear lost trade. The council meets again soon."
        let result = try SlantProcess.run(["summarize", "--format", "text", "--words", "12", "--lang", "en"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let words = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        #expect(words > 0 && words <= 12)
        let both = try SlantProcess.run(["summarize", "--words", "5", "--sentences", "2"], stdin: Data(text.utf8))
        #expect(both.status == 64)
    }

    @Test func rougeOfSummariesAgainstReferences() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gold = directory.appendingPathComponent("gold.jsonl")
        let system = directory.appendingPathComponent("system.jsonl")
        try Data("{\"id\":\"a\",\"reference\":\"The cat sat on the mat.\"}\n{\"id\":\"b\",\"reference\":\"我们去北京\"}\n".utf8).write(to: gold)
        try Data("{\"id\":\"a\",\"summary\":[{\"text\":\"the cat on the mat\"}]}\n".utf8).write(to: system)
        let result = try SlantProcess.run(["eval", "rouge", gold.path, system.path])
        #expect(result.status == 0)
        // a: R1 = 10/11, R2 = 2/3, RL = 10/11; b has no summary and scores 0; the mean is halved.
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ROUGE R1=45.45 R2=33.33 RL=45.45 n=2")
        #expect(result.stderr.contains("1 gold document(s) have no summary"))
    }
}
