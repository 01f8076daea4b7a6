import Foundation
import HeatGridCore
import Testing
@testable import CSVSource

@Suite("Tokenizing: quotes, line ends, BOM, delimiters")
struct TokenizerTests {
    @Test func quotedFieldsWithCommasQuotesAndCRLF() throws {
        let text = "panel,row,column,value\r\n\"Recall, long\",0,0,1\r\n\"say \"\"hi\"\"\",0,0,2\r\n\"Recall, long\",\"0\",\"1\",\"3.5\"\r\n"
        let data = try load(text, spec: DataSpec(path: "x", missing: .bad))
        #expect(data.panels.map(\.title) == ["Recall, long", "say \"hi\""])
        #expect(data.panels[0].matrix.values == [1, 3.5])
        #expect(data.panels[1].matrix.values == [2])
    }

    @Test func quotedFieldsMaySpanLinesAndLineNumbersStayRight() throws {
        let text = "panel,row,column,value\n\"two\nlines\",0,0,1\n\"two\nlines\",0,1,oops\n"
        let failure = try loadFailure(text)
        // The bad value is on the record that starts on line 4 and ends on line 5.
        #expect(failure.line == 5 && failure.column == 12)
        #expect(failure.message.contains("'oops'"))
        let data = try load("panel,row,column,value\n\"two\nlines\",0,0,1\n")
        #expect(data.panels[0].title == "two\nlines")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("panel,row,column,value\nA,0,0,1\n".utf8)
        let data = try load(bytes: bytes)
        #expect(data.panels.map(\.title) == ["A"])
        #expect(data.panels[0].matrix.values == [1])
    }

    @Test func byteOrderMarkDoesNotCountAsAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("row,column,value\n0,0,1\n0,1,2,3\n".utf8)
        do {
            _ = try load(bytes: bytes)
            Issue.record("expected an error")
        } catch let HeatGridError.data(_, line, column, _) {
            #expect(line == 3 && column == 7)
        }
    }

    @Test func lastLineWithoutNewlineAndBlankLinesAreFine() throws {
        let data = try load("\n  \nrow,column,value\n\n0,0,1\n   \n\t\n0,1,2")
        #expect(data.panels[0].matrix.values == [1, 2])
    }

    @Test func blankLinesStillCountForLineNumbers() throws {
        let failure = try loadFailure("row,column,value\n\n0,0,1\n  \r\n0,1,x\n")
        #expect(failure.line == 5 && failure.column == 5)
    }

    @Test func tabDelimitedWhenTheHeaderHasTabsAndNoCommas() throws {
        let data = try load("panel\trow\tcolumn\tvalue\nA, B\t0\t0\t1\nA, B\t0\t1\t2\n", name: "d.tsv")
        #expect(data.panels.map(\.title) == ["A, B"])
        #expect(data.panels[0].matrix.values == [1, 2])
    }

    @Test func commaWinsWhenTheHeaderHasBoth() throws {
        let data = try load("panel,row,column,value\nA\tB,0,0,1\n")
        #expect(data.panels[0].title == "A\tB")
    }

    @Test func oldMacLineEndsWork() throws {
        let data = try load("row,column,value\r0,0,1\r0,1,2\r")
        #expect(data.panels[0].matrix.values == [1, 2])
    }

    @Test func unicodeTextAndColumnsCountCharacters() throws {
        let data = try load("panel,row,column,value\nÄhnlichkeit ✓,0,0,1\n")
        #expect(data.panels[0].title == "Ähnlichkeit ✓")
        let failure = try loadFailure("panel,row,column,value\nÄ✓,0,0,bad\n")
        #expect(failure.line == 2 && failure.column == 8)
    }

    @Test func spacesBeforeAnOpeningQuoteAreAllowed() throws {
        let data = try load("panel, row, column, value\n \"A, B\" , 0, 0, 1\n")
        #expect(data.panels[0].title == "A, B")
        #expect(data.panels[0].matrix.values == [1])
    }
}
