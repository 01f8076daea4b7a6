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
}
