import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing
import TestSupport

@Suite struct OtherDataTests {
    /// Three 10x20 panels of values in -2...2, rendered with domain [-1, 1] through the same spec keys.
    @Test func otherShapesAndDomainsDecodeBack() throws {
        let folder = temporaryFolder()
        var generator = SplitMix64(seed: 5)
        var csv = "model,layer,head,score\n"
        for panel in ["alpha", "beta", "gamma"] {
            for row in 0..<10 {
                for column in 0..<20 {
                    csv += "\(panel),\(row),\(column),\(Double.random(in: -2...2, using: &generator))\n"
                }
            }
        }
        try write(csv, to: "scores.csv", in: folder)
        let spec = try write("""
            {"data": {"path": "scores.csv", "panel": "model", "row": "layer", "column": "head", "value": "score"},
             "scale": {"domain": [-1, 1]}, "layout": {"rows": 1, "columns": 3},
             "size": {"width": "160mm", "height": "50mm"}}
            """, to: "spec.json", in: folder)
        let png = folder.appendingPathComponent("out.png")
        let result = try heatgrid(["render", spec.path, "-o", png.path, "--dpi", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        #expect(figure.scene.texts.filter { $0.role == "colorbar-tick" }.first?.text == "\u{2264}\u{2212}1.0")
        #expect(figure.scene.texts.filter { $0.role == "y-title" }.first?.text == "Layer")
        let checked = try verifyCellColours(figure: figure, png: png, dpi: 200, colormap: BuiltInColormaps.viridis,
                                            domain: -1...1)
        #expect(checked == 3 * 10 * 20)
    }

    /// `HEATGRID_NO_MMAP=1` (for sanitizer runs) reads files into memory instead of mapping them:
    /// the same data either way, CSV and .npy, and `--timing` reports the throughput.
    @Test func readingWithoutMappingGivesTheSameData() throws {
        let folder = temporaryFolder()
        // A 2x3 float64 .npy: magic, version 1.0, a header padded to 128 bytes, the values.
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }".utf8)
        header += Array(repeating: UInt8(ascii: " "), count: 128 - 10 - header.count - 1) + [UInt8(ascii: "\n")]
        var npy: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header
        for value in [0.5, 1.5, 2.5, 3.5, -1, 7] { npy += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        try Data(npy).write(to: folder.appendingPathComponent("m.npy"))
        let npySpec = try write(#"{"data": {"path": "m.npy"}}"#, to: "npy.json", in: folder)
        for spec in [flagshipSpec.path, npySpec.path] {
            let mapped = try heatgrid(["inspect", spec])
            let copied = try run(heatgridBinary, ["inspect", spec, "--timing"], environment: ["HEATGRID_NO_MMAP": "1"])
            #expect(mapped.status == 0 && copied.status == 0, "\(mapped.stderr)\(copied.stderr)")
            let lines = copied.stdout.split(separator: "\n")
            #expect(lines.dropLast().joined(separator: "\n") + "\n" == mapped.stdout)
            #expect(lines.last?.hasPrefix("loaded ") == true && lines.last?.hasSuffix(" MB/s)") == true, "\(copied.stdout)")
        }
    }

    @Test func badCellsAreDrawnInTheBadColour() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,1\nA,0,1,nan\nA,1,0,2\nA,1,1,3\n", to: "d.csv", in: folder)
        let spec = try write(#"{"data": {"path": "d.csv", "panel": "p", "row": "r", "column": "c", "value": "v"}, "layout": {"columns": 1}, "size": {"width": "60mm", "height": "50mm"}}"#,
                             to: "s.json", in: folder)
        let png = folder.appendingPathComponent("o.png")
        #expect(try heatgrid(["render", spec.path, "-o", png.path]).status == 0)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        let image = try #require(RasterImage(pngFile: png.path))
        let centre = figure.scene.cellGrids[0].center(row: 0, column: 1)
        #expect(image.pixel(x: Int(centre.x * 300 / 72), y: Int(centre.y * 300 / 72)) == Theme.paper.badColor)
    }
}
