import Foundation
import Testing
import HeatGridCore
@testable import CairoBackend
@_exported import TestSupport

/// A path for `name` in a fresh temporary folder.
func temporaryFile(_ name: String) -> URL { temporaryFolder(prefix: "heatgrid-cairo").appendingPathComponent(name) }

/// A 100x50 pt scene: a 2x4 cell grid with known colours, a framed box and a label.
func sampleScene() throws -> Scene {
    let colors: [RGBA] = ["#ff0000", "#00ff00", "#0000ff", "#ffff00", "#440154", "#fde725", "#21918c", "#000000"]
        .map { RGBA(hex: $0)! }
    let rgba = colors.flatMap { c in [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) } }
    let font = FontSpec(family: "DejaVu Sans", size: 8)
    let m = try FontTextMeasurer().measure("Head", font: font)
    return Scene(size: Size(width: 100, height: 50), background: .white, items: [
        .cells(CellGrid(frame: Rect(x: 10, y: 5, width: 40, height: 20), rows: 2, columns: 4, rgba: rgba)),
        .rect(RectItem(rect: Rect(x: 10, y: 5, width: 40, height: 20), stroke: .black, lineWidth: 0.5)),
        .text(TextItem(text: "Head", font: font, origin: Point(x: 10, y: 40), angle: 0, color: .black,
                       bounds: Rect(x: 10, y: 40 - m.ascent, width: m.width, height: m.height), role: "x-title")),
    ])
}

@Suite struct CairoBackendTests {
    @Test func pngCellCentresHoldTheExactColours() throws {
        let scene = try sampleScene()
        let bytes = try CairoBackend().render(scene, format: "png", options: RenderOptions(dpi: 144))
        let url = temporaryFile("cells.png")
        try Data(bytes).write(to: url)
        let image = try #require(RasterImage(pngFile: url.path))
        #expect(image.width == 200 && image.height == 100)
        let grid = scene.cellGrids[0]
        for row in 0..<2 {
            for column in 0..<4 {
                let c = grid.center(row: row, column: column)
                let i = (row * 4 + column) * 4
                let expected = RGBA(red: Double(grid.rgba[i]) / 255, green: Double(grid.rgba[i + 1]) / 255,
                                    blue: Double(grid.rgba[i + 2]) / 255)
                #expect(image.pixel(x: Int(c.x * 2), y: Int(c.y * 2)) == expected)
            }
        }
    }

    @Test func pngRecordsItsDPI() throws {
        let bytes = try CairoBackend().render(try sampleScene(), format: "png", options: RenderOptions(dpi: 300))
        let dpi = try #require(PNGChunks.dpi(of: bytes))
        #expect(abs(dpi - 300) < 0.01)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(RasterImage(pngFile: try { let u = temporaryFile("d.png"); try Data(bytes).write(to: u); return u.path }()) != nil)
    }

    @Test func vectorOutputsAreReproducible() throws {
        let scene = try sampleScene()
        for format in ["pdf", "svg", "png"] {
            let a = try CairoBackend().render(scene, format: format, options: RenderOptions(creationDate: 1_700_000_000))
            let b = try CairoBackend().render(scene, format: format, options: RenderOptions(creationDate: 1_700_000_000))
            #expect(a == b, "\(format) differs between two renders")
        }
        let pdf = try CairoBackend().render(scene, format: "pdf", options: RenderOptions(creationDate: 1_700_000_000))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("20231114221320"))  // SOURCE_DATE_EPOCH 1700000000
        #expect(text.contains("/Interpolate false"))
    }

    @Test func svgDrawsCellsAsOnePathPerColourInCellUnits() throws {
        let svg = String(decoding: try CairoBackend().render(try sampleScene(), format: "svg", options: RenderOptions()),
                         as: UTF8.self)
        #expect(svg.contains("width=\"100pt\" height=\"50pt\" viewBox=\"0 0 100 50\""))
        #expect(!svg.contains("<image"))
        // One crisp group maps cells to the page: 10 pt cells from (10, 5).
        #expect(svg.contains(##"<g shape-rendering="crispEdges" transform="matrix(10 0 0 10 10 5)">"##))
        // The most common colour (here the first of eight equals) fills the frame, then each other
        // colour is one path: cell (1, 0) is #440154.
        #expect(svg.contains(##"<path fill="#ff0000" d="M0 0h4v2h-4z"/>"##))
        #expect(svg.contains(##"<path fill="#440154" d="M0 1h1v1h-1z"/>"##))
        #expect(svg.components(separatedBy: "<path fill=\"#").count - 1 == 8)
        // The frame, drawn after the cells over the same rectangle, follows them.
        let cells = try #require(svg.range(of: "</g>"))
        #expect(svg[cells.upperBound...].contains(##"<rect x="10" y="5" width="40" height="20" fill="none" stroke="#000000" stroke-width="0.5"/>"##))
    }

    /// Equal cells merge into rectangles: across a row, and down while the whole span below matches.
    @Test func svgMergesEqualCellsIntoRectangles() throws {
        let a: [UInt8] = [10, 20, 30, 255], b: [UInt8] = [200, 100, 0, 255], clear: [UInt8] = [0, 0, 0, 0]
        // a a b      rows 0-1: a 2x2 block and a b column; row 2: b b, then a masked cell
        // a a b
        // b b _
        let rgba = [a, a, b, a, a, b, b, b, clear].flatMap { $0 }
        let grid = CellGrid(frame: Rect(x: 0, y: 0, width: 3, height: 3), rows: 3, columns: 3, rgba: rgba)
        let svg = SVGCells.rectangles(grid)
        // Not opaque (a masked cell), so no frame fill: every colour is drawn, the masked cell never.
        #expect(svg.contains(##"<path fill="#0a141e" d="M0 0h2v2h-2z"/>"##))
        #expect(svg.contains(##"<path fill="#c86400" d="M2 0h1v2h-1zm-2 2h2v1h-2z"/>"##))
        #expect(svg.components(separatedBy: "<path").count - 1 == 2)
    }

    @Test func kerningNarrowsAV() throws {
        let font = FontSpec(family: "DejaVu Sans", size: 100)
        let measurer = FontTextMeasurer()
        let pair = try measurer.measure("AV", font: font).width
        let apart = try measurer.measure("A", font: font).width + measurer.measure("V", font: font).width
        #expect(pair < apart - 1)
    }

    @Test func metricsScaleWithSize() throws {
        let small = try FontTextMeasurer().measure("Layer", font: FontSpec(family: "DejaVu Sans", size: 6))
        let large = try FontTextMeasurer().measure("Layer", font: FontSpec(family: "DejaVu Sans", size: 12))
        #expect(abs(large.width - 2 * small.width) < 1e-9)
        #expect(small.ascent > 0 && small.descent > 0)
    }

    @Test func missingFontFamilyIsAClearError() {
        #expect {
            try FontTextMeasurer().measure("x", font: FontSpec(family: "No Such Font Family", size: 8))
        } throws: { "\($0)".contains("'No Such Font Family' is not installed") }
    }
}
