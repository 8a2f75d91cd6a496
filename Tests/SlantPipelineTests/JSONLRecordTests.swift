import Foundation
import Testing

@testable import SlantPipeline

/// The flat reader of JSON Lines records must read what it accepts exactly as JSONSerialization does, and
/// leave everything else to it.
@Suite struct JSONLRecordTests {
    /// The fields JSONSerialization reads from `line`, or nil when it reads no object.
    private func foundation(_ line: String) -> JSONLRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return JSONLRecord(object)
    }

    private func flat(_ line: String) -> JSONLRecord? {
        Array(line.utf8).withUnsafeBufferPointer(JSONLRecord.parseFlat)
    }

    @Test(arguments: [
        #"{"id": "a", "text": "Perhaps it works.", "lang": "en"}"#,
        #"{"id":"compact","text":"据报道，这可能是真的。","lang":"zh-Hans","format":"markdown"}"#,
        #"  { "id" : 7 , "text" : "Spaces and an integer id." }  "#,
        #"{"id": -12, "text": "A negative id."}"#,
        #"{"id": 123456789012345678, "text": "An 18-digit id."}"#,
        #"{"id": 0, "text": "Zero."}"#,
        #"{"id": null, "text": "A null id.", "lang": null}"#,
        #"{"text": "No id."}"#,
        #"{"id": "e", "text": "Tab\there \"quoted\" \\ \/ \u00e9\u4e2d \ud83d\ude00 \u0000 end\n\r\b\f"}"#,
        #"{"id": "x", "text": "Other fields.", "n": -5, "m": 0, "s": "str", "z": null, "big": 123456789012345678}"#,
        #"{"id": "l", "text": "Lang empty.", "lang": ""}"#,
        #"{}"#,
    ])
    func readsFlatRecordsAsJSONSerializationDoes(_ line: String) throws {
        let expected = try #require(foundation(line))
        #expect(flat(line) == expected)
    }

    @Test(arguments: [
        #"{"id": 1.5, "text": "A fractional id: JSONSerialization's number decides its text."}"#,
        #"{"id": 1e3, "text": "An exponent id."}"#,
        #"{"id": -0, "text": "Minus zero."}"#,
        #"{"id": 12345678901234567890, "text": "Beyond 18 digits."}"#,
        #"{"id": true, "text": "A boolean id."}"#,
        #"{"id": "n", "text": "Nested.", "meta": {"a": [1, 2]}}"#,
        #"{"id": "b", "text": "A boolean elsewhere.", "flag": false}"#,
        #"{"id": "x", "text": "Fractions and exponents elsewhere.", "n": -0.5e-3, "E": 2E+8}"#,
        #"{"id": "x", "text": "A number JSONSerialization refuses.", "n": 1e999999}"#,
        #"{"id": "x", "text": "A long integer elsewhere.", "n": 123456789012345678901234567890}"#,
        #"{"id": "d", "text": "one", "text": "two"}"#,
        #"{"id": "k", "te\u0078t": "An escaped key."}"#,
        #"{"id": "f", "text": "A number format.", "format": 3}"#,
        #"{"id": "t", "text": 42}"#,
        #"{"id": "trailing", "text": "x",}"#,
        "\u{FEFF}{\"id\": \"bom\", \"text\": \"A byte order mark.\"}",
        // Malformed: JSONSerialization reports these.
        #"{"id": "s", "text": "A lone \ud800 surrogate"}"#,
        #"{"id": "s", "text": "A lone \udc00 low surrogate"}"#,
        #"{"id": "e", "text": "A bad \x escape"}"#,
        "{\"id\": \"c\", \"text\": \"A raw\ttab\"}",
        #"{"id": "z", "text": "x", "n": 01}"#,
        #"{"id": "z", "text": "x", "n": 1.}"#,
        #"{"id": "z", "text": "x"} trailing"#,
        #"{"id": "z" "text": "x"}"#,
        #"{"id": "u", "text": "unterminated"#,
        #"[1, 2]"#,
        "",
    ])
    func leavesEverythingElseToJSONSerialization(_ line: String) {
        #expect(flat(line) == nil)
    }

    @Test func plainIntegers() {
        #expect(["0", "7", "-12", "123456789012345678"].allSatisfy(JSONLRecord.isPlainInteger))
        #expect(!["-0", "01", "1.5", "1e3", "", "-", "1234567890123456789", "１２"].contains(where: JSONLRecord.isPlainInteger))
    }
}
