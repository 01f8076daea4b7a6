import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// Warnings for colormaps that are not perceptually uniform (measured in CIELAB), and renders as
/// seen with colour-vision deficiencies (Machado et al. 2009).
@Suite struct MisleadingColourTests {
    /// matplotlib's jet from its segment data, and hsv: 256 colours each, as a colormap file.
    static func table(_ color: (Double) -> (Double, Double, Double)) -> String {
        "[" + (0..<256).map { i -> String in
            let (r, g, b) = color(Double(i) / 255)
            return "\"" + String(format: "#%02x%02x%02x", Int((r * 255).rounded()), Int((g * 255).rounded()), Int((b * 255).rounded())) + "\""
        }.joined(separator: ",") + "]"
    }
    static func piecewise(_ x: Double, _ points: [(Double, Double)]) -> Double {
        for (a, b) in zip(points, points.dropFirst()) where a.0 <= x && x <= b.0 {
            return b.0 > a.0 ? a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0) : b.1
        }
        return points.last!.1
    }
    static let jet = table { t in
        (piecewise(t, [(0, 0), (0.35, 0), (0.66, 1), (0.89, 1), (1, 0.5)]),
         piecewise(t, [(0, 0), (0.125, 0), (0.375, 1), (0.64, 1), (0.91, 0), (1, 0)]),
         piecewise(t, [(0, 0.5), (0.11, 1), (0.34, 1), (0.65, 0), (1, 0)]))
    }
    static let hsv = table { t in
        let h = t * 6, x = 1 - abs(h.truncatingRemainder(dividingBy: 2) - 1)
        switch Int(h) % 6 { case 0: return (1, x, 0); case 1: return (x, 1, 0); case 2: return (0, 1, x)
                            case 3: return (0, x, 1); case 4: return (x, 0, 1); default: return (1, 0, x) }
    }

    @Test func rainbowsWarnAndUniformMapsDoNot() throws {
        let folder = temporaryFolder()
        try write(Self.jet, to: "jet.json", in: folder)
        try write(Self.hsv, to: "hsv.json", in: folder)
        let available = Set(PluginRegistry.standard.colormaps.keys)
        for name in ["jet", "hsv"] {
            let map = try Renderer.standard.colormap(ColormapSpec(name: folder.appendingPathComponent("\(name).json").path), relativeTo: nil)
            let warning = try #require(ColormapAudit.warning(for: map, available: available), "\(name) should warn")
            #expect(warning.contains("not perceptually uniform"))
            #expect(warning.contains(name == "jet" ? "lightness" : "faster"), "\(warning)")
            #expect(warning.contains(name == "jet" ? "'batlow'" : "'romaO'"), "a uniform map of the same kind: \(warning)")
        }
        // Maps designed to be uniform pass, of every kind and source; the library's rainbows do not.
        let registry = PluginRegistry.standard
        for name in ["viridis", "magma", "cividis", "batlow", "vik", "roma", "romaO", "berlin", "RdBu", "coolwarm", "twilight",
                     "Blues", "Greys", "thermal", "balance", "fire", "CET_L1", "Spectral", "PiYG", "cubehelix", "tab10", "Set1"] {
            let warning = ColormapAudit.warning(for: try registry.colormap(named: name), available: available)
            #expect(warning == nil, "\(name): \(warning ?? "")")
        }
        for name in ["jet", "hsv", "rainbow", "turbo", "gist_rainbow", "nipy_spectral"] {
            #expect(ColormapAudit.warning(for: try registry.colormap(named: name), available: available) != nil, "\(name) should warn")
        }
    }

    @Test func theToolWarnsOnStderrRendersAnywayAndQuietSilences() throws {
        let folder = temporaryFolder()
        let jet = try write(Self.jet, to: "jet.json", in: folder)
        let png = folder.appendingPathComponent("f.png")
        let loud = try heatgrid(["render", flagshipSpec.path, "--colormap", jet.path, "-o", png.path])
        #expect(loud.status == 0 && FileManager.default.fileExists(atPath: png.path))
        #expect(loud.stderr.hasPrefix("heatgrid: warning: ") && loud.stderr.contains("colormap 'jet' is not perceptually uniform"), "\(loud.stderr)")
        let quiet = try heatgrid(["render", flagshipSpec.path, "--colormap", jet.path, "--quiet", "-o", png.path])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        let uniform = try heatgrid(["render", flagshipSpec.path, "-o", png.path])
        #expect(uniform.stderr.isEmpty, "\(uniform.stderr)")
    }

    @Test func colourVisionMatchesMachadosMatrices() {
        // Pure red in linear light is (1, 0, 0): the simulation is the matrix's first column.
        func encoded(_ c: Double) -> Double { c <= 0.0031308 ? 12.92 * max(c, 0) : 1.055 * pow(min(c, 1), 1 / 2.4) - 0.055 }
        let red = RGBA(red: 1, green: 0, blue: 0)
        let deutan = ColorVision.deuteranopia.simulate(red)
        #expect(abs(deutan.red - encoded(0.367322)) < 1e-9 && abs(deutan.green - encoded(0.280085)) < 1e-9 && deutan.blue == 0)
        let protan = ColorVision.protanopia.simulate(red)
        #expect(abs(protan.red - encoded(0.152286)) < 1e-9 && abs(protan.green - encoded(0.114503)) < 1e-9)
        let grey = ColorVision.grey.simulate(RGBA(red: 0, green: 1, blue: 0))
        #expect(abs(grey.red - encoded(0.7152)) < 1e-9 && grey.red == grey.green && grey.green == grey.blue)
    }

    @Test func theColormapSheetAsSeenInGreyHasNoColourLeft() throws {
        let folder = temporaryFolder()
        let grey = folder.appendingPathComponent("grey.png"), plain = folder.appendingPathComponent("plain.png")
        #expect(try heatgrid(["colormaps", "--kind", "diverging", "--cvd", "grey", "-o", grey.path]).status == 0)
        #expect(try heatgrid(["colormaps", "--kind", "diverging", "-o", plain.path]).status == 0)
        let seen = try #require(RasterImage(pngFile: grey.path)), colour = try #require(RasterImage(pngFile: plain.path))
        var coloured = 0
        for y in stride(from: 0, to: seen.height, by: 7) {
            for x in stride(from: 0, to: seen.width, by: 7) {
                let p = seen.pixel(x: x, y: y)
                #expect(abs(p.red - p.green) < 0.01 && abs(p.green - p.blue) < 0.01, "(\(x), \(y)) \(p.hex)")
                let c = colour.pixel(x: x, y: y)
                if abs(c.red - c.blue) > 0.2 { coloured += 1 }
            }
        }
        #expect(coloured > 100, "the plain sheet has colour to lose")
    }

    @Test func renderAsSeenInGreyDrawsEveryCellInItsLuminance() throws {
        let png = temporaryFolder().appendingPathComponent("grey.png")
        let result = try heatgrid(["render", flagshipSpec.path, "--cvd", "grey", "-o", png.path, "--dpi", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec), baseURL: flagshipSpec.deletingLastPathComponent())
        let image = try #require(RasterImage(pngFile: png.path))
        let grid = figure.scene.cellGrids[1]
        for (r, c) in [(0, 0), (19, 8), (25, 20), (31, 31)] {
            let k = 4 * (r * grid.columns + c)
            let drawn = RGBA(red: Double(grid.rgba[k]) / 255, green: Double(grid.rgba[k + 1]) / 255, blue: Double(grid.rgba[k + 2]) / 255)
            let centre = grid.center(row: r, column: c)
            let found = image.pixel(x: Int(centre.x * 100 / 72), y: Int(centre.y * 100 / 72))
            let expected = ColorVision.grey.simulate(drawn)
            #expect(close(found, expected) && abs(found.red - found.blue) < 0.01, "(\(r), \(c)): \(found.hex) vs \(expected.hex)")
        }
        #expect(try heatgrid(["render", flagshipSpec.path, "--cvd", "purple", "-o", png.path]).stderr.contains("--cvd: expected deuteranopia"))
    }
}
