import HeatGridCore
import Testing

/// Decodes the JSON string whose opening quote starts `json`.
private func decode(_ json: [UInt8]) throws(JSONString.Failure) -> (text: String, end: Int, repaired: Bool) {
    try json.withUnsafeBufferPointer { bytes throws(JSONString.Failure) in try JSONString.decode(bytes, from: 1) }
}

private func decode(_ json: String) throws(JSONString.Failure) -> (text: String, end: Int, repaired: Bool) {
    try decode(Array(json.utf8))
}

@Suite("JSON strings from bytes")
struct JSONStringTests {
    @Test func endsAtTheClosingQuote() throws {
        let string = try decode(#""heads", 3"#)
        #expect(string.text == "heads" && string.end == 7 && !string.repaired)
    }

    @Test func decodesEveryEscape() throws {
        #expect(try decode(#""\"\\\/\b\f\n\r\t""#).text == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try decode(#""caf\u00e9 \u00E9""#).text == "café é")
        #expect(try decode(#""\ud83d\ude00""#).text == "😀")
        #expect(try decode("\"é😀\"").text == "é😀")
    }

    /// Text that is not Unicode becomes U+FFFD, and says so.
    @Test(arguments: [#""\ud83d""#, #""\ud83d\u0041""#, #""\ude00""#])
    func repairsSurrogatesWithoutPartners(_ json: String) throws {
        let string = try decode(json)
        #expect(string.text == "\u{FFFD}" && string.repaired, "\(json)")
    }

    @Test func repairsBytesThatAreNotUTF8() throws {
        let string = try decode([UInt8(ascii: "\""), 0x61, 0xFF, UInt8(ascii: "\"")])
        #expect(string.text == "a\u{FFFD}" && string.repaired)
    }

    @Test(arguments: [
        (#""open"#, JSONString.Problem.unterminated, 5), (#""ends in \"#, .unterminated, 10),
        ("\"line\nbreak\"", .controlCharacter, 5), (#""\x""#, .unknownEscape, 2),
        (#""\u12G4""#, .badUnicodeEscape, 5), (#""\u12"#, .badUnicodeEscape, 5),
        (#""\ud83d\u12""#, .badUnicodeEscape, 11),
    ])
    func failsAtTheByteThatIsWrong(_ json: String, _ problem: JSONString.Problem, _ offset: Int) {
        do {
            let string = try decode(json)
            Issue.record("decoded \(string.text) from \(json)")
        } catch {
            #expect(error.problem == problem && error.offset == offset, "\(json)")
        }
    }
}
