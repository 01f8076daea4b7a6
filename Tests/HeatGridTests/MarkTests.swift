import CairoBackend
import Foundation
import HeatGrid
import Testing

/// Marks: outlines, masks, symbols and regions over the cells, checked on the rendered PNG and
/// PDF against cells the tests select themselves from the data.
@Suite struct MarkTests {
    /// One 6x6 panel, values r * 6 + c except a few planted highs; rows named r0...r5.
    let values: [[Double]] = (0..<6).map { r in (0..<6).map { c in Double(r * 6 + c) } }

    func data(_ values: [[Double]]) -> String {
        #"{"rowLabels": ["r0", "r1", "r2", "r3", "r4", "r5"], "panels": [{"title": "A", "values": \#(values)}]}"#
    }

    func render(_ changes: String, values: [[Double]]? = nil, files: [String: String] = [:], format: String = "png",
                scale: String = #"{"domain": [0, 40]}"#) throws -> (figure: Figure, output: URL) {
        let folder = temporaryFolder()
        try write(data(values ?? self.values), to: "d.json", in: folder)
        for (name, text) in files { try write(text, to: name, in: folder) }
        let spec = try write(#"{"data": {"path": "d.json"}, "scale": \#(scale), "size": {"width": "90mm", "height": "auto"}, \#(changes)}"#,
                             to: "s.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        let output = folder.appendingPathComponent("f.\(format)")
        try Renderer.standard.write(figure.scene, to: [output], options: RenderOptions(dpi: 200))
        return (figure, output)
    }

    func pixel(_ image: RasterImage, _ p: Point) -> RGBA { image.pixel(x: Int(p.x * 200 / 72), y: Int(p.y * 200 / 72)) }
    func isMagenta(_ c: RGBA) -> Bool { c.red > 0.9 && c.green < 0.15 && c.blue > 0.9 }

    @Test func outlinesGoAroundEachGroupOfTheTopCellsWhereverClusteringPutsThem() throws {
        // Planted highs: a 2x2 block at rows 1-2, columns 3-4 and one cell at (5, 0); top 5 = those 5 cells.
        var values = self.values
        for (r, c) in [(1, 3), (1, 4), (2, 3), (2, 4), (5, 0)] { values[r][c] = 100 + Double(r + c) }
        let (figure, png) = try render(##""rows": {"order": "cluster"}, "marks": [{"type": "outline", "select": {"top": 5}, "color": "#ff00ff", "width": "2pt", "legend": "top 5"}]"##,
                                       values: values)
        let image = try #require(RasterImage(pngFile: png.path))
        let grid = figure.scene.cellGrids[0], names = figure.dataset.panels[0].rowLabels!
        let w = grid.frame.width / 6, h = grid.frame.height / 6
        // Where clustering drew each planted row, found by its name.
        let drawnRow = { (name: String) in names.firstIndex(of: name)! }
        let selected = Set([(1, 3), (1, 4), (2, 3), (2, 4), (5, 0)].map { [drawnRow("r\($0.0)"), $0.1] })
        for r in 0..<6 {
            for c in 0..<6 {
                let x0 = grid.frame.minX + Double(c) * w, y0 = grid.frame.minY + Double(r) * h
                // Just inside each side of a cell: magenta exactly where the side is on a group's boundary.
                // (1 pt in: the 2 pt stroke lies inside the selected cells.)
                for (px, py, neighbour) in [(w / 2, 1.0, [r - 1, c]), (w / 2, h - 1, [r + 1, c]), (1.0, h / 2, [r, c - 1]), (w - 1, h / 2, [r, c + 1])] {
                    let onBoundary = selected.contains([r, c]) && !selected.contains(neighbour)
                    let found = isMagenta(pixel(image, Point(x: x0 + px, y: y0 + py)))
                    #expect(found == onBoundary, "cell (\(r), \(c)) side at (\(px), \(py)): outline \(found), expected \(onBoundary)")
                }
                // The middle of a cell is never covered.
                #expect(!isMagenta(pixel(image, Point(x: x0 + w / 2, y: y0 + h / 2))))
            }
        }
        // The 2x2 block stays one outline when clustering keeps rows 1 and 2 together, else two.
        let blockRows: Set<Int> = [drawnRow("r1"), drawnRow("r2")]
        let groups = 1 + (blockRows.max()! - blockRows.min()! == 1 ? 1 : 2)
        #expect(figure.scene.items.filter { if case .polygon(let p) = $0 { p.role == "mark-outline" } else { false } }.count == groups)
        #expect(figure.scene.texts.contains { $0.role == "mark-legend-label" && $0.text == "top 5" })
    }

    @Test func aMaskedLowerTriangleShowsNoColourAndLeavesTheDomain() throws {
        // The lower triangle holds 1000s: masked, they must not stretch the colour domain.
        var values = self.values
        for r in 0..<6 { for c in 0..<r { values[r][c] = 1000 } }
        let (figure, png) = try render(#""marks": [{"type": "mask", "select": {"triangle": "lower"}}]"#, values: values, scale: "{}")
        #expect(figure.mapping.scale.position(of: 35) == 1)   // the domain ends at the largest unmasked value
        let image = try #require(RasterImage(pngFile: png.path))
        let grid = figure.scene.cellGrids[0]
        let table = figure.mapping.rgbaBytes(for: (0...35).map(Double.init))
        for r in 0..<6 {
            for c in 0..<6 {
                let p = pixel(image, grid.center(row: r, column: c))
                if c < r {
                    #expect(p.red > 0.99 && p.green > 0.99 && p.blue > 0.99, "masked (\(r), \(c)) shows \(p.hex)")
                } else {
                    // The unmasked cell decodes to its own value.
                    let v = Int(values[r][c])
                    let e = RGBA(red: Double(table[4 * v]) / 255, green: Double(table[4 * v + 1]) / 255, blue: Double(table[4 * v + 2]) / 255)
                    #expect(close(p, e), "(\(r), \(c)): \(p.hex) vs \(e.hex)")
                }
            }
        }
    }

    @Test func starsComeFromASecondMatrixAndLandInTheirCellsInThePDF() throws {
        // p-values by names, in another row order than the data: stars follow the names.
        var csv = "row,column,p\n"
        var expected: [String: String] = [:]
        for r in [5, 4, 3, 2, 1, 0] {
            for c in 0..<6 {
                let p = [0.2, 0.04, 0.009, 0.0005][(r + c) % 4]
                csv += "r\(r),\(c),\(p)\n"
                let star = p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
                if !star.isEmpty { expected["\(r),\(c)"] = star }
            }
        }
        let (figure, pdf) = try render(#""marks": [{"type": "symbols", "data": {"path": "p.csv", "row": "row", "column": "column", "value": "p"}}]"#,
                                       files: ["p.csv": csv], format: "pdf")
        let words = try RenderedPageChecker.words(in: pdf).words.filter { $0.text.allSatisfy { $0 == "*" } }
        #expect(words.count == expected.count)
        let grid = figure.scene.cellGrids[0]
        let w = grid.frame.width / 6, h = grid.frame.height / 6
        for word in words {
            let midX = (word.box.minX + word.box.maxX) / 2, midY = (word.box.minY + word.box.maxY) / 2
            let c = Int((midX - grid.frame.minX) / w), r = Int((midY - grid.frame.minY) / h)
            #expect(expected["\(r),\(c)"] == word.text, "'\(word.text)' in cell (\(r), \(c))")
        }
    }

    @Test func aRegionIsBoxedAndLabelledAboveTheBody() throws {
        let (figure, _) = try render(##""marks": [{"type": "region", "rows": ["r1", "r3"], "columns": [2, 4], "label": "a block", "color": "#00ff00"}]"##)
        let grid = figure.scene.cellGrids[0]
        let w = grid.frame.width / 6, h = grid.frame.height / 6
        let box = try #require(figure.scene.items.compactMap { if case .rect(let r) = $0, r.stroke == RGBA(hex: "#00ff00") { r } else { nil } }.first)
        // Its stroke's outer edge is on the block's boundary: rows 1-3, columns 2-4.
        let half = box.lineWidth / 2
        let outer = Rect(x: box.rect.minX - half, y: box.rect.minY - half, width: box.rect.width + 2 * half, height: box.rect.height + 2 * half)
        #expect(abs(outer.minX - (grid.frame.minX + 2 * w)) < 1e-9 && abs(outer.maxX - (grid.frame.minX + 5 * w)) < 1e-9)
        #expect(abs(outer.minY - (grid.frame.minY + h)) < 1e-9 && abs(outer.maxY - (grid.frame.minY + 4 * h)) < 1e-9)
        let label = try #require(figure.scene.texts.first { $0.role == "mark-region-label" })
        #expect(label.text == "a block" && label.bounds.maxY < grid.frame.minY)
        let title = try #require(figure.scene.texts.first { $0.role == "panel-title" })
        #expect(title.bounds.maxY <= label.bounds.minY)
    }

    @Test func badMarksSayWhatIsWrong() throws {
        func fails(_ marks: String, files: [String: String] = [:], _ expected: String...) {
            #expect { try render(#""marks": \#(marks)"#, files: files) } throws: { error in
                expected.allSatisfy { "\(error)".contains($0) }
            }
        }
        fails(#"[{"type": "outlines", "select": {"top": 1}}]"#, "marks[0].type", "did you mean 'outline'")
        fails(#"[{"type": "outline", "select": {"tops": 1}}]"#, "did you mean 'top'")
        fails(##"[{"type": "outline", "select": {"top": 1}, "colour": "#fff"}]"##, "marks[0].colour", "did you mean 'color'")
        fails(#"[{"type": "outline", "select": {"cells": [["r1", 9]]}}]"#, "marks[0].select", "column 9 is outside panel 'A', which has 6 columns")
        fails(#"[{"type": "outline", "select": {"cells": [["r9", 1]]}}]"#, "marks[0].select", "no row 'r9'")
        fails(#"[{"type": "region", "rows": ["r1", "r9"], "columns": [0, 1]}]"#, "marks[0].rows", "6x6", "'r9'")
        fails(#"[{"type": "symbols", "data": {"path": "p.csv", "row": "row", "column": "column", "value": "p"}, "thresholds": [0.01, 0.05]}]"#,
              files: ["p.csv": "row,column,p\nr0,0,0.5\n"], "marks[0].thresholds", "descending")
        fails(#"[{"type": "symbols", "data": {"path": "q.json"}}]"#,
              files: ["q.json": #"{"panels": [{"title": "A", "values": [[1, 2], [3, 4]]}]}"#], "marks[0].data", "2x2", "6x6")
    }
}
