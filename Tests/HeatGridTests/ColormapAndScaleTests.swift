import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// Renders `spec` (written into `folder`) to a PNG at `dpi` through the CLI and returns the figure
/// the Swift API builds for the same spec, with the PNG's URL.
func renderThroughCLI(_ spec: String, in folder: URL, dpi: Double = 100,
                      extra: [String] = []) throws -> (figure: Figure, png: URL) {
    let specURL = try write(spec, to: "spec-\(UUID().uuidString).json", in: folder)
    let png = folder.appendingPathComponent("\(UUID().uuidString).png")
    let result = try heatgrid(["render", specURL.path, "-o", png.path, "--dpi", "\(dpi)"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    var spec = try FigureSpec.load(from: specURL)
    spec = SpecOverrides(colormap: extra.firstIndex(of: "--colormap").map { extra[$0 + 1] }).applied(to: spec)
    return (try Renderer.standard.figure(for: spec, baseURL: folder), png)
}

/// The colour at the centre of `figure`'s cell (panel, row, column) in the PNG.
func cellPixel(_ figure: Figure, png: URL, dpi: Double, panel: Int, row: Int, column: Int) throws -> RGBA {
    let image = try #require(RasterImage(pngFile: png.path))
    let centre = figure.scene.cellGrids[panel].center(row: row, column: column)
    return image.pixel(x: Int(centre.x * dpi / 72), y: Int(centre.y * dpi / 72))
}

/// Whether two colours agree to within one 8-bit step per channel.
func close(_ a: RGBA, _ b: RGBA) -> Bool {
    abs(a.red - b.red) <= 1.01 / 255 && abs(a.green - b.green) <= 1.01 / 255 && abs(a.blue - b.blue) <= 1.01 / 255
}

@Suite struct ColormapSwapTests {
    /// The twelve colormaps HeatGrid shipped before its library, and their `_r` twins: cell
    /// centres decode back to the values (the library's every source: ColormapLibraryTests).
    @Test(arguments: ["viridis", "magma", "inferno", "plasma", "cividis", "turbo", "twilight", "greys", "blues", "rdbu",
                      "coolwarm", "rdylbu"])
    func flagshipDecodesThroughEarlierColormaps(name: String) throws {
        let folder = temporaryFolder()
        let colormap = try #require(BuiltInColormaps.named(name)).lookupTable
        for (colormapName, table) in [(name, colormap), (name.uppercased() + "_r", colormap.reversed)] {
            let png = folder.appendingPathComponent("\(colormapName).png")
            let result = try heatgrid(["render", flagshipSpec.path, "-o", png.path, "--dpi", "100", "--colormap", colormapName])
            #expect(result.status == 0, "\(result.stderr)")
            var spec = try FigureSpec.load(from: flagshipSpec)
            spec.colormap = ColormapSpec(name: colormapName)
            let figure = try Renderer.standard.figure(for: spec, baseURL: flagshipSpec.deletingLastPathComponent())
            let checked = try verifyCellColours(figure: figure, png: png, dpi: 100, colormap: table, domain: 0...0.003)
            #expect(checked == 8 * 32 * 32)
        }
    }

    @Test func unknownColormapNamesTheClosestOnes() throws {
        let result = try heatgrid(["render", flagshipSpec.path, "-o", "/tmp/never.png", "--colormap", "magam"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown colormap 'magam'; did you mean 'magma'"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.png"))
    }

    @Test func cptAndCSVColormapFilesRender() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,0.1\nA,0,1,0.3\nA,1,0,0.6\nA,1,1,0.9\n", to: "d.csv", in: folder)
        // A discrete GMT palette of 4 equal slices, as cpt-city ships them.
        try write("# COLOR_MODEL = RGB\n0 255 0 0 0.25 255 0 0\n0.25 0 255 0 0.5 0 255 0\n0.5 0 0 255 0.75 0 0 255\n0.75 255 255 0 1 255 255 0\nB 0 0 0\nF 255 255 255\nN 128 128 128\n",
                  to: "four.cpt", in: folder)
        try write("r,g,b\n0,0,0\n255,255,255\n", to: "bw.csv", in: folder)
        let base = #"{"data": {"path": "d.csv", "panel": "p", "row": "r", "column": "c", "value": "v"}, "scale": {"domain": [0, 1]}, "layout": {"columns": 1}, "size": {"width": "60mm", "height": "50mm"}, "colormap": "COLORMAP"}"#
        let (four, png) = try renderThroughCLI(base.replacingOccurrences(of: "COLORMAP", with: "four.cpt"), in: folder)
        let expected = [[RGBA(red: 1, green: 0, blue: 0), RGBA(red: 0, green: 1, blue: 0)],
                        [RGBA(red: 0, green: 0, blue: 1), RGBA(red: 1, green: 1, blue: 0)]]
        for row in 0..<2 { for column in 0..<2 {
            #expect(close(try cellPixel(four, png: png, dpi: 100, panel: 0, row: row, column: column), expected[row][column]))
        } }
        let (bw, png2) = try renderThroughCLI(base.replacingOccurrences(of: "COLORMAP", with: "bw.csv"), in: folder)
        #expect(close(try cellPixel(bw, png: png2, dpi: 100, panel: 0, row: 0, column: 0), .black))
        #expect(close(try cellPixel(bw, png: png2, dpi: 100, panel: 0, row: 1, column: 1), .white))  // 0.9 -> 2nd of 2
    }
}

@Suite struct ScaleEndToEndTests {
    static let decades = "p,r,c,v\nA,0,0,0.001\nA,0,1,0.01\nA,0,2,0.1\nA,1,0,1\nA,1,1,10\nA,1,2,100\n"
    static let spec = #"{"data": {"path": "d.csv", "panel": "p", "row": "r", "column": "c", "value": "v"}, "layout": {"columns": 1}, "size": {"width": "80mm", "height": "50mm"}, "scale": SCALE}"#

    @Test func logScaleSpreadsDecadesEvenly() throws {
        let folder = temporaryFolder()
        try write(Self.decades, to: "d.csv", in: folder)
        let (figure, png) = try renderThroughCLI(Self.spec.replacingOccurrences(of: "SCALE", with: #"{"type": "log"}"#), in: folder)
        let viridis = BuiltInColormaps.viridis
        // 0.001 ... 100 is five decades: the value 10^k sits at t = (k + 3) / 5.
        for (i, k) in [-3, -2, -1, 0, 1, 2].enumerated() {
            let t = Double(k + 3) / 5
            #expect(close(try cellPixel(figure, png: png, dpi: 100, panel: 0, row: i / 3, column: i % 3), viridis.color(at: t)),
                    "10^\(k)")
        }
        #expect(figure.scene.texts.filter { $0.role == "colorbar-tick" }.map(\.text) == ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"])
    }

    @Test func logScaleOnNonPositiveDataIsAClearError() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,-1\nA,0,1,5\n", to: "d.csv", in: folder)
        let spec = try write(Self.spec.replacingOccurrences(of: "SCALE", with: #"{"type": "log"}"#), to: "s.json", in: folder)
        let result = try heatgrid(["render", spec.path, "-o", folder.appendingPathComponent("o.png").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a log scale needs positive data") && result.stderr.contains("-1.0"))
        #expect(!files(in: folder).contains("o.png"))
    }

    @Test func divergingScaleKeepsZeroInTheMiddle() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,-1\nA,0,1,0\nA,1,0,2\nA,1,1,4\n", to: "d.csv", in: folder)
        let (figure, png) = try renderThroughCLI(Self.spec.replacingOccurrences(of: "SCALE", with: #"{"type": "diverging", "domain": [-1, 4]}"#)
            .replacingOccurrences(of: #""layout""#, with: #""colormap": "rdbu", "layout""#), in: folder)
        let rdbu = try #require(BuiltInColormaps.named("rdbu"))
        #expect(close(try cellPixel(figure, png: png, dpi: 100, panel: 0, row: 0, column: 0), rdbu.color(at: 0)))
        #expect(close(try cellPixel(figure, png: png, dpi: 100, panel: 0, row: 0, column: 1), rdbu.color(at: 0.5)))
        #expect(close(try cellPixel(figure, png: png, dpi: 100, panel: 0, row: 1, column: 0), rdbu.color(at: 0.75)))
    }

    @Test func extendClampAndAuto() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,0.5\nA,0,1,2\nA,1,0,0\nA,1,1,1\n", to: "d.csv", in: folder)
        let magenta = RGBA(hex: "#ff00ff")!
        // extend: the over-range cell takes the over colour and the colorbar shows a triangle in it.
        let extend = Self.spec.replacingOccurrences(of: "SCALE", with: #"{"domain": [0, 1], "over": "extend"}"#)
            .replacingOccurrences(of: #""layout""#, with: ##""colormap": {"name": "viridis", "over": "#ff00ff"}, "layout""##)
        let (figure, png) = try renderThroughCLI(extend, in: folder)
        #expect(close(try cellPixel(figure, png: png, dpi: 100, panel: 0, row: 0, column: 1), magenta))
        let triangles = figure.scene.items.compactMap { if case .polygon(let p) = $0, p.role == "colorbar-over" { p } else { nil } }
        #expect(triangles.count == 1 && triangles.first?.fill == magenta)
        let bar = try #require(figure.layout.legendArea)
        #expect(triangles[0].points.map(\.y).min()! == bar.minY)  // the tip is the bar's top
        #expect(!figure.scene.texts.contains { $0.text.hasSuffix("+") })
        // auto with nothing out of range: no triangle.
        let auto = Self.spec.replacingOccurrences(of: "SCALE", with: #"{"domain": [0, 2], "over": "auto", "under": "auto"}"#)
        let (autoFigure, _) = try renderThroughCLI(auto, in: folder)
        #expect(!autoFigure.scene.items.contains { if case .polygon(let p) = $0 { p.role.hasPrefix("colorbar-o") || p.role.hasPrefix("colorbar-u") } else { false } })
        // clamp: the top tick ends in "+".
        let clamp = Self.spec.replacingOccurrences(of: "SCALE", with: #"{"domain": [0, 1]}"#)
        let (clampFigure, _) = try renderThroughCLI(clamp, in: folder)
        #expect(clampFigure.scene.texts.filter { $0.role == "colorbar-tick" }.last?.text == "1.0+")
    }
}

@Suite struct AnnotationTests {
    @Test func cellValuesAreWrittenInContrastingColours() throws {
        let folder = temporaryFolder()
        try write("p,r,c,v\nA,0,0,0.05\nA,0,1,0.95\nA,1,0,0.5\nA,1,1,nan\n", to: "d.csv", in: folder)
        let spec = #"{"data": {"path": "d.csv", "panel": "p", "row": "r", "column": "c", "value": "v"}, "scale": {"domain": [0, 1]}, "annotations": {"format": "%.2f"}, "layout": {"columns": 1}, "size": {"width": "60mm", "height": "50mm"}}"#
        let (figure, png) = try renderThroughCLI(spec, in: folder, dpi: 200)
        let notes = figure.scene.texts.filter { $0.role == "cell-annotation" }
        #expect(notes.map(\.text) == ["0.05", "0.95", "0.50"])  // no label on the NaN cell
        #expect(notes[0].color == .white)   // dark viridis purple
        #expect(notes[1].color != .white)   // bright viridis yellow
        // The label is drawn: the cell's box holds pixels of the text colour, not only the cell colour.
        let image = try #require(RasterImage(pngFile: png.path))
        let box = notes[0].bounds
        var textPixels = 0
        for y in Int(box.minY * 200 / 72)...Int(box.maxY * 200 / 72) {
            for x in Int(box.minX * 200 / 72)...Int(box.maxX * 200 / 72) where image.pixel(x: x, y: y).luminance > 0.8 { textPixels += 1 }
        }
        #expect(textPixels > 10)
    }

    @Test func annotationsTooSmallToReadAreAClearError() throws {
        let folder = temporaryFolder()
        let spec = try String(contentsOf: flagshipSpec, encoding: .utf8)
            .replacingOccurrences(of: "cognitive-heads.csv", with: flagshipSpec.deletingLastPathComponent().appendingPathComponent("cognitive-heads.csv").path)
            .replacingOccurrences(of: "\"theme\"", with: "\"annotations\": true, \"theme\"")
        let url = try write(spec, to: "s.json", in: folder)
        let bad = try heatgrid(["render", url.path, "-o", folder.appendingPathComponent("o.png").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("cell annotations do not fit"))
        #expect(!files(in: folder).contains("o.png"))
    }
}
