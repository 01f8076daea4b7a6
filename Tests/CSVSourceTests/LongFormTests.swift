import Foundation
import HeatGridCore
import Testing
@testable import CSVSource
import TestSupport

@Suite("Long-form CSV")
struct LongFormTests {
    @Test func readsPanelsRowsColumnsAndValues() throws {
        let data = try load("""
            panel,row,column,value
            A,0,0,1
            A,0,1,2
            A,0,2,3
            A,1,0,4
            A,1,1,5
            A,1,2,6
            B,0,0,7

            """)
        #expect(data.panels.map(\.title) == ["A", "B"])
        let a = data.panels[0].matrix
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a[0, 0] == 1 && a[0, 2] == 3 && a[1, 0] == 4 && a[1, 2] == 6)
        let b = data.panels[1].matrix
        #expect(b.rows == 1 && b.columns == 1 && b[0, 0] == 7)
        #expect(data.rowName == "row" && data.columnName == "column" && data.valueName == "value")
    }

    @Test func usesTheSpecsColumnNamesInAnyOrder() throws {
        let spec = DataSpec(path: "x.csv", panel: "task", row: "layer", column: "head", value: "importance")
        let data = try load("""
            importance,head,extra,task,layer
            0.5,1,x,Recall,0
            0.25,0,y,Recall,0
            """, spec: spec)
        #expect(data.rowName == "layer" && data.columnName == "head" && data.valueName == "importance")
        #expect(data.panels.count == 1 && data.panels[0].title == "Recall")
        #expect(data.panels[0].matrix.values == [0.25, 0.5])
    }

    @Test func withoutAPanelColumnThereIsOnePanelNamedAfterTheFile() throws {
        let data = try load("row,column,value\n0,0,1\n0,1,2\n", name: "attention-gates.csv")
        #expect(data.panels.count == 1)
        #expect(data.panels[0].title == "attention-gates")
        #expect(data.panels[0].matrix.values == [1, 2])
    }

    @Test func panelsKeepTheOrderOfFirstAppearanceAndTheirOwnSizes() throws {
        let data = try load("""
            panel,row,column,value
            Zeta,0,0,1
            Alpha,0,0,2
            Zeta,0,1,3
            Mid,2,3,4
            Alpha,1,0,5
            """, spec: DataSpec(path: "x", missing: .bad))
        #expect(data.panels.map(\.title) == ["Zeta", "Alpha", "Mid"])
        #expect(data.panels.map { [$0.matrix.rows, $0.matrix.columns] } == [[1, 2], [2, 1], [3, 4]])
        #expect(data.panels[1].matrix[1, 0] == 5)
        #expect(data.panels[2].matrix[2, 3] == 4)
        #expect(data.panels[2].matrix[0, 0].isNaN)
    }

    @Test func cellsMayComeInAnyOrder() throws {
        var generator = SplitMix64(state: 7)
        var cells: [(Int, Int)] = []
        for r in 0..<9 { for c in 0..<13 { cells.append((r, c)) } }
        cells.shuffle(using: &generator)
        var text = "row,column,value\n"
        for (r, c) in cells { text += "\(r),\(c),\(r * 100 + c)\n" }
        let matrix = try load(text).panels[0].matrix
        #expect(matrix.rows == 9 && matrix.columns == 13)
        for r in 0..<9 { for c in 0..<13 { #expect(matrix[r, c] == Double(r * 100 + c)) } }
    }

    @Test func columnMajorOrderGrowsColumnsLast() throws {
        var text = "row,column,value\n"
        for c in 0..<40 { for r in 0..<33 { text += "\(r),\(c),\(r * 1000 + c)\n" } }
        let matrix = try load(text).panels[0].matrix
        #expect(matrix.rows == 33 && matrix.columns == 40)
        #expect(matrix[32, 39] == 32039 && matrix[5, 17] == 5017 && matrix[0, 39] == 39)
    }

    @Test func indicesMayBeWrittenAsWholeDecimalsWithSpaces() throws {
        let data = try load("row,column,value\n0.0,0,1\n 1 ,1.0,2\n1,0e0,3\n0,1,4\n")
        #expect(data.panels[0].matrix.values == [1, 4, 3, 2])
    }

    @Test func valuesInScientificNotationAndOtherForms() throws {
        let data = try load("row,column,value\n0,0,1.5e-3\n0,1,2E+2\n0,2,-4.25e1\n0,3,.5\n0,4,+3\n0,5,-0.0\n0,6,7.\n")
        let values = data.panels[0].matrix.values
        #expect(values[0] == 0.0015 && values[1] == 200 && values[2] == -42.5)
        #expect(values[3] == 0.5 && values[4] == 3 && values[5] == 0 && values[5].sign == .minus && values[6] == 7)
    }

    @Test func nanAndEmptyValuesAreBadCells() throws {
        let data = try load("row,column,value\n0,0,nan\n0,1,NaN\n0,2,\n0,3,  \n0,4,1\n")
        let values = data.panels[0].matrix.values
        #expect(values[0].isNaN && values[1].isNaN && values[2].isNaN && values[3].isNaN)
        #expect(values[4] == 1)
    }

    @Test func missingCellsWithBadPolicyStayNaN() throws {
        let data = try load("row,column,value\n0,0,1\n1,1,4\n", spec: DataSpec(path: "x", missing: .bad))
        let matrix = data.panels[0].matrix
        #expect(matrix.rows == 2 && matrix.columns == 2)
        #expect(matrix[0, 0] == 1 && matrix[1, 1] == 4)
        #expect(matrix[0, 1].isNaN && matrix[1, 0].isNaN)
    }

    @Test func panelColumnIsUsedByDefaultOnlyWhenPresent() throws {
        let data = try load("panel,row,column,value\nP,0,0,1\nQ,0,0,2\n")
        #expect(data.panels.map(\.title) == ["P", "Q"])
    }

    @Test func headerNamesAreTrimmedAndMayBeQuoted() throws {
        let data = try load("\"row\", column ,\"value\"\n0,0,9\n")
        #expect(data.panels[0].matrix.values == [9])
        #expect(data.columnName == "column")
    }
}
