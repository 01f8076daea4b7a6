import Foundation
import HeatGridCore
import Testing
@testable import CairoBackend

/// Cell grids written into PDFs by HeatGrid (an incremental update over cairo's placeholders):
/// the pages must show every cell in its colour, in files qpdf finds valid.
@Suite struct PDFCellImagesTests {
    static let frame = Rect(x: 10, y: 10, width: 280, height: 280)

    /// A rows x columns grid cycling through `colours` distinct opaque colours, cell by cell.
    static func grid(rows: Int = 40, columns: Int = 50, colours: Int, alpha: UInt8 = 255) -> CellGrid {
        var rgba: [UInt8] = []
        for i in 0..<(rows * columns) {
            let k = (i * 7919) % colours  // neighbours differ, every colour used
            rgba += [UInt8(k % 256), UInt8((k / 256) * 40 % 256), UInt8(255 - k % 200), alpha]
        }
        return CellGrid(frame: frame, rows: rows, columns: columns, rgba: rgba)
    }

    static func scene(_ grid: CellGrid) -> Scene {
        Scene(size: Size(width: 300, height: 300), background: .white, items: [.cells(grid)])
    }

    /// Every cell centre of `grid` on page 1 of `pdf` (rasterised by pdftoppm) within 2/255 of its colour.
    static func expectCellsShown(_ grid: CellGrid, in pdf: [UInt8]) throws {
        let page = try rasterise(pdf, dpi: 144)
        var wrong = 0
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let centre = grid.center(row: row, column: column)
                let pixel = page.pixel(x: Int(centre.x * 2), y: Int(centre.y * 2))
                let i = (row * grid.columns + column) * 4
                let errors = [pixel.red, pixel.green, pixel.blue].enumerated().map { abs($1 * 255 - Double(grid.rgba[i + $0])) }
                if errors.contains(where: { $0 > 2 }) { wrong += 1 }
            }
        }
        #expect(wrong == 0, "\(wrong) of \(grid.rows * grid.columns) cells show the wrong colour")
    }

    static func rasterise(_ pdf: [UInt8], dpi: Int) throws -> RasterImage {
        let file = temporaryFile("page.pdf")
        try Data(pdf).write(to: file)
        let prefix = file.deletingPathExtension().path
        #expect(try runTool("pdftoppm", ["-png", "-r", "\(dpi)", "-singlefile", file.path, prefix]) == 0)
        return try #require(RasterImage(pngFile: prefix + ".png"))
    }

    @discardableResult
    static func runTool(_ name: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func qpdfCheck(_ pdf: [UInt8]) throws -> Int32 {
        let file = temporaryFile("check.pdf")
        try Data(pdf).write(to: file)
        return try runTool("qpdf", ["--check", file.path])
    }

    /// Up to 256 colours: an indexed image (one byte per cell); more: RGB. Both lossless.
    @Test(arguments: [200, 1000]) func everyCellKeepsItsColour(colours: Int) throws {
        let grid = Self.grid(colours: colours)
        let pdf = try CairoBackend().render(Self.scene(grid), format: "pdf", options: RenderOptions())
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/Width 50 /Height 40"))
        #expect(text.contains(colours <= 256 ? "/ColorSpace [/Indexed /DeviceRGB 199 <" : "/ColorSpace /DeviceRGB"))
        #expect(text.contains("/Interpolate false"))
        #expect(try Self.qpdfCheck(pdf) == 0)
        try Self.expectCellsShown(grid, in: pdf)
    }

    /// A translucent grid needs a soft mask: cairo writes it, and no update is appended.
    @Test func translucentGridsAreLeftToCairo() throws {
        let grid = Self.grid(colours: 10, alpha: 128)
        let pdf = String(decoding: try CairoBackend().render(Self.scene(grid), format: "pdf", options: RenderOptions()), as: UTF8.self)
        #expect(pdf.contains("/SMask"))
        #expect(!pdf.contains("/Prev"))
    }

    /// Newer cairo versions end files with an xref stream (PDF 1.5): the update then is one too.
    /// qpdf rewrites cairo's file that way, placeholder included.
    @Test func updatesFilesWhoseCrossReferenceIsAStream() throws {
        let grid = Self.grid(colours: 300)
        let (original, placeheld) = try CairoBackend().renderPDF(Self.scene(grid), options: RenderOptions())
        #expect(placeheld == [grid])
        let input = temporaryFile("in.pdf"), output = temporaryFile("streams.pdf")
        try Data(original).write(to: input)
        #expect(try Self.runTool("qpdf", ["--object-streams=generate", input.path, output.path]) == 0)
        let streams = try [UInt8](Data(contentsOf: output))
        #expect(PDFBytes(streams).lastTrailer()?.isStream == true)

        let pdf = try PDFCellImages.appending(placeheld, to: streams)
        #expect(String(decoding: pdf.suffix(400), as: UTF8.self).contains("/Type /XRef"))
        #expect(try Self.qpdfCheck(pdf) == 0)
        try Self.expectCellsShown(grid, in: pdf)
    }

    @Test func aMissingPlaceholderFallsBackToCairosOwnImages() throws {
        let (pdf, _) = try CairoBackend().renderPDF(Scene(size: Size(width: 100, height: 100), background: .white, items: []),
                                                    options: RenderOptions())
        #expect(throws: PDFCellImages.MissingPlaceholder.self) { try PDFCellImages.appending([Self.grid(colours: 3)], to: pdf) }
        // A body a fraction of a point tall: cairo leaves its placeholder out, so cairo draws the
        // grid itself and the file is still a valid PDF with the other grid's every cell.
        let big = Self.grid(colours: 3)
        let tiny = CellGrid(frame: Rect(x: 10, y: 300, width: 40, height: 0.004), rows: 1, columns: 40,
                            rgba: Array(repeating: [200, 30, 30, 255], count: 40).flatMap { $0 })
        var scene = Self.scene(big)
        scene.size.height = 320
        scene.items.append(.cells(tiny))
        let file = try CairoBackend().render(scene, format: "pdf", options: RenderOptions())
        #expect(try Self.qpdfCheck(file) == 0)
        try Self.expectCellsShown(big, in: file)
    }
}
