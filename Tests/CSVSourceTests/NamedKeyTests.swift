import Foundation
import HeatGridCore
import Testing
@testable import CSVSource
import TestSupport

/// Row and column keys that are names: a key column whose every value is a whole number of at
/// least 0 holds indices (no labels, as before names were possible); any other holds names,
/// which become the rows (columns) in order of first appearance across the whole file.
@Suite("Long-form named keys")
struct NamedKeyTests {
    static let spec = DataSpec(path: "x.csv", panel: "run", row: "model", column: "benchmark", value: "score")

    @Test func modelsByBenchmarksInOrderOfFirstAppearanceSharedByThePanels() throws {
        // The second panel gives its cells in another order, and starts with the second model:
        // rows and columns still line up with the first panel's.
        let data = try load("""
            run,model,benchmark,score
            seed 1,llama-3-8b,gsm8k,0.50
            seed 1,mistral-7b,gsm8k,0.40
            seed 1,llama-3-8b,mmlu,0.60
            seed 1,mistral-7b,mmlu,0.55
            seed 2,mistral-7b,mmlu,0.52
            seed 2,mistral-7b,gsm8k,0.42
            seed 2,llama-3-8b,mmlu,0.61
            seed 2,llama-3-8b,gsm8k,0.51

            """, spec: Self.spec)
        #expect(data.rowName == "model" && data.columnName == "benchmark" && data.valueName == "score")
        #expect(data.panels.map(\.title) == ["seed 1", "seed 2"])
        #expect(data.hasLabels)
        for panel in data.panels {
            #expect(panel.rowLabels == ["llama-3-8b", "mistral-7b"])
            #expect(panel.columnLabels == ["gsm8k", "mmlu"])
            #expect(panel.matrix.rows == 2 && panel.matrix.columns == 2)
        }
        #expect(data.panels[0].matrix.values == [0.50, 0.60, 0.40, 0.55])
        #expect(data.panels[1].matrix.values == [0.51, 0.61, 0.42, 0.52])
        #expect(data.panels[1].rowLabel(1) == "mistral-7b" && data.panels[1].columnLabel(0) == "gsm8k")
    }

    @Test func aNameOnlyOnePanelGivesIsARowOfEveryPanel() throws {
        let text = """
            run,model,benchmark,score
            a,m1,b1,1
            a,m1,b2,2
            b,m2,b1,3
            b,m1,b1,4
            b,m2,b2,5
            b,m1,b2,6

            """
        let data = try load(text, spec: { var spec = Self.spec; spec.missing = .bad; return spec }())
        #expect(data.panels.map(\.rowLabels) == [["m1", "m2"], ["m1", "m2"]])
        let a = data.panels[0].matrix
        #expect(a.rows == 2 && a.columns == 2 && a[0, 0] == 1 && a[0, 1] == 2 && a[1, 0].isNaN && a[1, 1].isNaN)
        #expect(data.panels[1].matrix.values == [4, 6, 3, 5])
        // Gaps are errors by default, named by their keys.
        let failure = try loadFailure(text, spec: Self.spec)
        #expect(failure.line == nil && failure.column == nil)
        #expect(failure.message == "panel 'a' has no value for model 'm2' and benchmark 'b1' (2 cells missing); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
    }

    @Test func namesAreKeptAsWrittenTrimmedLikeOtherFields() throws {
        let spec = DataSpec(path: "x.csv", row: "model", column: "benchmark", value: "score", missing: .bad)
        let data = try load("model,benchmark,score\n llama ,\"a, b\",1\n\"llama\",x,2\n\" llama \",x,3\nZé ✓,x,4\n", spec: spec)
        #expect(data.panels.count == 1 && data.panels[0].title == "data")
        #expect(data.panels[0].rowLabels == ["llama", " llama ", "Zé ✓"])
        #expect(data.panels[0].columnLabels == ["a, b", "x"])
        let matrix = data.panels[0].matrix
        #expect(matrix[0, 0] == 1 && matrix[0, 1] == 2 && matrix[1, 1] == 3 && matrix[2, 1] == 4)
    }

    @Test func aColumnOfIndicesAndNamesHoldsNames() throws {
        // Every value of the row column is a name, "0" and "1" too; the column keys stay indices.
        let data = try load("row,column,value\n0,0,1\n1,0,2\nx,0,3\n0,1,4\n1,1,5\nx,1,6\n")
        #expect(data.panels[0].rowLabels == ["0", "1", "x"])
        #expect(data.panels[0].columnLabels == nil)
        #expect(data.panels[0].matrix.values == [1, 4, 2, 5, 3, 6])
        // A name first, indices after; "3.0" and "3" are then two names.
        let first = try load("row,column,value\nx,0,1\n3,0,2\n3.0,0,3\n")
        #expect(first.panels[0].rowLabels == ["x", "3", "3.0"])
        #expect(first.panels[0].matrix.values == [1, 2, 3])
    }

    @Test func wholeNumbersOnlyAreIndicesAsBefore() throws {
        let data = try load("panel,row,column,value\nA,0,0,1\nA,0.0,1,2\nA,1,1e0,3\nA,\"1\",0,4\nB,0,0,5\n")
        #expect(!data.hasLabels)
        #expect(data.panels.map(\.rowLabels) == [nil, nil] && data.panels.map(\.columnLabels) == [nil, nil])
        #expect(data.panels[0].matrix.values == [1, 2, 4, 3])
        // Each panel is sized by its own indices.
        #expect(data.panels[1].matrix.rows == 1 && data.panels[1].matrix.columns == 1)
        #expect(data.panels[0].rowLabel(1) == "1" && data.panels[0].columnLabel(0) == "0")
    }

    @Test func namedColumnsAndIndexedRows() throws {
        let data = try load("panel,layer,task,score\nA,0,recall,1\nA,1,recall,2\nB,0,math,3\nB,0,recall,4\n",
                            spec: DataSpec(path: "x", row: "layer", column: "task", value: "score", missing: .bad))
        #expect(data.panels.map(\.rowLabels) == [nil, nil])
        #expect(data.panels.map(\.columnLabels) == [["recall", "math"], ["recall", "math"]])
        #expect(data.panels[0].matrix.rows == 2 && data.panels[0].matrix.columns == 2)
        #expect(data.panels[1].matrix.rows == 1 && data.panels[1].matrix.values == [4, 3])
    }

    /// A name far into a file of indices (past lines the fast path read) makes the whole
    /// column names, read again from the top; the fast path and the tokenizer agree.
    @Test func aLateNameRereadsTheColumnAsNames() throws {
        var text = "panel,row,column,value\n"
        for row in 0..<40 { for column in 0..<25 { text += "P,\(row),\(column),\(row * 100 + column)\n" } }
        for column in 0..<25 { text += "P,late,\(column),-\(column)\n" }
        let data = try load(text, name: "late.csv")
        #expect(data.panels[0].rowLabels == (0..<40).map(String.init) + ["late"])
        #expect(data.panels[0].columnLabels == nil)
        let matrix = data.panels[0].matrix
        #expect(matrix.rows == 41 && matrix.columns == 25 && matrix[39, 24] == 3924 && matrix[40, 3] == -3)

        let scratch = try Scratch()
        let request = DataRequest(url: try scratch.write(Array(text.utf8), name: "late.csv"), displayPath: "late.csv",
                                  spec: DataSpec(path: "late.csv"))
        #expect(try TableLoader.load(request, matrixOnly: false, fastPath: false) == data)
    }

    /// Errors only indices can cause (a duplicate, a panel too big) are void when a name
    /// further on makes the column one of names.
    @Test func errorsOfIndicesWaitForALaterName() throws {
        // "0" and "0.0" are the same index, but two names.
        let duplicate = try load("row,column,value\n0,0,1\n0.0,0,2\nx,0,3\n")
        #expect(duplicate.panels[0].rowLabels == ["0", "0.0", "x"])
        // An index past the limit, and one past what so small a file has lines for.
        for big in ["1000000000", "12345678"] {
            let data = try load("row,column,value\n0,0,1\n\(big),0,2\nx,0,3\n")
            #expect(data.panels[0].rowLabels == ["0", big, "x"])
        }
        // Without the name they stay errors.
        #expect(try loadFailure("row,column,value\n0,0,1\n0.0,0,2\n").message == "duplicate cell (row 0, column 0); first given on line 2")
        #expect(try loadFailure("row,column,value\n0,0,1\n1000000000,0,2\n").message.contains("row index '1000000000' is too large"))
        #expect(try loadFailure("row,column,value\n0,0,1\n12345678,0,2\n").message.contains("more than this file has lines for"))
    }

    @Test func duplicateNamedCellNamesItsKeysAndFirstLine() throws {
        let failure = try loadFailure("""
            run,model,benchmark,score
            a,m1,b1,1
            a,m2,b1,2
            b,m1,b1,3
            a, m2 ,b1,4
            """, spec: Self.spec)
        #expect(failure.line == 5 && failure.column == 3)
        #expect(failure.message == "duplicate cell (panel 'a', model 'm2', benchmark 'b1'); first given on line 3")
    }

    @Test func namedPanelsTooLargeForTheFile() throws {
        // Line by line, a panel claiming more cells than the file has lines for fails there.
        var diagonal = "model,task,score\n"
        for k in 0..<10 { diagonal += "m\(k),t\(k),1\n" }
        let spec = DataSpec(path: "x", row: "model", column: "task", value: "score")
        let failure = try loadFailure(diagonal, spec: spec)
        #expect(failure.line == 7 && failure.column == 1)
        #expect(failure.message.hasPrefix("model 'm5', task 't5' would make the panel 6 x 6 cells, more than this file has lines for"))
        // A panel that never names the last names is sized by them at the end.
        var text = "p,m,t,s\n"
        for k in 0..<6 { text += "A,r\(k),c0,1\n" }
        for k in 0..<6 { text += "B,r0,c\(k),1\n" }
        let spread = try loadFailure(text, spec: DataSpec(path: "x", panel: "p", row: "m", column: "t", value: "s"))
        #expect(spread.line == nil)
        #expect(spread.message.hasPrefix("panel 'A' would be 6 x 6 cells (6 names in column 'm', 6 names in column 't'), more than this file has lines for, so cells would be missing; give every cell"))
        let bad = try load(text, spec: DataSpec(path: "x", panel: "p", row: "m", column: "t", value: "s", missing: .bad))
        #expect(bad.panels.map { [$0.matrix.rows, $0.matrix.columns] } == [[6, 6], [6, 6]])
        #expect(bad.panels[0].matrix[5, 0] == 1 && bad.panels[0].matrix[5, 1].isNaN && bad.panels[1].matrix[0, 5] == 1)
    }

    /// Random files of names, in cycles (the usual long form), shuffled, or with names that
    /// are prefixes of each other, quoted or padded: labels in order of first appearance, and
    /// every value under its names.
    @Test(arguments: 0..<30)
    func randomNamedFiles(seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed) &* 31 &+ 5)
        let pool = ["a", "ab", "abc", "b", "llama-3-8b", "llama-3-8b-instruct", "Zé ✓", "x y", "0", "10", "1.5", "-1", "nan"]
        var rows = Array(pool.shuffled(using: &generator).prefix(Int.random(in: 1...8, using: &generator)))
        if rows.allSatisfy({ Int($0).map { $0 >= 0 } ?? false }) { rows.append("z") }  // names, not indices
        let columns = Array(pool.shuffled(using: &generator).prefix(Int.random(in: 2...8, using: &generator)))
            .map { $0 + "c" }  // never all whole numbers
        let panels = ["P", "Q", "R"].prefix(Int.random(in: 1...3, using: &generator))
        var cells: [(panel: String, row: String, column: String)] = []
        for panel in panels { for row in rows { for column in columns { cells.append((panel, row, column)) } } }
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: break
        case 1: cells.sort { ($0.column, $0.row) < ($1.column, $1.row) }
        default: cells.shuffle(using: &generator)
        }
        var text = "panel,model,task,score\n"
        var expected: [String: Double] = [:]
        for (k, cell) in cells.enumerated() {
            func written(_ name: String) -> String {
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: return "\"\(name)\""
                case 1: return " \(name) "
                default: return name
                }
            }
            text += "\(cell.panel),\(written(cell.row)),\(written(cell.column)),\(k)\n"
            expected["\(cell.panel)|\(cell.row)|\(cell.column)"] = Double(k)
        }
        var rowOrder: [String] = [], columnOrder: [String] = []
        for cell in cells {
            if !rowOrder.contains(cell.row) { rowOrder.append(cell.row) }
            if !columnOrder.contains(cell.column) { columnOrder.append(cell.column) }
        }
        let data = try load(text, spec: DataSpec(path: "x", row: "model", column: "task", value: "score"))
        for panel in data.panels {
            #expect(panel.rowLabels == rowOrder, "\(text)")
            #expect(panel.columnLabels == columnOrder, "\(text)")
            for r in 0..<panel.matrix.rows {
                for c in 0..<panel.matrix.columns {
                    #expect(panel.matrix[r, c] == expected["\(panel.title)|\(rowOrder[r])|\(columnOrder[c])"], "\(text)")
                }
            }
        }
    }

    @Test func theGalleryModelsAndBenchmarks() throws {
        let url = packageRoot.appendingPathComponent("examples/gallery/data/models-benchmarks.csv")
        let data = try CSVSource().load(DataRequest(url: url, displayPath: "models-benchmarks.csv",
                                                    spec: DataSpec(path: "", row: "model", column: "benchmark", value: "score")))
        #expect(data.panels.count == 1)
        let panel = data.panels[0]
        #expect(panel.rowLabels?.count == 12 && panel.columnLabels?.count == 8)
        #expect(panel.matrix.rows == 12 && panel.matrix.columns == 8)
        #expect(panel.matrix.values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 100 })

        let families = try CSVSource().load(DataRequest(
            url: packageRoot.appendingPathComponent("examples/gallery/data/model-families.csv"), displayPath: "model-families.csv",
            spec: DataSpec(path: "", row: "model", column: "family", value: "parameters_b", missing: .bad)))
        #expect(Set(families.panels[0].rowLabels ?? []) == Set(panel.rowLabels ?? []))
    }
}
