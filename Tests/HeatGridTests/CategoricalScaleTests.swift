import CairoBackend
import Foundation
import HeatGrid
import Testing

/// `"scale": {"type": "categorical"}`: text categories from long-form CSV (or a few numeric
/// codes) each drawn in its own colour, with a legend of swatches instead of a colorbar; checked
/// on the rendered PNG against the file read here.
@Suite struct CategoricalScaleTests {
    func render(_ spec: String, files: [String: String]) throws -> (figure: Figure, png: URL) {
        let folder = temporaryFolder()
        for (name, text) in files { try write(text, to: name, in: folder) }
        let url = try write(spec, to: "s.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: url), baseURL: folder)
        let png = folder.appendingPathComponent("f.png")
        try Renderer.standard.write(figure.scene, to: [png], options: RenderOptions(dpi: 100))
        return (figure, png)
    }

    @Test func textCategoriesFromCSVTakeTheirColoursAndAreListedInTheLegend() throws {
        let calls = ["up", "n.s.", "down", "n.s.", "up", "", "down", "down", "n.s."]
        var csv = "gene,condition,call\n"
        for (k, call) in calls.enumerated() { csv += "g\(k / 3),c\(k % 3),\(call)\n" }
        let colors = ["up": "#d62728", "down": "#1f77b4", "n.s.": "#dddddd"]
        let (figure, png) = try render(#"""
            {"data": {"path": "calls.csv", "row": "gene", "column": "condition", "value": "call"},
             "scale": {"type": "categorical", "colors": {"up": "#d62728", "down": "#1f77b4", "n.s.": "#dddddd"}},
             "colorbar": {"title": "Call"}}
            """#, files: ["calls.csv": csv])
        #expect(figure.dataset.categories == ["up", "n.s.", "down"])
        let image = try #require(RasterImage(pngFile: png.path))
        let grid = figure.scene.cellGrids[0]
        for (k, call) in calls.enumerated() {
            let centre = grid.center(row: k / 3, column: k % 3)
            let found = image.pixel(x: Int(centre.x * 100 / 72), y: Int(centre.y * 100 / 72))
            let expected = call.isEmpty ? Theme.paper.badColor : RGBA(hex: colors[call]!)!
            #expect(close(found, expected), "\(k) '\(call)': \(found.hex) vs \(expected.hex)")
        }
        // A legend of swatches under the colorbar's title, no colorbar.
        #expect(figure.scene.texts.filter { $0.role == "legend-label" }.map(\.text) == ["up", "n.s.", "down"])
        #expect(figure.scene.texts.contains { $0.role == "legend-title" && $0.text == "Call" })
        #expect(!figure.scene.items.contains { if case .gradient = $0 { true } else { false } })
    }

    @Test func numericCodesTakeThePaletteInOrder() throws {
        let (figure, png) = try render(#"{"data": {"path": "d.json"}, "scale": {"type": "categorical"}}"#,
                                       files: ["d.json": #"{"panels": [{"title": "A", "values": [[3, 1], [2, 3]]}]}"#])
        let image = try #require(RasterImage(pngFile: png.path))
        let grid = figure.scene.cellGrids[0]
        for (r, c, code) in [(0, 0, 3), (0, 1, 1), (1, 0, 2), (1, 1, 3)] {
            let centre = grid.center(row: r, column: c)
            let found = image.pixel(x: Int(centre.x * 100 / 72), y: Int(centre.y * 100 / 72))
            #expect(close(found, CategoryPalette.colors[code - 1]), "code \(code): \(found.hex)")
        }
        #expect(figure.scene.texts.filter { $0.role == "legend-label" }.map(\.text) == ["1", "2", "3"])
    }

    @Test func badCategoricalScalesSayWhy() throws {
        let many = #"{"panels": [{"title": "A", "values": [\#((0..<40).map { "[\($0)]" }.joined(separator: ","))]}]}"#
        #expect { try render(#"{"data": {"path": "d.json"}, "scale": {"type": "categorical"}}"#, files: ["d.json": many]) } throws: {
            "\($0)".contains("40 distinct values") && "\($0)".contains("30")
        }
        let two = #"{"panels": [{"title": "A", "values": [[1, 2]]}]}"#
        #expect { try render(##"{"data": {"path": "d.json"}, "scale": {"type": "categorical", "colors": {"3": "#000000"}}}"##, files: ["d.json": two]) } throws: {
            "\($0)".contains("scale.colors") && "\($0)".contains("no category '3'")
        }
        #expect { try render(#"{"data": {"path": "d.json"}, "scale": {"type": "categorical", "shared": false}}"#, files: ["d.json": two]) } throws: {
            "\($0)".contains("scale.shared")
        }
    }
}
