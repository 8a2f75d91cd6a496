extension Document {
    /// Checks the structural promises every stage keeps, and returns each one broken (empty when all hold):
    ///
    /// - every zone, sentence and token range lies inside the text and on Unicode scalar boundaries;
    /// - zones, sentences and tokens are each sorted and disjoint;
    /// - no sentence is empty or (unless `trimmedSentences` is false, as in raw ICU mode) starts or ends
    ///   with whitespace, and each lies inside its zone's content;
    /// - no sentence overlaps a code zone;
    /// - each sentence's token range points at tokens that lie wholly inside the sentence;
    /// - every marker lies inside the sentence it names, markers are sorted by start, and sentence scores (when
    ///   present) are one per sentence.
    ///
    /// Tests run it on every output; fuzzers run it on every input.
    public func invariantViolations(trimmedSentences: Bool = true) -> [String] {
        var problems: [String] = []
        let utf8 = Array(text.utf8)
        func onBoundary(_ offset: Int) -> Bool { offset == utf8.count || (offset < utf8.count && utf8[offset] & 0xC0 != 0x80) }
        func check(_ name: String, _ ranges: [TextRange]) {
            var previousEnd = 0
            for (index, range) in ranges.enumerated() {
                if range.start < 0 || range.end > utf8.count {
                    problems.append("\(name)[\(index)] \(range) lies outside the text (\(utf8.count) bytes)")
                    continue
                }
                if !onBoundary(range.start) || !onBoundary(range.end) {
                    problems.append("\(name)[\(index)] \(range) splits a UTF-8 sequence")
                }
                if range.start < previousEnd { problems.append("\(name)[\(index)] \(range) overlaps or precedes the one before") }
                previousEnd = range.end
            }
        }
        check("zone", zones.map(\.range))
        check("sentence", sentences.map(\.range))
        check("token", tokens.map(\.range))
        if !problems.isEmpty { return problems }
        for (index, sentence) in sentences.enumerated() {
            let slice = self.slice(sentence.range)
            if slice.isEmpty { problems.append("sentence[\(index)] is empty") }
            if trimmedSentences, slice.first?.isWhitespace == true || slice.last?.isWhitespace == true {
                problems.append("sentence[\(index)] \(sentence.range) starts or ends with whitespace")
            }
            if zones.indices.contains(sentence.zone) {
                let zone = zones[sentence.zone]
                if !zone.content.covers(sentence.range) {
                    problems.append("sentence[\(index)] \(sentence.range) is outside its zone's content \(zone.content)")
                }
            } else if !zones.isEmpty {
                problems.append("sentence[\(index)] names zone \(sentence.zone), which does not exist")
            }
            for zone in zones where zone.kind == .code && zone.range.overlaps(sentence.range) {
                problems.append("sentence[\(index)] \(sentence.range) overlaps a code block \(zone.range)")
            }
            if !sentence.tokens.isEmpty {
                if sentence.tokens.lowerBound < 0 || sentence.tokens.upperBound > tokens.count {
                    problems.append("sentence[\(index)] token range \(sentence.tokens) is outside the \(tokens.count) tokens")
                } else {
                    for tokenIndex in sentence.tokens where !sentence.range.covers(tokens[tokenIndex].range) {
                        problems.append("sentence[\(index)] claims token \(tokenIndex) \(tokens[tokenIndex].range), which lies outside it")
                    }
                }
            }
        }
        var previousStart = 0
        for (index, marker) in markers.enumerated() {
            if marker.range.start < previousStart { problems.append("marker[\(index)] \(marker.range) is out of order") }
            previousStart = marker.range.start
            if !sentences.indices.contains(marker.sentence) {
                problems.append("marker[\(index)] names sentence \(marker.sentence), which does not exist")
            } else if !sentences[marker.sentence].range.covers(marker.range) {
                problems.append("marker[\(index)] \(marker.range) lies outside sentence \(marker.sentence)")
            }
            if !onBoundary(marker.range.start) || !onBoundary(marker.range.end) || marker.range.end > utf8.count {
                problems.append("marker[\(index)] \(marker.range) is not on scalar boundaries inside the text")
            }
        }
        if !sentenceScores.isEmpty, sentenceScores.count != sentences.count {
            problems.append("\(sentenceScores.count) sentence scores for \(sentences.count) sentences")
        }
        for (index, token) in tokens.enumerated() where token.kind != .space && slice(token.range).allSatisfy(\.isWhitespace) {
            problems.append("token[\(index)] \(token.range) is whitespace")
        }
        return problems
    }
}
