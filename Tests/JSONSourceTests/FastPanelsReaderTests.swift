import Foundation
import HeatGridCore
import Testing
import TestSupport
@testable import JSONSource

/// The one-pass reader must mean exactly what the general `JSONDecoder` walk means, and leave
/// to it everything it does not read.
@Suite("JSON fast path")
struct FastPanelsReaderTests {
    /// Both readers on `text`; the fast one must not decline.
    func bothReaders(_ text: String) throws -> (fast: Dataset, general: Dataset) {
        let bytes = Array(text.utf8)
        let fast = try #require(bytes.withUnsafeBytes { FastPanelsReader.read($0) }, "the fast reader declined")
        let general = try JSONDecoder().decode(JSONDocument.self, from: Data(bytes)).dataset
        return (fast, general)
    }

    func expectSame(_ a: Dataset, _ b: Dataset) {
        #expect(a.panels.map(\.title) == b.panels.map(\.title))
        #expect([a.rowName, a.columnName, a.valueName] == [b.rowName, b.columnName, b.valueName])
        for (p, q) in zip(a.panels, b.panels) {
            #expect(p.matrix.rows == q.matrix.rows && p.matrix.columns == q.matrix.columns)
            #expect(p.rowLabels == q.rowLabels && p.columnLabels == q.columnLabels)
            let differing = zip(p.matrix.values, q.matrix.values).filter { $0.bitPattern != $1.bitPattern && !($0.isNaN && $1.isNaN) }
            #expect(differing.isEmpty, "\(differing.prefix(5))")
        }
    }

    /// Random doubles in every spelling JSON allows (short and long, exponents, leading zeros
    /// after the point, more than 19 digits, integers past 2^53, null), parsed bit for bit alike.
    @Test func numbersAgreeBitForBit() throws {
        var generator = SplitMix64(seed: 11)
        var rows: [String] = []
        for _ in 0..<40 {
            var cells: [String] = []
            for _ in 0..<50 {
                let magnitude = pow(10, Double.random(in: -30...30, using: &generator)) * (Bool.random(using: &generator) ? -1 : 1)
                switch Int.random(in: 0..<8, using: &generator) {
                case 0: cells.append(String(format: "%.17g", magnitude))
                case 1: cells.append(String(format: "%.7g", magnitude))
                case 2: cells.append(String(format: "%.3e", magnitude))
                case 3: cells.append(String(format: "%.25f", magnitude / 1e20))
                case 4: cells.append(String(UInt64.random(in: 0...UInt64.max, using: &generator)))
                case 5: cells.append("0.000" + String(Int.random(in: 1...999_999, using: &generator)) + "E+" + String(Int.random(in: 0...40, using: &generator)))
                case 6: cells.append("null")
                default: cells.append("\(magnitude)")
                }
            }
            rows.append("[" + cells.joined(separator: ", ") + "]")
        }
        let (fast, general) = try bothReaders(#"{"panels": [{"title": "R", "values": [\#(rows.joined(separator: ",\n"))]}]}"#)
        expectSame(fast, general)
        #expect(fast.panels[0].matrix.values.count == 40 * 50)
    }

    /// Escaped titles and names, unknown keys holding every kind of value, whitespace anywhere.
    @Test func stringsAndIgnoredKeysAgree() throws {
        let text = #"""
             {"comment": {"nested": [1, true, false, null, "x", {"deep": [[[]]]}]},
              "rowName" : "la\"yer\\", "columnName": null, "valueName": "\u00c4hnlich \ud83d\ude00 \/ \t",
              "panels" :[ {"values": [ [ 1 , -0 ] , [ null,2E-3 ] ], "extra": 3.5e1, "title": "A\nB"},
                          {"title": null, "values": [[0.5]]} ] }
            """#
        let (fast, general) = try bothReaders(text)
        expectSame(fast, general)
        #expect(fast.panels.map(\.title) == ["A\nB", ""])
        #expect(fast.valueName == "Ähnlich 😀 / \t" && fast.rowName == "la\"yer\\" && fast.columnName == "column")
    }

    /// What the fast reader declines, the general one reads or reports (with line and column).
    @Test func unusualFilesAreLeftToTheGeneralReader() {
        for text in [#"{"panels": [{"values": [[1, 2], [3]]}]}"#,        // ragged: an error, phrased there
                     #"{"panels": [{"values": [[1e400]]}]}"#,            // out of range
                     #"{"panels": [{"values": [[01]]}]}"#,               // not JSON's number grammar
                     #"{"panels": [], "panels": [{"values": [[1]]}]}"#,  // a key given twice
                     #"{"panels": [{"values": [[1]]}]} x"#,              // trailing text
                     "[1, 2]", ""] {
            #expect(Array(text.utf8).withUnsafeBytes { FastPanelsReader.read($0) } == nil, "\(text)")
        }
    }

    /// Mangled documents: whatever the fast reader accepts, the general reader reads to the same
    /// dataset (a byte deleted, duplicated, or a number's character replaced, in a valid document).
    @Test func whatTheFastReaderAcceptsTheGeneralReaderReadsAlike() {
        let valid = Array(#"{"rowName": "L", "panels": [{"title": "A\u00e9", "values": [[1, 2.5e-3, null], [-4, 0.125, 6E2]], "rowLabels": ["r0", "r1"]}, {"values": [[7]], "columnLabels": ["only"], "rowLabels": null}], "x": [true, {"y": null}], "columnLabels": ["c0", "c\u00e9", "c2"]}"#.utf8)
        #expect(valid.withUnsafeBytes { FastPanelsReader.read($0) } != nil, "the unmangled document")
        var generator = SplitMix64(seed: 12)
        var accepted = 0
        let numberish = Array("0123456789eE.-+ ".utf8)
        for _ in 0..<5000 {
            // One change: mostly to a number (where the readers' grammars could differ), else anywhere.
            var bytes = valid
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(bytes[at], at: at)
            default:
                let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
                bytes[digits.randomElement(using: &generator)!] = numberish.randomElement(using: &generator)!
            }
            guard let fast = bytes.withUnsafeBytes({ FastPanelsReader.read($0) }) else { continue }
            accepted += 1
            guard let general = try? JSONDecoder().decode(JSONDocument.self, from: Data(bytes)).dataset else {
                Issue.record("the fast reader accepted what the general one rejects: \(String(decoding: bytes, as: UTF8.self))")
                continue
            }
            expectSame(fast, general)
        }
        #expect(accepted > 500, "too few mangled documents were still readable to compare (\(accepted))")
    }
}
