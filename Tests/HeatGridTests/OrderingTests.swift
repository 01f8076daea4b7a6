import Foundation
import HeatGrid
import Testing

/// Row and column order from the spec: the drawn cells, decoded back through the mapping, are the
/// data in the new order; the tick labels name the original rows; the trees are drawn.
@Suite struct OrderingTests {
    func figure(_ changes: String, data: String = #"{"panels": [{"title": "A", "values": [[1, 9, 2], [8, 1, 7], [2, 9, 1], [9, 2, 8]]}, {"title": "B", "values": [[0, 5, 1], [6, 0, 5], [1, 6, 0], [5, 1, 6]]}]}"#) throws -> Figure {
        let folder = temporaryFolder()
        try write(data, to: "d.json", in: folder)
        let spec = try write(#"{"data": {"path": "d.json"}, "scale": {"domain": [0, 10]}, \#(changes)}"#, to: "s.json", in: folder)
        return try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
    }

    /// The values the scene's cells of panel `panel` show, read back from their colours: the whole
    /// number 0...10 whose colour under the figure's mapping is nearest.
    func drawnValues(_ figure: Figure, panel: Int) -> [[Double]] {
        let grid = figure.scene.cellGrids[panel]
        let candidates = (0...10).map(Double.init)
        let colours = figure.mappings[panel].rgbaBytes(for: candidates)
        func distance(_ cell: Int, _ k: Int) -> Int {
            (0..<3).reduce(0) { $0 + abs(Int(grid.rgba[4 * cell + $1]) - Int(colours[4 * k + $1])) }
        }
        return (0..<grid.rows).map { r in
            (0..<grid.columns).map { c in candidates[candidates.indices.min { distance(r * grid.columns + c, $0) < distance(r * grid.columns + c, $1) }!] }
        }
    }

    @Test func clusteredRowsPutSimilarRowsTogetherInEveryPanel() throws {
        let figure = try figure(#""rows": {"order": "cluster", "dendrogram": true}"#)
        // Rows 0 and 2 are alike, and 1 and 3: each pair ends up adjacent, the same order in both panels.
        let names = figure.dataset.panels.map { $0.rowLabels ?? [] }
        #expect(names[0] == names[1])
        let position = Dictionary(uniqueKeysWithValues: names[0].enumerated().map { ($1, $0) })
        #expect(abs(position["0"]! - position["2"]!) == 1 && abs(position["1"]! - position["3"]!) == 1)
        // The cells drawn are the data's rows in that order.
        let original: [[Double]] = [[1, 9, 2], [8, 1, 7], [2, 9, 1], [9, 2, 8]]
        #expect(drawnValues(figure, panel: 0) == names[0].map { original[Int($0)!] })
        // The y ticks name the original rows; a tree is drawn left of each outer body.
        #expect(figure.scene.texts.filter { $0.role == "y-tick" }.prefix(4).map(\.text) == names[0])
        let lines = figure.scene.items.compactMap { if case .line(let l) = $0 { l } else { nil } }
        let left = figure.layout.panels[0].body.minX
        #expect(lines.filter { max($0.from.x, $0.to.x) < left - 5 }.count == 3 * 3)  // 3 merges x 3 lines
    }

    @Test func meanMaxAndExplicitKeys() throws {
        let byMean = try figure(#""columns": {"order": "mean"}"#)
        // Column sums over both panels: [32, 33, 30] (8 values each) -> columns 1, 0, 2.
        #expect(byMean.dataset.panels[0].columnLabels == ["1", "0", "2"])
        let listed = try figure(#""rows": {"order": ["3", "1"]}"#)
        #expect(listed.dataset.panels[1].rowLabels == ["3", "1", "0", "2"])
        #expect(drawnValues(listed, panel: 1)[0] == [5, 1, 6])
    }

    @Test func badOrdersNameTheKey() throws {
        #expect { try figure(#""rows": {"order": ["7"]}"#) } throws: { "\($0)".contains("rows.order") && "\($0)".contains("'7'") }
        #expect { try figure(#""rows": {"order": "cluster", "orderBy": "C"}"#) } throws: { "\($0)".contains("rows.orderBy") }
        #expect { try figure(#""rows": {"order": "mean", "dendrogram": true}"#) } throws: { "\($0)".contains("needs \"order\": \"cluster\"") }
        #expect { try figure(#""rows": {"order": "sorted"}"#) } throws: { "\($0)".contains("\"data\", \"cluster\"") }
        let uneven = #"{"panels": [{"title": "A", "values": [[1, 2], [3, 4]]}, {"title": "B", "values": [[1, 2]]}]}"#
        #expect { try figure(#""rows": {"order": "mean"}"#, data: uneven) } throws: { "\($0)".contains("different numbers of rows") }
    }

    @Test func eachPanelItsOwnOrderAndItsOwnTicks() throws {
        let data = #"{"panels": [{"title": "A", "values": [[1, 1], [9, 9], [5, 5]]}, {"title": "B", "values": [[9, 9], [1, 1], [5, 5]]}]}"#
        let figure = try figure(#""rows": {"order": "max", "orderBy": "each"}"#, data: data)
        #expect(figure.dataset.panels[0].rowLabels == ["1", "2", "0"] && figure.dataset.panels[1].rowLabels == ["0", "2", "1"])
        #expect(drawnValues(figure, panel: 0).map(\.[0]) == [9, 5, 1] && drawnValues(figure, panel: 1).map(\.[0]) == [9, 5, 1])
        // Different row names: the panels do not share the y axis, so both label their rows.
        let yTicks = figure.scene.texts.filter { $0.role == "y-tick" }.map(\.text)
        #expect(yTicks == ["1", "2", "0", "0", "2", "1"])
        #expect { try self.figure(#""rows": {"order": "max", "orderBy": "each"}, "axes": {"shared": "rows"}"#, data: data) } throws: {
            "\($0)".contains("axes.shared") && "\($0)".contains("name their rows differently")
        }
        #expect { try self.figure(#""rows": {"order": "cluster", "orderBy": "each", "dendrogram": true}"#, data: data) } throws: {
            "\($0)".contains("rows.dendrogram")
        }
    }

    @Test func namesFromTheSpecOrAFileThenOrderedByThem() throws {
        let folder = temporaryFolder()
        try write(#"{"panels": [{"title": "A", "values": [[1, 2], [3, 4], [5, 6]]}]}"#, to: "d.json", in: folder)
        try write("\u{FEFF}early\r\nmiddle\nlate\n\n", to: "layers.txt", in: folder)
        let spec = try write(#"{"data": {"path": "d.json"}, "rows": {"labels": "layers.txt", "order": ["late"]}, "columns": {"labels": ["x", "y"]}}"#,
                             to: "s.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        #expect(figure.dataset.panels[0].rowLabels == ["late", "early", "middle"])
        #expect(figure.scene.texts.filter { $0.role == "x-tick" }.map(\.text) == ["x", "y"])
        let wrong = try write(#"{"data": {"path": "d.json"}, "rows": {"labels": ["a", "b"]}}"#, to: "w.json", in: folder)
        #expect { try Renderer.standard.figure(for: try FigureSpec.load(from: wrong), baseURL: folder) } throws: {
            "\($0)".contains("rows.labels") && "\($0)".contains("2 names, but panel 'A' has 3 rows")
        }
        let missing = try write(#"{"data": {"path": "d.json"}, "columns": {"labels": "nope.txt"}}"#, to: "m.json", in: folder)
        #expect { try Renderer.standard.figure(for: try FigureSpec.load(from: missing), baseURL: folder) } throws: {
            "\($0)".contains("nope.txt") && "\($0)".contains("columns.labels")
        }
    }
}
