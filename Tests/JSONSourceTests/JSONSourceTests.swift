import Foundation
import HeatGridCore
import Testing
import JSONSource

@Suite("JSON panels")
struct JSONSourceTests {
    @Test func formatAndExtensions() {
        #expect(JSONSource().format == "json" && JSONSource().fileExtensions == ["json"])
    }

    @Test func readsPanelsInOrderWithTheirValuesAndNames() throws {
        let data = try loadJSON("""
            {"rowName": "layer", "columnName": "head", "valueName": "importance",
             "panels": [
               {"title": "Zeta", "values": [[1, 2, 3], [4, 5.5, -6e-3]]},
               {"title": "Alpha", "values": [[7]]}
             ]}
            """)
        #expect(data.panels.map(\.title) == ["Zeta", "Alpha"])
        let zeta = data.panels[0].matrix
        #expect(zeta.rows == 2 && zeta.columns == 3)
        #expect(zeta[0, 2] == 3 && zeta[1, 1] == 5.5 && zeta[1, 2] == -0.006)
        #expect(data.panels[1].matrix.values == [7])
        #expect(data.rowName == "layer" && data.columnName == "head" && data.valueName == "importance")
    }

    @Test func namesDefaultAndTitleIsOptional() throws {
        let data = try loadJSON(#"{"panels": [{"values": [[1, 2]]}], "comment": "ignored"}"#)
        #expect(data.rowName == "row" && data.columnName == "column" && data.valueName == "value")
        #expect(data.panels[0].title == "")
    }

    @Test func nullIsABadCell() throws {
        let data = try loadJSON(#"{"panels": [{"title": "A", "values": [[1, null], [null, 4]]}]}"#)
        let values = data.panels[0].matrix.values
        #expect(values[0] == 1 && values[1].isNaN && values[2].isNaN && values[3] == 4)
    }

    @Test func panelsMayHaveDifferentSizes() throws {
        let data = try loadJSON(#"{"panels": [{"title": "A", "values": [[1, 2]]}, {"title": "B", "values": [[1], [2], [3]]}]}"#)
        #expect(data.panels.map { [$0.matrix.rows, $0.matrix.columns] } == [[1, 2], [3, 1]])
    }

    @Test func byteOrderMarkIsFine() throws {
        let data = try loadJSON(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"panels": [{"title": "A", "values": [[1]]}]}"#.utf8))
        #expect(data.panels[0].title == "A")
    }

    @Test func numbersMatchSwiftsParsing() throws {
        let texts = ["0.1", "4.42e-05", "1.7976931348623157e308", "5e-324", "123456789012345678", "-0.30000000000000004"]
        let data = try loadJSON(#"{"panels": [{"title": "A", "values": [[\#(texts.joined(separator: ","))]]}]}"#)
        #expect(data.panels[0].matrix.values == texts.map { Double($0)! })
    }
}

@Suite("JSON errors")
struct JSONErrorTests {
    @Test func malformedJSONHasLineAndColumn() throws {
        let failure = try jsonFailure("""
            {
              "panels": [
                {"title": "A", "values": [[1, 2],, [3, 4]]}
              ]
            }
            """)
        #expect(failure.line == 3 && failure.column == 38)
        #expect(failure.message.contains("not valid JSON"))
    }

    @Test func malformedJSONAfterMultibyteTextAndABOM() throws {
        let text = "{\"panels\": [{\"title\": \"Ähnlich ✓\",\n \"values\": [[1] x]}]}"
        let failure = try jsonFailure(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(failure.line == 2 && failure.column == 17, "\(failure)")
    }

    @Test func truncatedFilePointsAtItsEnd() throws {
        let failure = try jsonFailure("{\"panels\": [\n  {\"title\": \"A\"\n")
        #expect(failure.line == 2 && failure.column == 16, "\(failure)")
        #expect(failure.message.contains("ends too early"))
    }

    @Test func emptyFile() throws {
        let failure = try jsonFailure("  \n")
        #expect(failure.message.contains("the file is empty"))
    }

    @Test func numberOutOfRangeIsLocated() throws {
        let failure = try jsonFailure("{\"panels\": [{\"title\": \"A\",\n  \"values\": [[1, 1e400]]}]}")
        #expect(failure.line == 2 && failure.column == 18, "\(failure)")
        #expect(failure.message == "panel 'A' row 0, column 1: number 1e400 is out of range for a double; values must be finite numbers")
    }

    @Test func missingPanelsKey() throws {
        let failure = try jsonFailure(#"{"panel": []}"#)
        #expect(failure.line == nil && failure.column == nil)
        #expect(failure.message.contains("missing the \"panels\" key"))
        #expect(failure.message.contains("\"panel\""))
    }

    @Test func topLevelMustBeAnObject() throws {
        let failure = try jsonFailure("[[1, 2]]")
        #expect(failure.message.contains("expected a JSON object at the top level, found an array"))
    }

    @Test func panelsMustNotBeEmpty() throws {
        #expect(try jsonFailure(#"{"panels": []}"#).message.contains("\"panels\" is empty"))
        #expect(try jsonFailure(#"{"panels": {}}"#).message.contains("must be an array"))
        #expect(try jsonFailure(#"{"panels": [{"title": "A", "values": []}]}"#).message
            == "panel 'A' has no values (\"values\" is empty)")
        #expect(try jsonFailure(#"{"panels": [{"title": "A", "values": [[]]}]}"#).message
            == "panel 'A' has no values (row 0 is empty)")
        #expect(try jsonFailure(#"{"panels": [{"title": "A"}]}"#).message.contains("panel 'A' has no \"values\""))
    }

    @Test func raggedRows() throws {
        let full = (0..<32).map(String.init).joined(separator: ",")
        let short = (0..<31).map(String.init).joined(separator: ",")
        let failure = try jsonFailure(#"{"panels": [{"title": "X", "values": [[\#(full)], [\#(full)], [\#(full)], [\#(short)]]}]}"#)
        #expect(failure.message == "panel 'X' row 3 has 31 values, expected 32 like row 0")
    }

    @Test func nonNumberValues() throws {
        let text = try jsonFailure(#"{"panels": [{"title": "X", "values": [[1, 2], [3, "abc"]]}]}"#)
        #expect(text.message == "panel 'X' row 1, column 1: expected a number or null, found a string ('abc')")
        let flag = try jsonFailure(#"{"panels": [{"values": [[true]]}]}"#)
        #expect(flag.message == "panels[0] row 0, column 0: expected a number or null, found true")
        let nested = try jsonFailure(#"{"panels": [{"title": "X", "values": [[[1]]]}]}"#)
        #expect(nested.message.contains("found an array"))
        let row = try jsonFailure(#"{"panels": [{"title": "X", "values": [1, 2]}]}"#)
        #expect(row.message == "panel 'X' row 0 must be an array of numbers, found a number")
    }

    @Test func wrongTypesForNamesAndTitles() throws {
        #expect(try jsonFailure(#"{"panels": [{"title": 3, "values": [[1]]}]}"#).message
            == "panels[0].title must be a string, found a number")
        #expect(try jsonFailure(#"{"rowName": false, "panels": [{"values": [[1]]}]}"#).message
            == "\"rowName\" must be a string, found false")
    }
}

@Suite("The cognitive-heads example (JSON)")
struct JSONExampleTests {
    @Test func loadsEightPanelsAndMatchesTheCSVCopy() throws {
        let jsonURL = packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.json")
        let data = try JSONSource().load(DataRequest(url: jsonURL, displayPath: "cognitive-heads.json",
                                                     spec: DataSpec(path: "cognitive-heads.json")))
        #expect(data.panels.count == 8)
        #expect(data.panels.first?.title == "Knowledge Recall")
        #expect(data.panels.allSatisfy { $0.matrix.rows == 32 && $0.matrix.columns == 32 })
        #expect(data.rowName == "layer" && data.columnName == "head" && data.valueName == "importance")

        // The CSV copy, read plainly here (the CSV plugin is another target): task,layer,head,importance.
        let csv = try String(contentsOf: packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.csv"),
                             encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).dropFirst()
        #expect(lines.count == 8 * 32 * 32)
        var titles: [String] = []
        for line in lines {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false)
            try #require(parts.count == 4)
            let title = String(parts[0])
            if titles.last != title { titles.append(title) }
            let panel = try #require(data.panels.first { $0.title == title })
            let (row, column) = (Int(parts[1])!, Int(parts[2])!)
            #expect(panel.matrix[row, column] == Double(parts[3])!, "\(title) \(row),\(column)")
        }
        #expect(titles == data.panels.map(\.title))
    }
}
