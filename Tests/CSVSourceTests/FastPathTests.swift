import Foundation
import HeatGridCore
import Testing
@testable import CSVSource
import TestSupport

/// Long-form lines are read by `PlainLineReader` when they are plain and by the tokenizer
/// otherwise; these tests check that both give the same cells and the same errors.
@Suite("Long-form fast path")
struct FastPathTests {
    /// A random long-form file: its text with plain panel fields, the same with every panel
    /// field quoted (which sends every line to the tokenizer), and the matrices it describes.
    struct RandomFile {
        var plain = ""
        var quoted = ""
        var titles: [String] = []
        var expected: [[Double]] = []
        var shapes: [(rows: Int, columns: Int)] = []
    }

    static func randomFile(seed: UInt64) -> RandomFile {
        var generator = SplitMix64(state: seed)
        var file = RandomFile()
        let lineEnd = Bool.random(using: &generator) ? "\n" : "\r\n"
        let separator = Int.random(in: 0..<4, using: &generator) == 0 ? "\t" : ","
        let extraColumn = Bool.random(using: &generator)
        let header = ["panel", "row", "column", "value"] + (extraColumn ? ["note"] : [])
        file.plain = header.joined(separator: separator) + lineEnd
        file.quoted = file.plain

        let names = ["A", "Knowledge Recall", "Knowledge", "Semantic Understanding (long title)", "B, C", "Zé ✓"]
        var cells: [(panel: Int, row: Int, column: Int)] = []
        for panel in 0..<Int.random(in: 1...4, using: &generator) {
            var title = names.randomElement(using: &generator)!
            if separator == "," { title = title.replacingOccurrences(of: ",", with: ";") }
            title += "\(panel)"
            file.titles.append(title)
            let shape = (rows: Int.random(in: 1...20, using: &generator), columns: Int.random(in: 1...70, using: &generator))
            file.shapes.append(shape)
            file.expected.append([Double](repeating: .nan, count: shape.rows * shape.columns))
            var panelCells: [(panel: Int, row: Int, column: Int)] = []
            for row in 0..<shape.rows { for column in 0..<shape.columns { panelCells.append((panel, row, column)) } }
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: break  // row-major, as most files are
            case 1: panelCells.sort { ($0.2, $0.1) < ($1.2, $1.1) }  // column-major
            default: panelCells.shuffle(using: &generator)
            }
            // Leave a few cells out (the spec says missing cells are bad), but keep the corner
            // so the shape is what was drawn.
            cells += panelCells.filter { $0.1 == shape.rows - 1 && $0.2 == shape.columns - 1 || Int.random(in: 0..<20, using: &generator) > 0 }
        }
        if Bool.random(using: &generator) { cells.shuffle(using: &generator) }  // panels interleaved

        for (panel, row, column) in cells {
            let number = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -8...4, using: &generator)))
            var text: String
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: text = "\(number)"  // shortest round trip: often 17 digits, the slow path
            case 1: text = String(format: "%.6e", number)
            case 2: text = "nan"
            case 3: text = ""
            case 4: text = String(format: " %.4f ", number)  // blanks: the tokenizer path
            case 5: text = String(format: "%.3f", number)
            default: text = String(format: "%.7g", number)
            }
            let value = text.trimmingCharacters(in: .whitespaces)
            file.expected[panel][row * file.shapes[panel].columns + column] = value.isEmpty || value == "nan" ? .nan : Double(value)!
            let rowText = Int.random(in: 0..<30, using: &generator) == 0 ? "\(row).0" : "\(row)"
            var fields = [file.titles[panel], rowText, "\(column)", text]
            if extraColumn { fields.append(["x", "", "some words", "12"].randomElement(using: &generator)!) }
            file.plain += fields.joined(separator: separator) + lineEnd
            fields[0] = "\"\(fields[0])\""
            file.quoted += fields.joined(separator: separator) + lineEnd
        }
        if Bool.random(using: &generator) {
            // No line end after the last line ("\r\n" is one Character).
            file.plain.removeLast()
            file.quoted.removeLast()
        }
        // Panels come out in the order they first appear.
        var order: [Int] = []
        for cell in cells where !order.contains(cell.panel) { order.append(cell.panel) }
        file.titles = order.map { file.titles[$0] }
        file.expected = order.map { file.expected[$0] }
        file.shapes = order.map { file.shapes[$0] }
        return file
    }

    static func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0.bitPattern == $1.bitPattern }
    }

    @Test(arguments: 0..<40)
    func plainAndQuotedLinesLoadTheSameCells(seed: Int) throws {
        let file = Self.randomFile(seed: UInt64(seed) &* 7919 &+ 1)
        let spec = DataSpec(path: "x.csv", missing: .bad)
        let plain = try load(file.plain, spec: spec)
        let quoted = try load(file.quoted, spec: spec)
        #expect(plain.panels.map(\.title) == file.titles)
        #expect(quoted.panels.map(\.title) == file.titles)
        for (k, shape) in file.shapes.enumerated() {
            for data in [plain, quoted] {
                let matrix = data.panels[k].matrix
                #expect(matrix.rows == shape.rows && matrix.columns == shape.columns)
                #expect(Self.sameValues(matrix.values, file.expected[k]), "panel \(k) of seed \(seed)")
            }
        }
    }

    /// Messy random files (quotes, blanks, odd numbers, wrong field counts, duplicates, blank
    /// and CR lines...) load to the same cells, or fail with the same error, with the fast
    /// path as with the tokenizer alone.
    @Test(arguments: 0..<300)
    func messyFilesLoadAsTheTokenizerAloneLoadsThem(seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed) &+ 0xFA57)
        func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &generator)! }
        let separator = pick([",", ",", "\t"])
        let lineEnds = pick([["\n"], ["\r\n"], ["\n", "\r\n", "\r"]])
        var names = pick([["panel", "row", "column", "value"], ["row", "column", "value"],
                          ["value", "column", "panel", "row"], ["panel", "row", "column", "value", "note"]])
        if Bool.random(using: &generator) { names.shuffle(using: &generator) }
        var text = names.joined(separator: separator) + pick(lineEnds)
        let indexTokens = ["0", "1", "2", "3", "10", "007", "3.0", " 2", "2 ", "-1", "", "x", "\"1\"", "00000003", "1e1", "99"]
        let valueTokens = ["1.5", "0.0003336511", "-2e-3", "7", "nan", "", " 3 ", "inf", "abc", "\"4.5\"", "0.30000000000000004",
                           "1e23", "4.730224609375000000e-03", "-0", ".5", "5.", "1e", "\"\"\"\""]
        let panelTokens = ["A", "A", "B", "Knowledge Recall", "", " A", "\"A\"", "\"x, y\"", "\"two\nlines\"", "C\"D", "É"]
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            if Int.random(in: 0..<12, using: &generator) == 0 { text += pick(["", "  ", "\t"]) + pick(lineEnds); continue }
            var fields = names.map { name -> String in
                switch name {
                case "row", "column": return Int.random(in: 0..<12, using: &generator) == 0 ? pick(indexTokens) : String(Int.random(in: 0..<12, using: &generator))
                case "value": return Int.random(in: 0..<8, using: &generator) == 0 ? pick(valueTokens) : String(format: "%.7g", Double.random(in: -1...1, using: &generator))
                case "panel": return pick(panelTokens)
                default: return pick(["x", "", "\"q\""])
                }
            }
            if Int.random(in: 0..<100, using: &generator) == 0 { fields.append("extra") }
            if Int.random(in: 0..<100, using: &generator) == 0 { fields.removeLast() }
            text += fields.joined(separator: separator) + pick(lineEnds)
        }
        if Bool.random(using: &generator) { text.removeLast() }  // a last line without a line end
        let spec = DataSpec(path: "m.csv", missing: Bool.random(using: &generator) ? .bad : .error)

        let scratch = try Scratch()
        let url = try scratch.write(Array(text.utf8), name: "m.csv")
        let request = DataRequest(url: url, displayPath: "m.csv", spec: spec)
        let fast = Result { try TableLoader.load(request, matrixOnly: false) }
        let reference = Result { try TableLoader.load(request, matrixOnly: false, fastPath: false) }
        switch (fast, reference) {
        case (.success(let a), .success(let b)):
            #expect(a.panels.map(\.title) == b.panels.map(\.title), "\(text)")
            #expect(a.panels.map(\.rowLabels) == b.panels.map(\.rowLabels), "\(text)")
            #expect(a.panels.map(\.columnLabels) == b.panels.map(\.columnLabels), "\(text)")
            for (x, y) in zip(a.panels, b.panels) {
                #expect(x.matrix.rows == y.matrix.rows && x.matrix.columns == y.matrix.columns, "\(text)")
                #expect(Self.sameValues(x.matrix.values, y.matrix.values), "\(text)")
            }
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)", "\(text)")
        default:
            Issue.record("one path failed and the other did not: \(fast) / \(reference)\n\(text)")
        }
    }

    @Test func duplicateNamesTheFirstLineWhicheverPathReadIt() throws {
        // The first value on a quoted (tokenizer) line, the second on a plain one.
        let mixed = try loadFailure("panel,row,column,value\nA,0,0,1\n\"A\",0,1,2\nA,0,1,3\n")
        #expect(mixed.line == 4 && mixed.column == 3)
        #expect(mixed.message == "duplicate cell (panel 'A', row 0, column 1); first given on line 3")
        // After a record spanning two lines.
        // (Gaps allowed: with them as errors, row 7 in so small a file fails first.)
        let spanning = try loadFailure("panel,row,column,value\n\"x\ny\",0,0,1\nB,0,0,1\nB,7,3,1\nB,0,0,2\n",
                                       spec: DataSpec(path: "x", missing: .bad))
        #expect(spanning.line == 6 && spanning.message.hasSuffix("first given on line 4"))
        // Both inside a record that spans lines: the line of the row field counts.
        let inside = try loadFailure("panel,row,column,value\n\"x\ny\",5,0,1\n\"x\ny\",5,0,2\n", spec: DataSpec(path: "x", missing: .bad))
        #expect(inside.line == 5 && inside.column == 4)
        #expect(inside.message == "duplicate cell (panel 'x\ny', row 5, column 0); first given on line 3")
        // Far apart, with other panels in between.
        var text = "panel,row,column,value\n"
        for row in 0..<50 { for column in 0..<30 { text += "P,\(row),\(column),1\nQ,\(row),\(column),2\n" } }
        text += "Q,17,29,3\n"
        let far = try loadFailure(text)
        #expect(far.line == 3002 && far.column == 3)
        #expect(far.message == "duplicate cell (panel 'Q', row 17, column 29); first given on line \(2 + (17 * 30 + 29) * 2 + 1)")
    }

    @Test func errorsOnPlainLinesMatchTheTokenizers() throws {
        for (line, column, fragment) in [("A,0,1,abc", 7, "expected a number in column 'value'"),
                                         ("A,0,1,inf", 7, "must be finite"),
                                         ("A,,1,2", 3, "found an empty field"),
                                         ("A,0,1,2,3", 9, "expected 4 fields like the header, found 5"),
                                         ("A,0,1", 6, "expected 4 fields like the header, found 3"),
                                         ("A,0,0,5", 3, "duplicate cell")] {
            let failure = try loadFailure("panel,row,column,value\nA,0,0,1\n\(line)\nA,1,1,1\n")
            #expect(failure.line == 3 && failure.column == column, "\(line)")
            #expect(failure.message.contains(fragment), "\(line): \(failure.message)")
        }
    }

    /// A new panel's grid is made the previous panel's shape when that one is complete: the
    /// guess must not matter when it is wrong.
    @Test func panelsOfChangingShapes() throws {
        let shapes = [(3, 4), (3, 4), (2, 2), (5, 6), (1, 9), (5, 6), (8, 1)]
        var text = "panel,row,column,value\n"
        for (k, shape) in shapes.enumerated() {
            for row in 0..<shape.0 { for column in 0..<shape.1 { text += "P\(k),\(row),\(column),\(k * 1000 + row * 10 + column)\n" } }
        }
        let data = try load(text)
        #expect(data.panels.map(\.title) == shapes.indices.map { "P\($0)" })
        for (k, shape) in shapes.enumerated() {
            let matrix = data.panels[k].matrix
            #expect(matrix.rows == shape.0 && matrix.columns == shape.1, "P\(k)")
            var expected: [Double] = []
            for row in 0..<shape.0 { for column in 0..<shape.1 { expected.append(Double(k * 1000 + row * 10 + column)) } }
            #expect(matrix.values == expected, "P\(k)")
        }
        // An incomplete panel is no model for the next, and gaps stay gaps.
        let gappy = try load("panel,row,column,value\nA,0,0,1\nA,1,1,2\nB,0,0,3\nB,0,1,4\nB,1,0,5\nB,1,1,6\nB,2,1,7\n",
                             spec: DataSpec(path: "x", missing: .bad))
        #expect(gappy.panels[0].matrix.values.map(\.isNaN) == [false, true, true, false])
        #expect(gappy.panels[1].matrix.rows == 3 && gappy.panels[1].matrix[2, 1] == 7 && gappy.panels[1].matrix[2, 0].isNaN)
    }

    @Test func blankLinesAndEmptyPanelNamesWithAPanelColumn() throws {
        let data = try load("panel,row,column,value\nA,0,0,1\n\n  \nA,0,1,2\n,0,0,3\n,0,1,4\n\r\nA,1,0,5\nB,0,0,6\n\nA,1,1,7\n,1,0,8\n,1,1,9\n")
        #expect(data.panels.map(\.title) == ["A", "", "B"])
        #expect(data.panels[0].matrix.values == [1, 2, 5, 7])
        #expect(data.panels[1].matrix.values == [3, 4, 8, 9])
        #expect(data.panels[2].matrix.values == [6])
    }

    /// A line naming a new panel is looked at to its end before the panel is made, so a line
    /// that is broken further on gets the tokenizer's message, as before.
    @Test func aNewPanelOnABrokenLineReportsTheBreak() throws {
        let quote = try loadFailure("panel,row,column,value\nA,0,0,1\nB,0,0,\"2\nA,0,1,2\n")
        #expect(quote.line == 3 && quote.column == 7 && quote.message.contains("unterminated quoted field"))
        var text = "panel,row,column,value\n"
        for k in 0..<10_000 { text += "P\(k),0,0,1\n" }
        // With the panel limit reached, the field count is still checked first.
        let long = try loadFailure(text + "Q,0,0,1,9\nR,0,0,1\n")
        #expect(long.line == 10_002 && long.column == 9 && long.message == "expected 4 fields like the header, found 5")
        let many = try loadFailure(text + "Q,0,0,oops\nR,0,0,1\n")
        #expect(many.line == 10_002 && many.column == 1 && many.message.contains("too many panels"))
    }

    @Test func panelTitlesThatArePrefixesOfEachOther() throws {
        let data = try load("""
            panel,row,column,value
            Knowledge Recall,0,0,1
            Knowledge,0,0,2
            Knowledge Recall,0,1,3
            Knowledge Recall Extra,0,0,4
            K,0,0,5
            Knowledge,0,1,6

            """, spec: DataSpec(path: "x", missing: .bad))
        #expect(data.panels.map(\.title) == ["Knowledge Recall", "Knowledge", "Knowledge Recall Extra", "K"])
        #expect(data.panels[0].matrix.values == [1, 3])
        #expect(data.panels[1].matrix.values == [2, 6])
    }

    @Test func missingCellsAreCountedAcrossWordsOfTheBitset() throws {
        var text = "row,column,value\n"
        for row in 0..<5 { for column in 0..<131 where !(row == 2 && (column == 64 || column == 100)) && !(row == 4 && column == 0) {
            text += "\(row),\(column),\(row * 1000 + column)\n"
        } }
        let failure = try loadFailure(text)
        #expect(failure.message.hasPrefix("the data has no value for row 2, column 64 (3 cells missing)"))
        let data = try load(text, spec: DataSpec(path: "x", missing: .bad))
        let matrix = data.panels[0].matrix
        #expect(matrix.rows == 5 && matrix.columns == 131)
        #expect(matrix[2, 64].isNaN && matrix[2, 100].isNaN && matrix[4, 0].isNaN)
        #expect(matrix[2, 63] == 2063 && matrix[2, 65] == 2065 && matrix[4, 130] == 4130 && matrix[0, 0] == 0)
        #expect(matrix.values.filter(\.isNaN).count == 3)
    }

    @Test func columnsGrowingLastKeepEveryCellAndGap() throws {
        var text = "row,column,value\n"
        for column in 0..<70 { for row in 0..<9 where (row + column) % 11 != 0 { text += "\(row),\(column),\(row * 100 + column)\n" } }
        let matrix = try load(text, spec: DataSpec(path: "x", missing: .bad)).panels[0].matrix
        #expect(matrix.rows == 9 && matrix.columns == 70)
        for row in 0..<9 { for column in 0..<70 {
            if (row + column) % 11 == 0 { #expect(matrix[row, column].isNaN) } else { #expect(matrix[row, column] == Double(row * 100 + column)) }
        } }
    }

    @Test func unusualValuesOnPlainLines() throws {
        let data = try load("row,column,value\n0,0,0.30000000000000004\n0,1,nan\n0,2,\n0,3,-0\n0,4,1e23\n0,5,4.730224609375000000e-03\n0,6,7\n")
        let values = data.panels[0].matrix.values
        #expect(values[0] == 0.30000000000000004 && values[1].isNaN && values[2].isNaN)
        #expect(values[3] == 0 && values[3].sign == .minus && values[4] == 1e23 && values[5] == 4.730224609375e-03 && values[6] == 7)
    }

    @Test func longIndicesAndOtherLayoutsGoToTheTokenizer() throws {
        // An 8-digit column index, a row written "3.0", and the same column named twice.
        let data = try load("row,column,value\n0,00000005,1\n0,0,2\n3.0,1,3\n", spec: DataSpec(path: "x", missing: .bad))
        #expect(data.panels[0].matrix.columns == 6 && data.panels[0].matrix[0, 5] == 1 && data.panels[0].matrix[3, 1] == 3)
        let same = try load("i,v\n0,1\n1,2\n2,3\n", spec: DataSpec(path: "x", row: "i", column: "i", value: "v", missing: .bad))
        #expect(same.panels[0].matrix.rows == 3 && same.panels[0].matrix[2, 2] == 3)
    }

    /// The reader itself: how many lines it takes, and where it hands over.
    @Test func readsPlainLinesAndStopsWhereTheTokenizerMustTakeOver() throws {
        let text = "panel,row,column,value\nA,0,0,1\nA,0,1,2\r\nB,0,0,3\n\"B\",0,1,4\nB,1,1,5\nB,1,0,x\nB,1,0,6\nB,2,0,7\n"
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            let source = CSVText(bytes: buffer, displayPath: "t.csv")
            var tokenizer = CSVTokenizer(source, delimiter: .comma)
            var fields: [CSVField] = []
            _ = try tokenizer.next(into: &fields)
            let columns = LongFormReader.Columns(fieldCount: 4, panel: 0, row: 1, column: 2, value: 3)
            let reader = PlainLineReader(text: source, delimiter: .comma, columns: columns)
            let grid = GrowingGrid()
            func offset(of needle: String, line: Int) -> Int {
                var start = 0
                for _ in 1..<line { start = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))! + 1 }
                return start + Array(String(decoding: bytes[start...], as: UTF8.self).utf8).firstRange(of: Array(needle.utf8))!.lowerBound
            }

            // No panel yet: the first line names one, and nothing is read.
            var result = reader.read(from: &tokenizer, panelBytes: nil, into: grid)
            guard case .newPanel(let a) = result.stop else { Issue.record("expected a new panel"); return }
            #expect(result.lines == 0 && a == offset(of: "A", line: 2)..<offset(of: "A", line: 2) + 1)
            // Two lines of A (one ending in CRLF), then B.
            result = reader.read(from: &tokenizer, panelBytes: a, into: grid)
            guard case .newPanel(let b) = result.stop else { Issue.record("expected a new panel"); return }
            #expect(result.lines == 2 && tokenizer.line == 4 && b.count == 1)
            #expect(grid.rows == 1 && grid.columns == 2)
            // One line of B, then a quoted line: the tokenizer's.
            result = reader.read(from: &tokenizer, panelBytes: b, into: GrowingGrid())
            guard case .declined = result.stop else { Issue.record("expected to decline"); return }
            #expect(result.lines == 1 && tokenizer.line == 5)
            _ = try tokenizer.next(into: &fields)
            // One more, then a value that is not a number: the tokenizer reports it.
            result = reader.read(from: &tokenizer, panelBytes: b, into: GrowingGrid())
            #expect(result.lines == 1 && tokenizer.line == 7)
            _ = try tokenizer.next(into: &fields)
            // A line is read only when at least eight bytes follow its line end: not the last.
            result = reader.read(from: &tokenizer, panelBytes: b, into: GrowingGrid())
            #expect(result.lines == 1 && tokenizer.line == 9)
            result = reader.read(from: &tokenizer, panelBytes: b, into: GrowingGrid())
            #expect(result.lines == 0 && tokenizer.line == 9)
        }
    }
}
