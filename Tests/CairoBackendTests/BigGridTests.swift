import Foundation
import HeatGridCore
import Testing
@testable import CairoBackend

@Suite struct BigGridTests {
    /// A 512x512 checkerboard of two colours.
    func checkerScene() -> Scene {
        let n = 512
        var rgba = [UInt8](repeating: 255, count: n * n * 4)
        for r in 0..<n { for c in 0..<n where (r + c) % 2 == 0 {
            rgba[(r * n + c) * 4] = 0; rgba[(r * n + c) * 4 + 1] = 0
        } }
        return Scene(size: Size(width: 300, height: 300), background: .white,
                     items: [.cells(CellGrid(frame: Rect(x: 10, y: 10, width: 280, height: 280), rows: n, columns: n, rgba: rgba))])
    }

    /// Big grids go into SVG as one image marked pixelated, not a quarter of a million rectangles,
    /// and into PDF as one image with /Interpolate false.
    @Test func bigGridsStayCompactInVectorFormats() throws {
        let svg = String(decoding: try CairoBackend().render(checkerScene(), format: "svg", options: RenderOptions()), as: UTF8.self)
        #expect(svg.components(separatedBy: "<image ").count == 2)
        #expect(svg.contains(#"style="image-rendering:pixelated""#))
        #expect(!svg.contains("<rect x=\"10\" y=\"10.546"))
        #expect(svg.utf8.count < 3_000_000)
        let pdf = String(decoding: try CairoBackend().render(checkerScene(), format: "pdf", options: RenderOptions()), as: UTF8.self)
        // cairo's 4x1 placeholder, and the grid itself: two colours, so indexed (see PDFCellImages).
        #expect(pdf.components(separatedBy: "/Subtype /Image").count == 3)
        #expect(pdf.contains("/Width 512 /Height 512 /BitsPerComponent 8 /Interpolate false"))
        #expect(pdf.contains("/ColorSpace [/Indexed /DeviceRGB 1 <"))
        #expect(pdf.utf8.count < 100_000)
    }

    /// A grid past the rectangle limit is one inline PNG that librsvg reads (cairo's own could
    /// not be: its 8 x 1024² figures failed to parse), showing every cell in its colour.
    @Test func bigGridSVGRendersCellByCell() throws {
        let n = 300  // 90,000 cells: an image
        let grid = PDFCellImagesTests.grid(rows: n, columns: n, colours: 1000)
        let svg = try CairoBackend().render(PDFCellImagesTests.scene(grid), format: "svg", options: RenderOptions())
        #expect(String(decoding: svg, as: UTF8.self).contains("<image x=\"10\" y=\"10\" width=\"280\" height=\"280\""))
        let file = temporaryFile("big.svg"), png = file.deletingPathExtension().appendingPathExtension("png")
        try Data(svg).write(to: file)
        let zoom = 4.0  // librsvg draws 96/72 px per point, times this
        #expect(try PDFCellImagesTests.runTool("rsvg-convert", ["-z", "\(zoom)", "-o", png.path, file.path]) == 0)
        let page = try #require(RasterImage(pngFile: png.path))
        var wrong = 0
        for row in stride(from: 0, to: n, by: 7) {
            for column in stride(from: 0, to: n, by: 3) {
                let centre = grid.center(row: row, column: column)
                let pixel = page.pixel(x: Int(centre.x * zoom * 96 / 72), y: Int(centre.y * zoom * 96 / 72))
                let i = (row * n + column) * 4
                let errors = [pixel.red, pixel.green, pixel.blue].enumerated().map { abs($1 * 255 - Double(grid.rgba[i + $0])) }
                if errors.contains(where: { $0 > 3 }) { wrong += 1 }
            }
        }
        #expect(wrong == 0, "\(wrong) sampled cells show the wrong colour")
    }
}

extension BigGridTests {
    /// Several big grids of noise side by side: their images pass libxml2's 10 MB lookahead limit
    /// together, yet librsvg (without --unlimited) reads the file and shows every grid.
    @Test func consecutiveBigImagesStayReadableByLibrsvg() throws {
        var random = SplitMix64(seed: 13)
        let n = 1000, count = 3  // 2000x2000 pixels of noise each: about 4 MB of base64 per image
        let grids = (0..<count).map { k in
            var rgba = [UInt8](repeating: 255, count: n * n * 4)
            for i in stride(from: 0, to: rgba.count, by: 4) {
                let bits = random.next()
                rgba[i] = UInt8(truncatingIfNeeded: bits); rgba[i + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                rgba[i + 2] = UInt8(truncatingIfNeeded: bits >> 16)
            }
            return CellGrid(frame: Rect(x: 10 + Double(k) * 110, y: 10, width: 100, height: 100), rows: n, columns: n, rgba: rgba)
        }
        let scene = Scene(size: Size(width: 340, height: 120), background: .white, items: grids.map { .cells($0) })
        let svg = try CairoBackend().render(scene, format: "svg", options: RenderOptions())
        #expect(svg.count > 10_500_000)
        let file = temporaryFile("big.svg"), png = file.deletingPathExtension().appendingPathExtension("png")
        try Data(svg).write(to: file)
        #expect(try PDFCellImagesTests.runTool("rsvg-convert", ["-o", png.path, file.path]) == 0)
        let page = try #require(RasterImage(pngFile: png.path))
        for grid in grids {
            // Noise averages to mid grey over a patch (the white page would be 255): every image drawn.
            let centre = grid.center(row: n / 2, column: n / 2)
            var sum = 0.0
            for dy in -10..<10 { for dx in -10..<10 {
                let p = page.pixel(x: Int(centre.x * 4 / 3) + dx, y: Int(centre.y * 4 / 3) + dy)
                sum += (p.red + p.green + p.blue) * 255 / 3
            } }
            #expect(abs(sum / 400 - 127.5) < 20, "the grid at x = \(grid.frame.x) averages \(sum / 400)")
        }
    }
}

/// Rasters of grids with more cells than pixels average the cells under each pixel.
@Suite struct RasterDownsamplingTests {
    func render(_ rgba: [UInt8], cells n: Int) throws -> RasterImage {
        let scene = Scene(size: Size(width: 100, height: 100), background: .white,
                          items: [.cells(CellGrid(frame: Rect(x: 0, y: 0, width: 100, height: 100), rows: n, columns: n, rgba: rgba))])
        let png = try CairoBackend().render(scene, format: "png", options: RenderOptions(dpi: 72))  // 1 pixel per point
        let file = temporaryFile("d.png")
        try Data(png).write(to: file)
        return try #require(RasterImage(pngFile: file.path))
    }

    /// A black and white checker of 2x2 cells per pixel is mid grey, not black or white at random.
    @Test func aCheckerAveragesToGrey() throws {
        let n = 200
        var rgba: [UInt8] = []
        for r in 0..<n { for c in 0..<n { let v: UInt8 = (r + c) % 2 == 0 ? 0 : 255; rgba += [v, v, v, 255] } }
        let image = try render(rgba, cells: n)
        for y in stride(from: 2, to: 98, by: 5) {
            for x in stride(from: 2, to: 98, by: 5) {
                let grey = image.pixel(x: x, y: y).red * 255
                #expect(abs(grey - 127.5) <= 1.5, "pixel (\(x), \(y)) is \(grey)")
            }
        }
    }

    /// One white cell among 160,000 black ones still shows: its pixel averages 16 cells.
    @Test func aLoneHotCellIsNotDropped() throws {
        let n = 400
        var rgba = [UInt8](repeating: 0, count: n * n * 4)
        for i in stride(from: 3, to: rgba.count, by: 4) { rgba[i] = 255 }
        let hot = (201 * n + 203) * 4
        rgba[hot] = 255; rgba[hot + 1] = 255; rgba[hot + 2] = 255
        let image = try render(rgba, cells: n)
        #expect(abs(image.pixel(x: 50, y: 50).red * 255 - 255.0 / 16) <= 1.5)
        #expect(image.pixel(x: 49, y: 50).red == 0 && image.pixel(x: 50, y: 49).red == 0)
    }
}
