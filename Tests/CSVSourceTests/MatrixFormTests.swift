import Foundation
import HeatGridCore
import Testing
@testable import CSVSource

@Suite("Headerless numeric grids")
struct MatrixFormTests {
    @Test func csvWithANumericFirstLineIsAGrid() throws {
        let data = try load("1,2,3\n4,5,6\n", name: "gates.csv")
        #expect(data.panels.count == 1 && data.panels[0].title == "gates")
        let matrix = data.panels[0].matrix
        #expect(matrix.rows == 2 && matrix.columns == 3)
        #expect(matrix[0, 2] == 3 && matrix[1, 0] == 4)
        #expect(data.rowName == "row" && data.columnName == "column" && data.valueName == "value")
    }

    @Test func tabSeparatedGridAsNumpyWritesIt() throws {
        let cells = ["4.730224609375000000e-03", "-5.340576171875000000e-04", "8.906250000000000000e-01",
                     "1.102685928344726562e-05", "-1.597404479980468750e-05", "0.000000000000000000e+00"]
        let text = "\(cells[0])\t\(cells[1])\t\(cells[2])\n\(cells[3])\t\(cells[4])\t\(cells[5])\n"
        let data = try load(text, name: "duo.tsv")
        #expect(data.panels[0].matrix.values == cells.map { Double($0)! })
    }

    @Test func spaceSeparatedGrid() throws {
        let data = try load("  1.0 2.0   3.0\n4 5 6  \n", name: "m.txt")
        #expect(data.panels[0].matrix.rows == 2 && data.panels[0].matrix.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func matrixSourceReadsGridsAndClaimsNoExtensions() throws {
        let source = MatrixSource()
        #expect(source.format == "matrix" && source.fileExtensions.isEmpty)
        let data = try load("1,nan\r\n,4\r\n", name: "grid.dat", source: source)
        let values = data.panels[0].matrix.values
        #expect(values[0] == 1 && values[1].isNaN && values[2].isNaN && values[3] == 4)
        #expect(data.panels[0].title == "grid")
    }

    @Test func csvSourceFormatAndExtensions() {
        let source = CSVSource()
        #expect(source.format == "csv" && source.fileExtensions == ["csv", "tsv", "txt"])
    }

    @Test func singleColumnGrid() throws {
        let data = try load("1\n2\n3", name: "c.csv")
        #expect(data.panels[0].matrix.rows == 3 && data.panels[0].matrix.columns == 1)
    }

    @Test func raggedRowTooShort() throws {
        let failure = try loadFailure("1,2,3\n4,5\n")
        #expect(failure.line == 2 && failure.column == 4)
        #expect(failure.message.contains("expected 3 values like line 1, found 2"))
    }

    @Test func raggedRowTooLong() throws {
        let failure = try loadFailure("1,2\n\n3,4,5\n")
        #expect(failure.line == 3 && failure.column == 5)
        #expect(failure.message.contains("expected 2 values like line 1, found 3"))
    }

    @Test func nonNumberInGrid() throws {
        let failure = try loadFailure("1,2\n3,x\n")
        #expect(failure.line == 2 && failure.column == 3)
        #expect(failure.message.contains("expected a number"))
        #expect(failure.message.contains("'x'"))
    }

    @Test func infinityInGrid() throws {
        let failure = try loadFailure("1,inf\n", source: MatrixSource())
        #expect(failure.line == 1 && failure.column == 3)
        #expect(failure.message.contains("finite"))
    }

    @Test func matrixSourceRejectsAHeader() throws {
        let failure = try loadFailure("a,b\n1,2\n", source: MatrixSource())
        #expect(failure.line == 1 && failure.column == 1)
        #expect(failure.message.contains("found 'a'"))
        #expect(failure.message.contains("no header line"))
    }

    @Test func matrixSourceEmptyFile() throws {
        let failure = try loadFailure("\n", source: MatrixSource())
        #expect(failure.line == 1 && failure.column == 1)
        #expect(failure.message.contains("the file is empty"))
    }

    @Test func columnNamesInTheSpecDoNotFitAGrid() throws {
        let failure = try loadFailure("1,2\n3,4\n", spec: DataSpec(path: "x", row: "layer"))
        #expect(failure.line == 1)
        #expect(failure.message.contains("no header line"))
        #expect(failure.message.contains("row ('layer')"))
    }

    @Test func headerWithAnEmptyNameIsNotAGrid() throws {
        // pandas writes ",0,1,2" above an indexed frame: a header, not numbers.
        let failure = try loadFailure(",0,1\n0,1,2\n")
        #expect(failure.line == 1)
        #expect(failure.message.contains("no 'row' column"))
    }
}
