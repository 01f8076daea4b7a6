import Foundation
import HeatGrid
import Testing

@Suite struct FormatEquivalenceTests {
    /// Every theme's PDF embeds its fonts (with ToUnicode maps) and keeps the labels extractable.
    @Test(arguments: themeSizes.map(\.name))
    func everyThemeEmbedsItsFonts(theme name: String) throws {
        let size = try #require(themeSizes.first { $0.name == name })
        let folder = temporaryFolder()
        let spec = try flagshipVariant(#""theme": "\#(name)", "size": {"width": "\#(size.width)", "height": "\#(size.height)"}"#, in: folder)
        let pdf = folder.appendingPathComponent("\(name).pdf").path
        let result = try heatgrid(["render", spec.path, "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let fonts = try run(tool("pdffonts"), [pdf]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts { #expect(line.contains(" yes yes "), "\(name): font not embedded with ToUnicode: \(line)") }
        #expect(try run(tool("pdftotext"), [pdf, "-"]).stdout.contains("Heads Importance"))
    }

    /// The flagship data as a NumPy array (8 x 32 x 32 float64, little-endian, C order) draws the
    /// same cells as the CSV it came from.
    @Test func npyDrawsTheSameCellsAsTheCSV() throws {
        let csv = try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec),
                                               baseURL: flagshipSpec.deletingLastPathComponent())
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (8, 32, 32), }".utf8)
        while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
        header.append(0x0A)
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header
        for panel in csv.dataset.panels {
            for value in panel.matrix.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        }
        let folder = temporaryFolder()
        try Data(bytes).write(to: folder.appendingPathComponent("heads.npy"))
        var spec = try FigureSpec.load(from: flagshipSpec)
        spec.data = DataSpec(path: "heads.npy")
        let npy = try Renderer.standard.figure(for: spec, baseURL: folder)
        #expect(npy.dataset.panels.map(\.matrix) == csv.dataset.panels.map(\.matrix))
        #expect(npy.scene.cellGrids.map(\.rgba) == csv.scene.cellGrids.map(\.rgba))
    }
}
