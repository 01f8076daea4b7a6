import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing
import TestSupport

/// Splits (`rows.split`, `columns.split`): groups drawn as separate blocks with a gap, each block's
/// cells the data's rows in the new order (decoded back from their colours), labels beside them.
@Suite struct SplitTests {
    let data = #"{"panels": [{"title": "A", "values": [[1, 9, 2], [8, 1, 7], [2, 9, 1], [9, 2, 8]]}, {"title": "B", "values": [[0, 5, 1], [6, 0, 5], [1, 6, 0], [5, 1, 6]]}]}"#
    let rowsA: [[Double]] = [[1, 9, 2], [8, 1, 7], [2, 9, 1], [9, 2, 8]]

    func figure(_ changes: String, data: String? = nil, files: [String: String] = [:]) throws -> Figure {
        let folder = temporaryFolder()
        try write(data ?? self.data, to: "d.json", in: folder)
        for (name, text) in files { try write(text, to: name, in: folder) }
        let spec = try write(#"{"data": {"path": "d.json"}, "scale": {"domain": [0, 10]}, \#(changes)}"#, to: "s.json", in: folder)
        return try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
    }

    /// The whole numbers 0...10 the cells of `grid` show under `mapping`, read back from their colours.
    func drawnValues(_ grid: CellGrid, _ mapping: ColorMapping) -> [[Double]] {
        let candidates = (0...10).map(Double.init), colours = mapping.rgbaBytes(for: candidates)
        func distance(_ cell: Int, _ k: Int) -> Int {
            (0..<3).reduce(0) { $0 + abs(Int(grid.rgba[4 * cell + $1]) - Int(colours[4 * k + $1])) }
        }
        return (0..<grid.rows).map { r in
            (0..<grid.columns).map { c in
                candidates[candidates.indices.min { distance(r * grid.columns + c, $0) < distance(r * grid.columns + c, $1) }!]
            }
        }
    }

    @Test func groupsFromASideFileAreBlocksWithAGapAndLabels() throws {
        // Rows 0 and 2 are "late", 1 and 3 "early": "late" comes first (its first row does), each
        // group in descending mean over both panels inside (row 2: 19/6 before row 0: 18/6).
        let groups = "layer,stage\n0,late\n1,early\n2,\"late\"\n3,early\n9,unused\n"
        let figure = try figure(#""rows": {"split": {"path": "g.csv", "key": "layer", "column": "stage"}, "order": "mean"}"#,
                                files: ["g.csv": groups])
        #expect(figure.dataset.panels[0].rowLabels == ["2", "0", "3", "1"])
        // Two blocks per panel, one above the other, a 1.5 mm gap apart, cells of one height.
        let grids = figure.scene.cellGrids
        #expect(grids.count == 4)
        let (top, bottom) = (grids[0].frame, grids[1].frame)
        #expect(abs(bottom.minY - top.maxY - 1.5 * 72 / 25.4) < 1e-6)
        #expect(top.minX == bottom.minX && top.width == bottom.width)
        #expect(abs(top.height / Double(grids[0].rows) - bottom.height / Double(grids[1].rows)) < 1e-9)
        // The cells are the data's rows in the new order, block by block.
        let drawn = drawnValues(grids[0], figure.mappings[0]) + drawnValues(grids[1], figure.mappings[0])
        #expect(drawn == [2, 0, 3, 1].map { rowsA[$0] })
        // Each label is centred on its block, left of the tick labels.
        let labels = figure.scene.texts.filter { $0.role == "row-group" }
        #expect(labels.map(\.text) == ["late", "early"])
        let ticksLeft = figure.scene.texts.filter { $0.role == "y-tick" }.map(\.bounds.minX).min()!
        for (label, block) in zip(labels, [top, bottom]) {
            #expect(abs(label.bounds.midY - block.midY) < 0.5 && label.bounds.maxX < ticksLeft)
        }
    }

    @Test func equalRunsWithoutClusteringKeepTheDataOrderAndNameTheirRange() throws {
        let figure = try figure(#""columns": {"split": 2, "gap": "3mm", "groupLabels": ["left", "right"]}, "rows": {"split": 3}"#)
        // 3 columns in 2 runs (2 + 1), 4 rows in 3 runs (1 + 1 + 2): 6 blocks per panel.
        let grids = figure.scene.cellGrids
        #expect(grids.count == 12)
        #expect(grids.prefix(6).map { "\($0.rows)x\($0.columns)" } == ["1x1", "1x2", "1x1", "1x2", "2x1", "2x2"])
        #expect(abs(grids[1].frame.minX - grids[0].frame.maxX - 3 * 72 / 25.4) < 1e-6)
        #expect(figure.scene.texts.filter { $0.role == "column-group" }.map(\.text).prefix(2) == ["left", "right"])
        #expect(figure.scene.texts.filter { $0.role == "row-group" }.map(\.text).prefix(3) == ["0", "1", "2–3"])
        // The order is the data's: unnamed axes keep their index ticks.
        #expect(figure.dataset.panels[0].rowLabels == nil)
    }

    @Test func aTreeCutIntoKClustersGivesExactlyTheClustersOfItsLowestMerges() throws {
        // 24 rows in 4 loose families; each block must be one cluster of the tree with its top 3
        // merges undone, found here by joining its first n - k merges with a union-find.
        var random = SplitMix64(seed: 11)
        let centres = (0..<4).map { _ in (0..<5).map { _ in Double.random(in: 0...10, using: &random) } }
        let rows = (0..<24).map { r in centres[r % 4].map { max(0, min(10, $0 + Double.random(in: -1...1, using: &random))) } }
        let json = #"{"panels": [{"title": "A", "values": \#(rows)}]}"#
        let figure = try figure(#""rows": {"order": "cluster", "split": 4, "dendrogram": true}"#, data: json)
        let tree = try Clustering.cluster(rows.flatMap { $0 }, rows: 24, columns: 5, method: .average, metric: .euclidean)
        var parent = Array(0..<(24 + tree.merges.count))
        func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
        for (i, merge) in tree.merges.prefix(24 - 4).enumerated() {
            parent[root(merge.left)] = 24 + i
            parent[root(merge.right)] = 24 + i
        }
        let expected = Set((0..<24).map { r in Set((0..<24).filter { root($0) == root(r) }) })
        let names = figure.dataset.panels[0].rowLabels!.map { Int($0)! }
        var start = 0, drawn: Set<Set<Int>> = []
        for grid in figure.scene.cellGrids {
            drawn.insert(Set(names[start..<(start + grid.rows)]))
            start += grid.rows
        }
        #expect(drawn == expected)
        #expect(figure.scene.texts.filter { $0.role == "row-group" }.map(\.text) == ["1", "2", "3", "4"])
    }

    @Test func eachPanelOrdersInsideTheSharedGroups() throws {
        let figure = try figure(#""rows": {"split": 2, "order": "max", "orderBy": "each"}"#)
        // Groups rows 0-1 and 2-3; panel A: max 9 vs 8 -> 0, 1; 9 vs 9 -> 2, 3 (ties in data order).
        // Panel B: 5 vs 6 -> 1, 0; 6 vs 6 -> 2, 3.
        #expect(figure.dataset.panels[0].rowLabels == ["0", "1", "2", "3"])
        #expect(figure.dataset.panels[1].rowLabels == ["1", "0", "2", "3"])
    }

    @Test func badSplitsNameTheKeyAndTheFile() throws {
        let groups = "layer,stage\n0,a\n1,b\n2,a\n"
        #expect { try figure(#""rows": {"split": {"path": "g.csv", "key": "layer", "column": "stage"}}"#, files: ["g.csv": groups]) } throws: {
            "\($0)".contains("g.csv") && "\($0)".contains("'3'") && "\($0)".contains("rows.split")
        }
        #expect { try figure(#""rows": {"split": {"path": "g.csv", "key": "layer", "column": "stages"}}"#, files: ["g.csv": groups]) } throws: {
            "\($0)".contains("rows.split.column") && "\($0)".contains("did you mean 'stage'")
        }
        #expect { try figure(#""rows": {"split": {"path": "g.csv", "key": "layer", "column": "stage"}}"#,
                             files: ["g.csv": "layer,stage\n0,a\n1\n"]) } throws: {
            "\($0)".contains("g.csv:3") && "\($0)".contains("1 field, but the header names 2")
        }
        #expect { try figure(#""rows": {"split": {"path": "nope.csv", "key": "layer", "column": "stage"}}"#) } throws: {
            "\($0)".contains("nope.csv") && "\($0)".contains("rows.split")
        }
        #expect { try figure(#""rows": {"split": 5}"#) } throws: { "\($0)".contains("5 groups, but there are only 4 rows") }
        #expect { try figure(#""rows": {"split": 0}"#) } throws: { "\($0)".contains("rows.split") }
        #expect { try figure(#""rows": {"split": 2, "groupLabels": ["x"]}"#) } throws: {
            "\($0)".contains("rows.groupLabels") && "\($0)".contains("1 label, but the split makes 2 groups")
        }
        #expect { try figure(#""rows": {"split": 2, "order": "cluster", "orderBy": "each"}"#) } throws: {
            "\($0)".contains("rows.split") && "\($0)".contains("shared")
        }
    }

    @Test func theGallerySplitDecodesBackToTheCSVInItsNewOrder() throws {
        // examples/gallery/split-heads.json as a user renders it; every cell centre of every block
        // in the PNG, decoded through viridis, is the CSV's value for the layer and head its tick
        // names say (read here straight from the file, not through the ordering code).
        let spec = packageRoot.appendingPathComponent("examples/gallery/split-heads.json")
        let png = temporaryFolder().appendingPathComponent("split.png")
        let result = try heatgrid(["render", spec.path, "-o", png.path, "--dpi", "200"])
        try #require(result.status == 0, "\(result.stderr)")
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: spec.deletingLastPathComponent())
        var original: [String: Double] = [:]
        let csv = try String(contentsOf: packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.csv"), encoding: .utf8)
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            original["\(f[0])|\(f[1])|\(f[2])"] = Double(f[3])!
        }
        let image = try #require(RasterImage(pngFile: png.path))
        let table = quantized(BuiltInColormaps.viridis), step = 0.003 / Double(BuiltInColormaps.viridis.resolution)
        var grids = figure.scene.cellGrids[...], checked = 0
        for panel in figure.dataset.panels {
            let layers = panel.rowLabels ?? (0..<32).map(String.init), heads = try #require(panel.columnLabels)
            // Blocks row by row, left to right: 3 stages x 3 head clusters.
            var rowStart = 0
            for _ in 0..<3 {
                var columnStart = 0, height = 0
                for _ in 0..<3 {
                    let grid = grids.removeFirst()
                    height = grid.rows
                    for r in 0..<grid.rows {
                        for c in 0..<grid.columns {
                            let centre = grid.center(row: r, column: c)
                            let pixel = image.pixel(x: Int(centre.x * 200 / 72), y: Int(centre.y * 200 / 72))
                            let value = try #require(original["\(panel.title)|\(layers[rowStart + r])|\(heads[columnStart + c])"])
                            let expected = min(value, 0.003)
                            let decoded = nearestEntries(pixel, in: table).indices.map { (Double($0) + 0.5) * step }
                                .min { abs($0 - expected) < abs($1 - expected) }!
                            #expect(abs(decoded - expected) <= step, "\(panel.title) layer \(layers[rowStart + r]) head \(heads[columnStart + c])")
                            checked += 1
                        }
                    }
                    columnStart += grid.columns
                }
                rowStart += height
            }
        }
        #expect(checked == 8 * 32 * 32 && grids.isEmpty)
    }

    @Test func theSplitFlagshipRendersWithNothingOverlappingOnThePage() throws {
        // Checked on the rendered PDF, independently of the scene: words on the page, apart, and
        // never over cell-coloured pixels (the test colormap makes cells easy to tell).
        let folder = temporaryFolder()
        try write(saturatedColormap, to: "cells.json", in: folder)
        try write("layer,stage\n" + (0..<32).map { "\($0),\($0 < 11 ? "early" : $0 < 22 ? "middle" : "late")" }.joined(separator: "\n"),
                  to: "stages.csv", in: folder)
        var spec = try FigureSpec.load(from: flagshipSpec)
        spec.data.path = flagshipSpec.deletingLastPathComponent().appendingPathComponent(spec.data.path).path
        spec.rows = OrderSpec(split: .file(SideColumn(path: folder.appendingPathComponent("stages.csv").path, key: "layer", column: "stage")))
        spec.columns = OrderSpec(order: .cluster, linkage: .ward, dendrogram: true, split: .count(3))
        spec.size.height = .auto   // square cells: blocks long enough for their labels
        spec = SpecOverrides(colormap: folder.appendingPathComponent("cells.json").path).applied(to: spec)
        let figure = try Renderer.standard.figure(for: spec, baseURL: folder)
        #expect(figure.scene.cellGrids.count == 8 * 9)
        let pdf = folder.appendingPathComponent("split.pdf")
        try Renderer.standard.write(figure.scene, to: [pdf], options: RenderOptions(dpi: 100))
        let problems = try RenderedPageChecker.problems(pdf: pdf, expecting: nil)
        #expect(problems.isEmpty, "\(problems)")
        let words = try RenderedPageChecker.words(in: pdf).words.map(\.text)
        #expect(["early", "middle", "late"].allSatisfy { name in words.filter { $0 == name }.count == 2 }, "\(words)")
    }
}
