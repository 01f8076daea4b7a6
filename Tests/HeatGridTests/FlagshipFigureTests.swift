import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// The table indices whose 8-bit colour is nearest to the 8-bit `color`, and that distance (in 1/255
/// steps). Comparing quantized colours matters: neighbouring viridis entries differ by about one
/// 8-bit step, so the float table's nearest entry is often the neighbour of the one drawn.
func nearestEntries(_ color: RGBA, in table: [SIMD3<Int32>]) -> (indices: [Int], distance: Int32) {
    let pixel = SIMD3<Int32>(Int32((color.red * 255).rounded()), Int32((color.green * 255).rounded()),
                             Int32((color.blue * 255).rounded()))
    var best = Int32.max, indices: [Int] = []
    for (i, entry) in table.enumerated() {
        let d = entry &- pixel
        let distance = abs(d.x) + abs(d.y) + abs(d.z)
        if distance < best { best = distance; indices = [i] } else if distance == best { indices.append(i) }
    }
    return (indices, best)
}

/// A colormap's table as 8-bit colours.
func quantized(_ colormap: LookupTableColormap) -> [SIMD3<Int32>] {
    colormap.table.map { SIMD3(Int32(($0.red * 255).rounded()), Int32(($0.green * 255).rounded()), Int32(($0.blue * 255).rounded())) }
}

/// Checks every cell centre of a PNG render decodes back, through `colormap`, to its value
/// clamped to `domain`, within one colormap step. Returns the number of cells checked.
func verifyCellColours(figure: Figure, png: URL, dpi: Double, colormap: LookupTableColormap,
                       domain: ClosedRange<Double>) throws -> Int {
    let image = try #require(RasterImage(pngFile: png.path))
    let scale = dpi / 72
    let step = (domain.upperBound - domain.lowerBound) / Double(colormap.resolution)
    let table = quantized(colormap)
    var checked = 0
    for (panel, grid) in zip(figure.dataset.panels, figure.scene.cellGrids) {
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let value = panel.matrix[row, column]
                guard !value.isNaN else { continue }
                let centre = grid.center(row: row, column: column)
                let pixel = image.pixel(x: Int(centre.x * scale), y: Int(centre.y * scale))
                let (indices, distance) = nearestEntries(pixel, in: table)
                #expect(distance <= 1, "panel \(panel.title) cell (\(row), \(column)) is not a colormap colour")
                let expected = min(max(value, domain.lowerBound), domain.upperBound)
                // Entries with the same 8-bit colour are indistinguishable: take the one nearest the value.
                let decoded = indices.map { domain.lowerBound + (Double($0) + 0.5) * step }
                    .min { abs($0 - expected) < abs($1 - expected) }!
                #expect(abs(decoded - expected) <= step,
                        "panel \(panel.title) cell (\(row), \(column)): \(decoded) vs \(expected)")
                checked += 1
            }
        }
    }
    return checked
}

@Suite struct FlagshipFigureTests {
    @Test func cliRendersAllThreeFormats() throws {
        let folder = temporaryFolder()
        let outputs = ["fig.png", "fig.pdf", "fig.svg"].map { folder.appendingPathComponent($0).path }
        let result = try heatgrid(["render", flagshipSpec.path] + outputs.flatMap { ["-o", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(in: folder) == ["fig.png", "fig.pdf", "fig.svg"])

        // PNG: 180 x 80 mm at 300 dpi, DPI recorded, every cell decodes back to its value.
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: outputs[0])))
        #expect(abs((PNGChunks.dpi(of: png) ?? 0) - 300) < 0.01)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec),
                                                  baseURL: flagshipSpec.deletingLastPathComponent())
        let image = try #require(RasterImage(pngFile: outputs[0]))
        #expect(image.width == 2126 && image.height == 945)
        let checked = try verifyCellColours(figure: figure, png: URL(fileURLWithPath: outputs[0]), dpi: 300,
                                            colormap: BuiltInColormaps.viridis, domain: 0...0.003)
        #expect(checked == 8 * 32 * 32)

        // PDF: every label extractable, fonts embedded, structure valid.
        let text = try run(tool("pdftotext"), ["-layout", outputs[1], "-"]).stdout
        for label in ["Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making", "Semantic Understanding",
                      "Syntactic Understanding", "Inference", "Math Calculation", "Layer", "Head", "Heads Importance",
                      "0.0000", "0.0025", "0.0030+", "30"] {
            #expect(text.contains(label), "pdftotext misses '\(label)'")
        }
        let fonts = try run(tool("pdffonts"), [outputs[1]]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts { #expect(line.contains(" yes yes "), "font not embedded with ToUnicode: \(line)") }
        #expect(try run(tool("qpdf"), ["--check", outputs[1]]).status == 0)

        // SVG: parses and rasterises with librsvg.
        let rasterised = folder.appendingPathComponent("svg.png").path
        #expect(try run(tool("rsvg-convert"), ["-o", rasterised, outputs[2]]).status == 0)
        #expect(RasterImage(pngFile: rasterised) != nil)
    }

    @Test func jsonSourceDrawsTheSameFigure() throws {
        let csv = try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec),
                                               baseURL: flagshipSpec.deletingLastPathComponent())
        let jsonSpec = packageRoot.appendingPathComponent("examples/cognitive-heads/figure-json.json")
        let json = try Renderer.standard.figure(for: try FigureSpec.load(from: jsonSpec),
                                                baseURL: jsonSpec.deletingLastPathComponent())
        #expect(csv.scene == json.scene)
    }

    @Test func flagshipSceneHasTheReferenceContent() throws {
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec),
                                                  baseURL: flagshipSpec.deletingLastPathComponent())
        let texts = figure.scene.texts
        #expect(texts.filter { $0.role == "panel-title" }.map(\.text) == [
            "Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making",
            "Semantic Understanding", "Syntactic Understanding", "Inference", "Math Calculation"])
        #expect(texts.filter { $0.role == "colorbar-tick" }.map(\.text)
            == ["0.0000", "0.0005", "0.0010", "0.0015", "0.0020", "0.0025", "0.0030+"])
        let bar = try #require(figure.layout.legendArea)
        #expect(bar.minY == figure.layout.panels[0].body.minY)
        #expect(abs(bar.maxY - figure.layout.panels[7].body.maxY) < 1e-9)
    }

    @Test func rendersAreByteIdentical() throws {
        let folder = temporaryFolder()
        for format in ["png", "pdf", "svg"] {
            let a = folder.appendingPathComponent("a.\(format)").path, b = folder.appendingPathComponent("b.\(format)").path
            #expect(try heatgrid(["render", flagshipSpec.path, "-o", a]).status == 0)
            #expect(try heatgrid(["render", flagshipSpec.path, "-o", b]).status == 0)
            #expect(FileManager.default.contentsEqual(atPath: a, andPath: b), "\(format) differs")
        }
    }
}
