import Foundation
import HeatGridCore
import Testing
@testable import JSONSource

/// `rowLabels` and `columnLabels`: at the top level for every panel, in a panel object for that
/// panel; both readers agree, and a wrong count names the key and both counts.
@Suite("JSON labels")
struct JSONLabelTests {
    /// The dataset `text` holds, checking that the fast reader reads it (and as the general one does).
    func bothReaders(_ text: String) throws -> Dataset {
        let bytes = Array(text.utf8)
        let fast = try #require(bytes.withUnsafeBytes { FastPanelsReader.read($0) }, "the fast reader declined")
        let general = try JSONDecoder().decode(JSONDocument.self, from: Data(bytes)).dataset
        #expect(fast == general)
        #expect(try loadJSON(text) == fast)
        return fast
    }

    @Test func topLevelLabelsNameEveryPanelAndAPanelsOwnWin() throws {
        let data = try bothReaders("""
            {"rowName": "model", "columnName": "benchmark",
             "rowLabels": ["llama-3-8b", "mistral-7b"], "columnLabels": ["gsm8k", "mmlu", "arc"],
             "panels": [
               {"title": "seed 1", "values": [[1, 2, 3], [4, 5, 6]]},
               {"title": "seed 2", "values": [[1, 2], [3, 4]], "columnLabels": ["gsm8k", "mmlu"]},
               {"title": "seed 3", "values": [[1, 2, 3]], "rowLabels": ["qwen2-7b"], "columnLabels": null}
             ]}
            """)
        #expect(data.panels.map(\.rowLabels) == [["llama-3-8b", "mistral-7b"], ["llama-3-8b", "mistral-7b"], ["qwen2-7b"]])
        #expect(data.panels.map(\.columnLabels) == [["gsm8k", "mmlu", "arc"], ["gsm8k", "mmlu"], ["gsm8k", "mmlu", "arc"]])
        #expect(data.hasLabels)
    }

    @Test func withoutLabelsThereAreNone() throws {
        let data = try bothReaders(#"{"panels": [{"values": [[1, 2]]}], "rowLabels": null}"#)
        #expect(data.panels[0].rowLabels == nil && data.panels[0].columnLabels == nil && !data.hasLabels)
    }

    @Test func labelsAreStringsAsWritten() throws {
        let data = try bothReaders(#"{"panels": [{"values": [[1, 2]], "columnLabels": [" a, b ", "\u00e9\n\"q\""], "rowLabels": [""]}]}"#)
        #expect(data.panels[0].columnLabels == [" a, b ", "é\n\"q\""])
        #expect(data.panels[0].rowLabels == [""])
    }

    @Test func aWrongCountNamesTheKeyAndBothCounts() throws {
        let top = try jsonFailure(#"{"rowLabels": ["a", "b", "c"], "panels": [{"title": "A", "values": [[1], [2], [3]]}, {"title": "B", "values": [[1], [2]]}]}"#)
        #expect(top.message == "\"rowLabels\" has 3 labels, but panel 'B' has 2 rows; give one label per row")
        let own = try jsonFailure(#"{"panels": [{"values": [[1, 2]], "columnLabels": ["x"]}]}"#)
        #expect(own.message == "panels[0] \"columnLabels\" has 1 label, but the panel has 2 columns; give one label per column")
        let titled = try jsonFailure(#"{"panels": [{"title": "T", "values": [[1, 2]], "rowLabels": []}]}"#)
        #expect(titled.message == "panel 'T' \"rowLabels\" has 0 labels, but the panel has 1 rows; give one label per row")
    }

    @Test func labelsMustBeArraysOfStrings() throws {
        let notArray = try jsonFailure(#"{"columnLabels": "abc", "panels": [{"values": [[1]]}]}"#)
        #expect(notArray.message == "\"columnLabels\" must be an array of strings (one label per column), found a string ('abc')")
        let number = try jsonFailure(#"{"panels": [{"title": "A", "values": [[1, 2]], "columnLabels": ["x", 2]}]}"#)
        #expect(number.message == "panel 'A' \"columnLabels\"[1] must be a string, found a number")
    }
}
