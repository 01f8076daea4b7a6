import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// Annotation tracks: strips beside the rows or columns, read from a side file, following their
/// keys through any order; each with a legend. Checked on the rendered PNG's pixels.
@Suite struct TrackTests {
    /// Four named rows (models) by three columns.
    let csv = "model,bench,score\n" + [("m1", [1, 9, 2]), ("m2", [8, 1, 7]), ("m3", [2, 9, 1]), ("m4", [9, 2, 8])]
        .flatMap { model, values in values.enumerated().map { "\(model),b\($0),\($1)" } }.joined(separator: "\n")
    let side = "model,family,size\nm1,alpha,1\nm2,beta,4\nm3,alpha,2\nm4,gamma,8\nzz,unused,0\n"

    /// A strip is 2.5 mm deep by default and starts at most 2 pt from the body: its middle is
    /// about this far out, and it reaches at least `stripDepth` out.
    let stripMiddle = 2.5 * 72 / 25.4 / 2 + 1
    let stripDepth = 2.5 * 72 / 25.4

    func render(_ changes: String, side: String? = nil, files: [String: String] = [:]) throws -> (figure: Figure, png: URL) {
        let folder = temporaryFolder()
        try write(csv, to: "d.csv", in: folder)
        try write(side ?? self.side, to: "side.csv", in: folder)
        for (name, text) in files { try write(text, to: name, in: folder) }
        let spec = try write(#"{"data": {"path": "d.csv", "row": "model", "column": "bench", "value": "score"}, "scale": {"domain": [0, 10]}, "size": {"width": "120mm", "height": "auto"}, \#(changes)}"#,
                             to: "s.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        let png = folder.appendingPathComponent("f.png")
        try Renderer.standard.write(figure.scene, to: [png], options: RenderOptions(dpi: 150))
        return (figure, png)
    }

    /// The PNG's pixel at a point of the page (in points), at 150 dpi.
    func pixel(_ png: URL, _ point: Point) throws -> RGBA {
        let image = try #require(RasterImage(pngFile: png.path))
        return image.pixel(x: Int(point.x * 150 / 72), y: Int(point.y * 150 / 72))
    }

    @Test func aCategoryStripFollowsTheClusteredRowsAndHasALegend() throws {
        let (figure, png) = try render(#""rows": {"order": "cluster", "tracks": [{"path": "side.csv", "key": "model", "column": "family"}]}"#)
        let names = figure.dataset.panels[0].rowLabels!
        let families = ["m1": "alpha", "m2": "beta", "m3": "alpha", "m4": "gamma"]
        // Categories take the palette in order of first appearance along the drawn rows.
        var order: [String] = []
        for name in names where !order.contains(families[name]!) { order.append(families[name]!) }
        let colours = Dictionary(uniqueKeysWithValues: zip(order, CategoryPalette.colors))
        // Each row's strip, left of its cells at the row's centre (found from the cell grid), is its family's colour.
        let grid = figure.scene.cellGrids[0]
        let cellHeight = grid.frame.height / Double(grid.rows)
        for (row, name) in names.enumerated() {
            let y = grid.frame.minY + (Double(row) + 0.5) * cellHeight
            let found = try pixel(png, Point(x: grid.frame.minX - stripMiddle, y: y))
            #expect(close(found, colours[families[name]!]!), "row \(row) (\(name)): \(found.hex), expected \(colours[families[name]!]!.hex)")
        }
        // The legend lists the categories in that order under the column's name.
        #expect(figure.scene.texts.filter { $0.role == "track-legend-label" }.map(\.text) == order)
        #expect(figure.scene.texts.contains { $0.role == "track-legend-title" && $0.text == "family" })
        // The y tick labels moved past the strip: none reaches into it.
        let stripLeft = grid.frame.minX - stripDepth
        #expect(figure.scene.texts.filter { $0.role == "y-tick" }.allSatisfy { $0.bounds.maxX < stripLeft })
    }

    @Test func twoCategoryTracksNeverShareAColour() throws {
        // Rows by family, columns by suite: the second track's categories take the palette's
        // colours after the first's, so no colour means two things in one figure.
        let suites = "bench,suite\nb0,reasoning\nb1,knowledge\nb2,reasoning\n"
        let (figure, png) = try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family"}]}, "columns": {"tracks": [{"path": "suites.csv", "key": "bench", "column": "suite"}]}"#,
                                       files: ["suites.csv": suites])
        let grid = figure.scene.cellGrids[0]
        let cellWidth = grid.frame.width / Double(grid.columns), cellHeight = grid.frame.height / Double(grid.rows)
        let rowColours = try (0..<grid.rows).map { try pixel(png, Point(x: grid.frame.minX - stripMiddle, y: grid.frame.minY + (Double($0) + 0.5) * cellHeight)) }
        let columnColours = try (0..<grid.columns).map { try pixel(png, Point(x: grid.frame.minX + (Double($0) + 0.5) * cellWidth, y: grid.frame.minY - stripMiddle)) }
        // Three families and two suites: five distinct colours read off the page, the palette's first five.
        let distinct = (rowColours + columnColours).reduce(into: [RGBA]()) { found, c in if !found.contains(where: { close($0, c) }) { found.append(c) } }
        #expect(distinct.count == 5, "\(distinct.map(\.hex))")
        #expect(rowColours.allSatisfy { c in !columnColours.contains { close($0, c) } })
        #expect(distinct.allSatisfy { c in CategoryPalette.colors.prefix(5).contains { close($0, c) } })
    }

    @Test func aNumericStripDecodesBackToItsValues() throws {
        // Benchmarks weighted 10, 0, 5: above each column its weight's colour on viridis over 0...10.
        let (figure, png) = try render(#""columns": {"tracks": [{"path": "b.csv", "key": "bench", "column": "w", "colormap": "viridis"}]}"#,
                                       files: ["b.csv": "bench,w\nb0,10\nb1,0\nb2,5\n"])
        let viridis = try #require(BuiltInColormaps.all.first { $0.name == "viridis" })
        let grid = figure.scene.cellGrids[0]
        let cellWidth = grid.frame.width / Double(grid.columns)
        for (column, weight) in [10.0, 0, 5].enumerated() {
            let found = try pixel(png, Point(x: grid.frame.minX + (Double(column) + 0.5) * cellWidth, y: grid.frame.minY - stripMiddle))
            let expected = viridis.color(at: weight / 10)
            #expect(abs(found.red - expected.red) < 0.02 && abs(found.green - expected.green) < 0.02 && abs(found.blue - expected.blue) < 0.02,
                    "column \(column): \(found.hex), expected \(expected.hex)")
        }
        #expect(figure.scene.texts.contains { $0.role == "track-legend-title" && $0.text == "w" })
    }

    @Test func barsGrowWithTheirValues() throws {
        let (figure, _) = try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "size", "type": "bars", "side": "right"}]}"#)
        let body = figure.layout.panels[0].body
        // The bars right of the body, one per row, as long as the values 1, 4, 2, 8 relative to 8.
        let bars = figure.scene.items.compactMap { item -> Rect? in
            if case .rect(let r) = item, r.fill != nil, r.rect.minX > body.maxX, r.rect.maxX < figure.layout.legendArea!.minX { r.rect } else { nil }
        }.sorted { $0.minY < $1.minY }
        #expect(bars.count == 4)
        let lengths = bars.map(\.width)
        for (length, value) in zip(lengths, [1.0, 4, 2, 8]) { #expect(abs(length / lengths[3] - value / 8) < 1e-9) }
        #expect(figure.scene.texts.contains { $0.role == "track-legend-label" && $0.text == "= 8" })
    }

    @Test func theGalleryTracksFigureHasNothingOverlappingOnThePage() throws {
        // The rendered PDF read back independently of the scene (words apart, on the page, never
        // over cell-, strip- or swatch-coloured pixels), at single-column width and at poster width.
        let folder = temporaryFolder()
        try write(saturatedColormap, to: "cells.json", in: folder)
        let url = packageRoot.appendingPathComponent("examples/gallery/models-benchmarks.json")
        for width in [89.0, 300] {
            var spec = SpecOverrides(colormap: folder.appendingPathComponent("cells.json").path).applied(to: try FigureSpec.load(from: url))
            spec.size = SizeSpec(width: Length(points: width / 25.4 * 72), height: .auto)
            let figure = try Renderer.standard.figure(for: spec, baseURL: url.deletingLastPathComponent())
            let pdf = folder.appendingPathComponent("tracks-\(Int(width)).pdf")
            try Renderer.standard.write(figure.scene, to: [pdf], options: RenderOptions(dpi: 100))
            let problems = try RenderedPageChecker.problems(pdf: pdf, expecting: nil)
            #expect(problems.isEmpty, "\(width) mm: \(problems)")
            let words = try RenderedPageChecker.words(in: pdf).words.map(\.text)
            #expect(["company", "non-profit", "Developer", "Yi-1.5-9B"].allSatisfy(words.contains), "\(words)")
        }
    }

    @Test func badTracksNameTheKeyAndTheFile() throws {
        #expect { try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family"}]}"#,
                             side: "model,family\nm1,a\nm2,b\nm3,a\n") } throws: {
            "\($0)".contains("side.csv") && "\($0)".contains("'m4'") && "\($0)".contains("rows.tracks[0]")
        }
        #expect { try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family", "side": "top"}]}"#) } throws: {
            "\($0)".contains("rows.tracks[0].side")
        }
        #expect { try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family", "type": "bars"}]}"#) } throws: {
            "\($0)".contains("rows.tracks[0].type") && "\($0)".contains("needs numbers")
        }
        #expect { try render(##""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family", "colors": {"alpha": "#ff0000"}}]}"##) } throws: {
            "\($0)".contains("rows.tracks[0].colors") && "\($0)".contains("'beta'")
        }
        #expect { try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family", "colour": "red"}]}"#) } throws: {
            "\($0)".contains("did you mean 'colors'")
        }
        let many = "model,family\n" + (1...4).map { "m\($0),f\($0)" }.joined(separator: "\n")
        #expect(throws: Never.self) { try render(#""rows": {"tracks": [{"path": "side.csv", "key": "model", "column": "family"}]}"#, side: many) }
    }
}
