import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// Each built-in theme with the size the flagship figure is drawn at in it: the default
/// 180 x 80 mm, or larger for the themes with large text.
let themeSizes: [(name: String, width: String, height: String)] = [
    ("paper", "180mm", "80mm"), ("dark", "180mm", "80mm"), ("minimal", "180mm", "80mm"),
    ("presentation", "300mm", "140mm"), ("poster", "500mm", "220mm"),
]

/// The flagship spec with its data path made absolute and `changes` merged over its keys.
func flagshipVariant(_ changes: String, in folder: URL) throws -> URL {
    let data = packageRoot.appendingPathComponent("examples/cognitive-heads/cognitive-heads.csv").path
    return try write("""
        {"data": {"path": "\(data)", "panel": "task", "row": "layer", "column": "head", "value": "importance"},
         "scale": {"type": "linear", "domain": [0, 0.003], "clamp": true},
         "layout": {"type": "grid", "rows": 2, "columns": 4}, "colorbar": {"title": "Heads Importance"},
         \(changes)}
        """, to: "spec-\(UUID().uuidString.prefix(8)).json", in: folder)
}

/// Number of pixels in `box` (points) of a PNG drawn at `dpi` that are not the background colour.
func inkPixels(in box: HeatGridCore.Rect, image: RasterImage, dpi: Double, background: RGBA) -> Int {
    let s = dpi / 72
    var count = 0
    for y in Int(box.minY * s)..<min(Int(box.maxY * s) + 1, image.height) {
        for x in Int(box.minX * s)..<min(Int(box.maxX * s) + 1, image.width) where image.pixel(x: x, y: y) != background {
            count += 1
        }
    }
    return count
}

@Suite struct ThemeRenderingTests {
    @Test(arguments: themeSizes.map(\.name))
    func everyThemeDrawsTheFlagshipFigure(theme name: String) throws {
        let size = try #require(themeSizes.first { $0.name == name })
        let theme = try #require(Theme.builtIn[name])
        let folder = temporaryFolder()
        let png = folder.appendingPathComponent("\(name).png"), pdf = folder.appendingPathComponent("\(name).pdf")
        let dpi = name == "poster" ? 100.0 : 150.0
        let figure = try Renderer.standard.render(
            specAt: flagshipSpec, to: [png, pdf], options: RenderOptions(dpi: dpi),
            overrides: SpecOverrides(theme: name, width: Length(parsing: size.width), height: FigureHeight(parsing: size.height)))
        #expect(figure.scene.background == theme.background)
        #expect(figure.scene.texts.allSatisfy { $0.font.family == theme.fontFamily && $0.color == theme.textColor })
        #expect(figure.scene.texts.filter { $0.role == "x-tick" }.allSatisfy { $0.font.size == theme.tickLabelSize })

        let image = try #require(RasterImage(pngFile: png.path))
        #expect(image.pixel(x: 1, y: 1) == theme.background)
        // Every cell still decodes to its value: themes change the decoration, never the data.
        let checked = try verifyCellColours(figure: figure, png: png, dpi: dpi, colormap: BuiltInColormaps.viridis,
                                            domain: 0...0.003)
        #expect(checked == 8 * 32 * 32)
        // Frames: drawn in the axis colour, or (minimal) not at all: a zero width draws nothing,
        // so the page right beside the cells is untouched.
        let box = figure.layout.panels[0].body, s = dpi / 72
        let frames = figure.scene.items.filter { if case .rect(let r) = $0 { r.rect == box } else { false } }
        #expect(frames == [.rect(RectItem(rect: box, stroke: theme.axisColor, lineWidth: theme.frameWidth))])
        if theme.frameWidth == 0 {
            let y = Int(box.midY * s)
            #expect(image.pixel(x: Int(box.minX * s) - 1, y: y) == theme.background)
            #expect(image.pixel(x: Int(box.maxX * s) + 1, y: y) == theme.background)
            #expect(image.pixel(x: Int(box.midX * s), y: Int(box.minY * s) - 1) == theme.background)
        }
        // Text is drawn in the text colour: the darkest (light themes) or lightest (dark) ink of a title.
        let title = try #require(figure.scene.texts.first { $0.role == "x-title" })
        #expect(inkPixels(in: title.bounds, image: image, dpi: dpi, background: theme.background) > 20)

        let text = try run(tool("pdftotext"), [pdf.path, "-"]).stdout
        #expect(text.contains("Knowledge Recall") && text.contains("Heads Importance"))
    }

    @Test(arguments: ["presentation", "poster"])
    func largeTextThemesAtTheDefaultSizeFailWithALayoutError(theme: String) throws {
        let folder = temporaryFolder()
        let out = folder.appendingPathComponent("x.png").path
        let result = try heatgrid(["render", flagshipSpec.path, "--theme", theme, "-o", out])
        #expect(result.status != 0)
        #expect(result.stderr.contains("layout:") && result.stderr.contains("make it at least"), "\(result.stderr)")
        #expect(files(in: folder).isEmpty)
    }

    @Test func specThemeObjectsOverrideSingleKeys() throws {
        let folder = temporaryFolder()
        let spec = try flagshipVariant(##""theme": {"base": "dark", "background": "#000000", "tickLabelSize": 5}"##, in: folder)
        let png = folder.appendingPathComponent("o.png")
        let result = try heatgrid(["render", spec.path, "-o", png.path, "--dpi", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try #require(RasterImage(pngFile: png.path))
        #expect(image.pixel(x: 0, y: 0) == .black)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        #expect(figure.scene.texts.first { $0.role == "x-tick" }?.font.size == 5)
        #expect(figure.scene.texts.first { $0.role == "x-title" }?.color == Theme.dark.textColor)

        let typo = try flagshipVariant(#""theme": {"base": "dark", "titelSize": 9}"#, in: folder)
        let failed = try heatgrid(["render", typo.path, "-o", png.path])
        #expect(failed.status != 0 && failed.stderr.contains("theme.titelSize") && failed.stderr.contains("did you mean 'titleSize'?"))
        let unknown = try flagshipVariant(#""theme": "sepia""#, in: folder)
        let named = try heatgrid(["render", unknown.path, "-o", png.path])
        #expect(named.stderr.contains("unknown theme 'sepia'") && named.stderr.contains("dark, minimal, paper, poster, presentation"))
    }

    @Test func themeFilesRelativeToTheSpecCanBuildOnABuiltIn() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("looks"), withIntermediateDirectories: true)
        try write(##"{"base": "minimal", "textColor": "#aa0000"}"##, to: "looks/red.json", in: folder)
        let spec = try flagshipVariant(#""theme": {"base": "looks/red.json", "titleSize": 7}"#, in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        #expect(figure.scene.texts.allSatisfy { $0.color == RGBA(hex: "#aa0000")! })
        #expect(figure.scene.items.contains { if case .rect(let r) = $0 { r.lineWidth == 0 } else { false } })
    }

    @Test func aBundledFontFileDrawsTheSameFigureAsTheInstalledFont() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("fonts/DejaVuSans.ttf"),
                                         to: folder.appendingPathComponent("fonts/DejaVuSans.ttf"))
        let bundled = try flagshipVariant(#""theme": {"base": "paper", "fontFile": "fonts/DejaVuSans.ttf"}"#, in: folder)
        let installed = try flagshipVariant(#""theme": "paper""#, in: folder)
        for format in ["pdf", "svg", "png"] {
            let a = folder.appendingPathComponent("a.\(format)").path, b = folder.appendingPathComponent("b.\(format)").path
            let result = try heatgrid(["render", bundled.path, "-o", a])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try heatgrid(["render", installed.path, "-o", b]).status == 0)
            // Debian's DejaVu Sans is the bundled file: the figure comes out byte for byte the same.
            #expect(FileManager.default.contentsEqual(atPath: a, andPath: b), "\(format) differs")
        }
        // The file must hold the theme's family; a missing file names itself.
        let wrong = try flagshipVariant(#""theme": {"fontFamily": "DejaVu Serif", "fontFile": "fonts/DejaVuSans.ttf"}"#, in: folder)
        let mismatch = try heatgrid(["render", wrong.path, "-o", folder.appendingPathComponent("w.png").path])
        #expect(mismatch.status != 0 && mismatch.stderr.contains("holds 'DejaVu Sans', not the theme's fontFamily 'DejaVu Serif'"),
                "\(mismatch.stderr)")
        let missing = try flagshipVariant(#""theme": {"fontFile": "fonts/Nope.ttf"}"#, in: folder)
        let gone = try heatgrid(["render", missing.path, "-o", folder.appendingPathComponent("w.png").path])
        #expect(gone.stderr.contains("theme.fontFile: font file 'fonts/Nope.ttf' does not exist"), "\(gone.stderr)")
    }

    @Test func missingFontFamiliesNameTheFamilyAndInstalledOnes() throws {
        let folder = temporaryFolder()
        let spec = try flagshipVariant(#""theme": {"fontFamily": "Helvetica Neue"}"#, in: folder)
        let result = try heatgrid(["render", spec.path, "-o", folder.appendingPathComponent("x.png").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("font family 'Helvetica Neue' is not installed"))
        #expect(result.stderr.contains("installed families include") && result.stderr.contains("DejaVu"))
    }
}

@Suite struct ThemeTextTests {
    /// Renders the flagship data with `title` as the x-axis title in `theme` to PNG, PDF and SVG.
    func render(title: String, theme: String, svgText: String = "paths") throws
        -> (figure: Figure, png: URL, pdf: URL, svg: URL) {
        let folder = temporaryFolder()
        let spec = try flagshipVariant("""
            "axes": {"x": {"title": "\(title)"}, "shared": "none"}, "theme": \(theme), "svg": {"text": "\(svgText)"}
            """, in: folder)
        let outputs = ["png", "pdf", "svg"].map { folder.appendingPathComponent("fig.\($0)") }
        let figure = try Renderer.standard.render(specAt: spec, to: outputs, options: RenderOptions(dpi: 200))
        return (figure, outputs[0], outputs[1], outputs[2])
    }

    func checkTitle(_ title: String, theme: String) throws {
        let (figure, png, pdf, _) = try render(title: title, theme: theme)
        let image = try #require(RasterImage(pngFile: png.path))
        let items = figure.scene.texts.filter { $0.role == "x-title" }
        #expect(items.count == 8 && items.allSatisfy { $0.text == title })
        for item in items {
            // Glyphs drawn in the title's box: a good share of it inked, like any 7 pt label.
            let ink = inkPixels(in: item.bounds, image: image, dpi: 200, background: .white)
            let area = item.bounds.width * item.bounds.height * (200.0 / 72) * (200.0 / 72)
            #expect(Double(ink) > area * 0.08, "only \(ink) of \(Int(area)) pixels inked in '\(item.text)'")
        }
        let lines = try run(tool("pdftotext"), ["-layout", pdf.path, "-"]).stdout.split(separator: "\n")
        let found = lines.flatMap { $0.components(separatedBy: "   ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(found.filter { $0 == title }.count == 8, "pdftotext does not give '\(title)' exactly")
    }

    @Test func greekAndMathTitlesRenderAndExtract() throws {
        try checkTitle("α ≥ 0.5 − β", theme: #""paper""#)
    }

    @Test func charactersTheThemeFontLacksFallBack() throws {
        // DejaVu Serif has no check mark: it comes from a fallback font, in the PNG and the PDF.
        try checkTitle("α ≥ 0.5 − β ✓", theme: #"{"fontFamily": "DejaVu Serif"}"#)
    }

    @Test func editableSVGTextIsEscapedAndRendersWithLibrsvg() throws {
        let (figure, _, _, svgURL) = try render(title: "Heads <&> 'all'", theme: #""paper""#, svgText: "text")
        let svg = try String(contentsOf: svgURL, encoding: .utf8)
        #expect(svg.contains(#"xml:space="preserve">Heads &lt;&amp;&gt; &apos;all&apos;</text>"#))
        #expect(svg.contains(#"xml:space="preserve">Knowledge Recall</text>"#))
        #expect(svg.contains(#"transform="rotate(-90 "#))
        #expect(svg.components(separatedBy: "<text ").count - 1 == figure.scene.texts.count)
        let png = svgURL.deletingLastPathComponent().appendingPathComponent("svg.png").path
        #expect(try run(tool("rsvg-convert"), ["-o", png, svgURL.path]).status == 0)
        let image = try #require(RasterImage(pngFile: png))
        let title = try #require(figure.scene.texts.first { $0.role == "panel-title" })
        #expect(inkPixels(in: title.bounds, image: image, dpi: 72, background: .white) > 10)
    }

    @Test func fallbackFiguresAreByteIdenticalAcrossRuns() throws {
        let folder = temporaryFolder()
        let spec = try flagshipVariant(#""axes": {"x": {"title": "α ≥ 0.5 ✓"}}, "theme": {"fontFamily": "DejaVu Serif"}"#,
                                       in: folder)
        for format in ["png", "pdf", "svg"] {
            let a = folder.appendingPathComponent("a.\(format)").path, b = folder.appendingPathComponent("b.\(format)").path
            #expect(try heatgrid(["render", spec.path, "-o", a]).status == 0)
            #expect(try heatgrid(["render", spec.path, "-o", b]).status == 0)
            #expect(FileManager.default.contentsEqual(atPath: a, andPath: b), "\(format) differs")
        }
    }
}
