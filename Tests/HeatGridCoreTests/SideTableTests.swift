import Testing
import HeatGridCore
import TestSupport

/// Side files (splits, tracks) are split by the same tokenizer as data CSVs: quoting, trimming,
/// line numbers and error positions as there.
@Suite struct SideTableTests {
    func read(_ text: String, name: String = "groups.csv") throws -> SideTable {
        let scratch = try Scratch(prefix: "SideTableTests")
        return try SideTable.read(try scratch.write(Array(text.utf8), name: name), displayPath: name, specKey: "rows.split")
    }

    /// The data error reading `text` throws: its line, column and message.
    func failure(_ text: String) throws -> (line: Int?, column: Int?, message: String) {
        do {
            _ = try read(text)
        } catch let HeatGridError.data(file, line, column, message) {
            #expect(file == "groups.csv")
            return (line, column, message)
        }
        Issue.record("expected a data error")
        return (nil, nil, "")
    }

    @Test func quotedFieldsTrimmingAndLineNumbers() throws {
        let table = try read("key,group\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n\n  c , d \r\n\"two\nlines\", \" e \"\n")
        #expect(table.header == ["key", "group"])
        #expect(table.records.map(\.line) == [2, 4, 5])
        #expect(table.records.map(\.fields) == [["a, b", "say \"hi\""], ["c", "d"], ["two\nlines", " e "]])
    }

    @Test func tabSeparatedForTSVFiles() throws {
        let table = try read("key\tgroup\na, b\tx\n", name: "groups.tsv")
        #expect(table.records.map(\.fields) == [["a, b", "x"]])
    }

    @Test func errorsNameTheLineAndColumn() throws {
        let open = try failure("key,group\na,\"b\n")
        #expect(open.line == 2 && open.column == 3 && open.message.contains("unterminated quoted field"))
        let after = try failure("key,group\n\"a\"b,c\n")
        #expect(after.line == 2 && after.column == 4 && after.message.contains("after a closing quote"))
        let short = try failure("key,group\n\nx\n")
        #expect(short.line == 3 && short.message == "1 field, but the header names 2")
    }
}
