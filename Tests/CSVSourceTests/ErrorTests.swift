import Foundation
import HeatGridCore
import Testing
@testable import CSVSource

@Suite("Long-form errors: line, column and message")
struct ErrorTests {
    @Test func emptyFile() throws {
        for text in ["", "\n\n", "  \r\n\t\n"] {
            let failure = try loadFailure(text)
            #expect(failure.line == 1 && failure.column == 1)
            #expect(failure.message == "the file is empty; expected a header line")
        }
    }

    @Test func headerOnly() throws {
        let failure = try loadFailure("row,column,value\n")
        #expect(failure.line == 2 && failure.column == 1)
        #expect(failure.message == "no data rows after the header")
    }

    @Test func tooManyFields() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n0,1,2,9\n")
        #expect(failure.line == 3 && failure.column == 7)
        #expect(failure.message == "expected 3 fields like the header, found 4")
    }

    @Test func tooFewFields() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n0,1\n")
        #expect(failure.line == 3 && failure.column == 4)
        #expect(failure.message == "expected 3 fields like the header, found 2")
    }

    @Test func nonNumericValue() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n0,1,abc\n")
        #expect(failure.line == 3 && failure.column == 5)
        #expect(failure.message.contains("expected a number in column 'value'"))
        #expect(failure.message.contains("found 'abc'"))
    }

    @Test func infiniteValuesAreRejected() throws {
        for word in ["inf", "-Infinity", "1e400"] {
            let failure = try loadFailure("row,column,value\n0,0,\(word)\n")
            #expect(failure.line == 2 && failure.column == 5)
            #expect(failure.message.contains("must be finite"))
            #expect(failure.message.contains("'\(word)'"))
        }
    }

    /// A key that is not a whole number of at least 0 makes its column one of names (see
    /// NamedKeyTests); in a column of indices that leaves gaps, and the message says why.
    @Test func aStrayNameInAColumnOfIndicesIsExplainedByTheGapError() throws {
        for text in ["-1", "1.5", "x", "nan", "1e999"] {
            let failure = try loadFailure("row,column,value\n0,0,1\n0,1,1\n\(text),0,1\n")
            #expect(failure.line == nil && failure.column == nil)
            #expect(failure.message.hasPrefix("the data has no value for row '\(text)' and column 1 (1 cells missing); column 'row' holds names, not indices, because line 4, column 1 gives '\(text)'"),
                    "\(failure.message)")
        }
    }

    @Test func emptyKeysAreErrors() throws {
        let empty = try loadFailure("row,column,value\n0,0,1\n,0,1\n")
        #expect(empty.line == 3 && empty.column == 1)
        #expect(empty.message == "expected a row index (0, 1, 2, ...) or a row name in column 'row', found an empty field")
        // In a column of names too, and quoted or blank.
        let spec = DataSpec(path: "x", row: "model", column: "task", value: "score")
        let named = try loadFailure("model,task,score\na,t,1\n\"\",t,2\n", spec: spec)
        #expect(named.line == 3 && named.column == 1 && named.message.contains("a row name in column 'model', found an empty field"))
        let blank = try loadFailure("model,task,score\na,t,1\na,  ,2\n", spec: spec)
        #expect(blank.line == 3 && blank.column == 3)
        #expect(blank.message == "expected a column index (0, 1, 2, ...) or a column name in column 'task', found an empty field")
    }

    @Test func duplicateCell() throws {
        let failure = try loadFailure("panel,row,column,value\nA,0,0,1\nA,0,1,2\nB,0,0,5\nA,0,0,3\n")
        #expect(failure.line == 5 && failure.column == 3)
        #expect(failure.message == "duplicate cell (panel 'A', row 0, column 0); first given on line 2")
    }

    @Test func duplicateCellWithoutPanels() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n\n1,2,3\n1,2,4\n", spec: DataSpec(path: "x", missing: .bad))
        #expect(failure.line == 5 && failure.column == 1)
        #expect(failure.message == "duplicate cell (row 1, column 2); first given on line 4")
    }

    @Test func missingCellsAreAnErrorByDefault() throws {
        let failure = try loadFailure("panel,row,column,value\nA,0,0,1\nA,1,1,2\nB,0,0,1\n")
        #expect(failure.line == nil && failure.column == nil)
        #expect(failure.message == "panel 'A' has no value for row 0, column 1 (2 cells missing); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
    }

    @Test func specColumnNotInHeader() throws {
        let spec = DataSpec(path: "x", row: "layer", column: "head", value: "score")
        let failure = try loadFailure("layer,head,importance\n0,0,1\n", spec: spec)
        #expect(failure.line == 1 && failure.column == 1)
        #expect(failure.message.contains("data.value names column 'score'"))
        #expect(failure.message.contains("'layer', 'head', 'importance'"))
    }

    @Test func defaultColumnNotInHeader() throws {
        let failure = try loadFailure("layer,head,importance\n0,0,1\n")
        #expect(failure.line == 1 && failure.column == 1)
        #expect(failure.message.contains("no 'row' column in the header"))
        #expect(failure.message.contains("'layer', 'head', 'importance'"))
    }

    @Test func namedPanelColumnMustExist() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n", spec: DataSpec(path: "x", panel: "task"))
        #expect(failure.line == 1)
        #expect(failure.message.contains("data.panel names column 'task'"))
    }

    @Test func repeatedHeaderName() throws {
        let failure = try loadFailure("row,column,value,row\n0,0,1,1\n")
        #expect(failure.line == 1)
        #expect(failure.message.contains("'row' 2 times"))
    }

    @Test func unterminatedQuoteAtLineStart() throws {
        let failure = try loadFailure("panel,row,column,value\nA,0,0,1\n\"B,0,0,2\nB,0,1,3\n")
        #expect(failure.line == 3 && failure.column == 1)
        #expect(failure.message.contains("unterminated quoted field"))
    }

    @Test func unterminatedQuoteMidLine() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n0,1,\"2")
        #expect(failure.line == 3 && failure.column == 5)
        #expect(failure.message.contains("unterminated"))
    }

    @Test func textAfterAClosingQuote() throws {
        let failure = try loadFailure("panel,row,column,value\n\"A\"x,0,0,1\n")
        #expect(failure.line == 2 && failure.column == 4)
        #expect(failure.message.contains("after a closing quote"))
    }

    @Test func panelTooLargeIsRefusedBeforeAllocating() throws {
        let failure = try loadFailure("row,column,value\n0,0,1\n100000,100000,2\n")
        #expect(failure.line == 3 && failure.column == 1)
        #expect(failure.message.contains("100001 x 100001"))
        #expect(failure.message.contains("limit of 100000000"))
        let columns = try loadFailure("row,column,value\n0,0,1\n0,100000000,2\n")
        #expect(columns.line == 3 && columns.column == 3)
        #expect(columns.message.contains("1 x 100000001 cells, more than the limit"))
    }

    @Test func tooManyPanels() throws {
        var text = "panel,row,column,value\n"
        for k in 0...10_000 { text += "P\(k),0,0,1\n" }
        let failure = try loadFailure(text)
        #expect(failure.line == 10_002 && failure.column == 1)
        #expect(failure.message.contains("too many panels"))
    }

    @Test func unreadableFilesAreIOErrors() throws {
        let scratch = try Scratch()
        for (url, reason) in [(scratch.directory, "is a directory, expected a data file"),
                              (scratch.directory.appendingPathComponent("missing.csv"), "no such file")] {
            do {
                _ = try CSVSource().load(DataRequest(url: url, displayPath: "given/path", spec: DataSpec(path: "x")))
                Issue.record("expected an error")
            } catch let HeatGridError.io(path, message) {
                #expect(path == "given/path" && message == reason)
            }
        }
    }

    @Test func descriptionReadsLikeADiagnostic() throws {
        do {
            _ = try load("row,column,value\n0,0,x\n", name: "d.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("fixtures/d.csv:2:5: expected a number"))
        }
    }
}
