import CairoBackend
import Colormaps
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HeatGrid
import Testing

/// The elements of an SVG document, parsed as XML: names with their attributes, and the
/// character content of `<text>` elements.
final class SVGElementCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    private(set) var elements: [Element] = []
    private(set) var texts: [String] = []
    private var text: String?

    /// Parses `svg`; throws when it is not well-formed XML.
    static func parse(_ svg: [UInt8]) throws -> SVGElementCollector {
        let collector = SVGElementCollector()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        guard parser.parse() else {
            throw HeatGridError.layout(message: "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        return collector
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        if name == "text" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let finished = text { texts.append(finished); text = nil }
    }
}

/// Rasterises the SVG file at `svg` with librsvg at `dpi` (pixels per inch of the figure's
/// points) into a PNG beside it.
func rasteriseWithLibrsvg(_ svg: URL, dpi: Double) throws -> URL {
    let png = svg.deletingPathExtension().appendingPathExtension("rsvg.png")
    let result = try run(tool("rsvg-convert"), ["-d", "\(dpi)", "-p", "\(dpi)", "-o", png.path, svg.path])
    #expect(result.status == 0, "rsvg-convert failed: \(result.stderr)")
    return png
}

/// Whether a headless Chromium is installed (Debian's `chromium`); its tests are skipped otherwise.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// A screenshot of the SVG file at `svg` (a figure `size` points large) in headless Chromium,
/// `pixelsPerPoint` device pixels per point (a CSS pixel is 3/4 pt).
func screenshotWithChromium(_ svg: URL, size: Size, pixelsPerPoint: Double) throws -> URL {
    let png = svg.deletingPathExtension().appendingPathExtension("chromium.png")
    let profile = svg.deletingLastPathComponent().appendingPathComponent("chromium-profile")
    let scale = pixelsPerPoint * 3 / 4
    let window = "\(Int((size.width * 4 / 3).rounded(.up))),\(Int((size.height * 4 / 3).rounded(.up)))"
    let result = try run(try #require(chromiumPath), [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--force-device-scale-factor=\(scale)", "--window-size=\(window)",
        "--screenshot=\(png.path)", svg.absoluteURL.absoluteString,
    ])
    #expect(result.status == 0, "chromium failed: \(result.stderr)")
    return png
}

/// The inked glyphs texts need: at most their characters other than white space, and at least
/// that less one per pair the font may set as a ligature (DejaVu Sans joins "fi" and "fl").
func inkedGlyphRange(_ texts: [TextItem]) -> ClosedRange<Int> {
    let characters = texts.reduce(0) { $0 + $1.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count }
    let pairs = texts.reduce(0) { n, t in n + ["fi", "fl", "ff"].reduce(0) { $0 + t.text.components(separatedBy: $1).count - 1 } }
    return (characters - pairs)...characters
}

@Suite struct SVGOutputTests {
    static func flagship() throws -> Figure {
        try Renderer.standard.figure(for: try FigureSpec.load(from: flagshipSpec), baseURL: flagshipSpec.deletingLastPathComponent())
    }

    /// The flagship SVG is small, well-formed, and rasterised by librsvg shows every cell in its
    /// colour: decoded through viridis, each cell centre gives back its value.
    @Test func flagshipSVGIsSmallValidAndDecodesCellByCellInLibrsvg() throws {
        let folder = temporaryFolder()
        let svg = folder.appendingPathComponent("fig.svg")
        let result = try heatgrid(["render", flagshipSpec.path, "-o", svg.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: svg))
        #expect(bytes.count <= 200_000, "the flagship SVG is \(bytes.count) bytes")

        let figure = try Self.flagship()
        let document = try SVGElementCollector.parse(bytes)
        #expect(document.elements.first?.name == "svg")
        // Text as glyph outlines: one <use> per inked glyph, each outline defined once.
        #expect(document.count("text") == 0)
        #expect(document.count("use") == inkedGlyphRange(figure.scene.texts).upperBound)  // no ligatures here
        let ids = document.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count && ids.count < 80, "\(ids.count) glyph definitions")
        // One crisp group per panel and one for the colorbar's bands, no images.
        #expect(document.elements.filter { $0.attributes["shape-rendering"] == "crispEdges" }.count == 9)
        #expect(document.count("image") == 0)

        let png = try rasteriseWithLibrsvg(svg, dpi: 300)
        let image = try #require(RasterImage(pngFile: png.path))
        #expect(image.width == 2126 && image.height == 945)
        let checked = try verifyCellColours(figure: figure, png: png, dpi: 300, colormap: BuiltInColormaps.viridis, domain: 0...0.003)
        #expect(checked == 8 * 32 * 32)
    }

    /// Chromium draws the same cells (where it is installed).
    @Test(.enabled(if: chromiumPath != nil, "needs a headless chromium"))
    func flagshipSVGDecodesCellByCellInChromium() throws {
        let folder = temporaryFolder()
        let svg = folder.appendingPathComponent("fig.svg")
        #expect(try heatgrid(["render", flagshipSpec.path, "-o", svg.path]).status == 0)
        let figure = try Self.flagship()
        let png = try screenshotWithChromium(svg, size: figure.scene.size, pixelsPerPoint: 4)
        let checked = try verifyCellColours(figure: figure, png: png, dpi: 288, colormap: BuiltInColormaps.viridis, domain: 0...0.003)
        #expect(checked == 8 * 32 * 32)
    }

    /// With `"svg": {"text": "text"}` every label is a `<text>` element holding its words, in
    /// drawing order, and no glyph outline is written.
    @Test func editableTextModeWritesEveryLabelAsText() throws {
        let figure = try Self.flagship()
        let svg = try CairoBackend().render(figure.scene, format: "svg", options: RenderOptions(svgText: .text))
        let document = try SVGElementCollector.parse(svg)
        #expect(document.texts == figure.scene.texts.map(\.text))
        #expect(document.count("use") == 0 && document.count("defs") == 0)
        #expect(document.texts.contains("Knowledge Recall") && document.texts.contains("0.0030+"))
    }

    /// The same scene gives the same bytes, in one process (no counters) and across processes
    /// (see FlagshipFigureTests.rendersAreByteIdentical).
    @Test func svgIsByteReproducibleInOneProcess() throws {
        let scene = try Self.flagship().scene
        let a = try CairoBackend().render(scene, format: "svg", options: RenderOptions())
        let b = try CairoBackend().render(scene, format: "svg", options: RenderOptions())
        #expect(a == b)
    }

    /// Every example's SVG is well-formed, writes every kind of scene item, and rasterised by
    /// librsvg shows each cell's own colour at its centre wherever nothing is drawn over it
    /// (labels, marks, frames).
    @Test(arguments: ExampleSpecsTests.specs)
    func exampleSVGWritesEveryItemAndShowsEveryCell(path: String) throws {
        let url = packageRoot.appendingPathComponent(path)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: url), baseURL: url.deletingLastPathComponent())
        let scene = figure.scene
        let bytes = try CairoBackend().render(scene, format: "svg", options: RenderOptions())
        let document = try SVGElementCollector.parse(bytes)

        var kinds: [String: Int] = [:]
        for item in scene.items {
            switch item {
            case .rect: kinds["rect", default: 0] += 1
            case .line: kinds["line", default: 0] += 1
            case .cells: kinds["cells", default: 0] += 1
            case .gradient: kinds["gradient", default: 0] += 1
            case .polygon: kinds["polygon", default: 0] += 1
            case .text: kinds["text", default: 0] += 1
            }
        }
        // Rectangles: the background and one per rect item; crisp groups: one per grid and gradient.
        #expect(document.count("rect") == 1 + kinds["rect", default: 0])
        let crisp = document.elements.filter { $0.attributes["shape-rendering"] == "crispEdges" }.count
        #expect(crisp + document.count("image") == kinds["cells", default: 0] + kinds["gradient", default: 0])
        #expect(inkedGlyphRange(scene.texts).contains(document.count("use")))
        // Lines and polygons are paths outside the crisp groups, with a stroke.
        let stroked = document.elements.filter { $0.name == "path" && $0.attributes["stroke"] != nil }.count
        #expect(stroked >= kinds["polygon", default: 0] + (kinds["line", default: 0] > 0 ? 1 : 0))

        let file = temporaryFolder().appendingPathComponent("fig.svg")
        try Data(bytes).write(to: file)
        let dpi = 144.0, scale = dpi / 72
        let image = try #require(RasterImage(pngFile: try rasteriseWithLibrsvg(file, dpi: dpi).path))
        var checked = 0, wrong: [String] = []
        for (index, item) in scene.items.enumerated() {
            guard case .cells(let grid) = item else { continue }
            let later = scene.items[(index + 1)...]
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    let centre = grid.center(row: row, column: column)
                    guard !later.contains(where: { covers($0, centre) }) else { continue }
                    let i = (row * grid.columns + column) * 4
                    let expected: [Double] = grid.rgba[i + 3] == 0
                        ? [scene.background.red, scene.background.green, scene.background.blue].map { $0 * 255 }
                        : (0..<3).map { Double(grid.rgba[i + $0]) }
                    let pixel = image.pixel(x: Int(centre.x * scale), y: Int(centre.y * scale))
                    let got = [pixel.red, pixel.green, pixel.blue].map { $0 * 255 }
                    if zip(got, expected).contains(where: { abs($0 - $1) > 2 }) { wrong.append("(\(row), \(column))") }
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
        #expect(wrong.isEmpty, "\(path): \(wrong.count) of \(checked) cells show another colour: \(wrong.prefix(5))")
    }

    /// Whether `item` draws at or within a point of `p` (text boxes, strokes, fills).
    func covers(_ item: SceneItem, _ p: Point) -> Bool {
        func near(_ a: Point, _ b: Point, _ reach: Double) -> Bool {
            let dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy
            let t = length == 0 ? 0 : min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length, 0), 1)
            let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
            return (x * x + y * y).squareRoot() <= reach
        }
        func edges(_ points: [Point]) -> [(Point, Point)] { Array(zip(points, points.dropFirst() + points.prefix(1))) }
        func inside(_ r: Rect, margin: Double) -> Bool {
            p.x >= r.minX - margin && p.x <= r.maxX + margin && p.y >= r.minY - margin && p.y <= r.maxY + margin
        }
        switch item {
        case .text(let t): return inside(t.bounds, margin: 1)
        case .line(let l): return near(l.from, l.to, l.width / 2 + 1)
        case .rect(let r):
            if r.fill != nil, inside(r.rect, margin: 1) { return true }
            let c = [Point(x: r.rect.minX, y: r.rect.minY), Point(x: r.rect.maxX, y: r.rect.minY),
                     Point(x: r.rect.maxX, y: r.rect.maxY), Point(x: r.rect.minX, y: r.rect.maxY)]
            return r.stroke != nil && edges(c).contains { near($0.0, $0.1, r.lineWidth / 2 + 1) }
        case .polygon(let poly):
            let xs = poly.points.map(\.x), ys = poly.points.map(\.y)
            if poly.fill != nil, let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max(),
               inside(Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), margin: 1) { return true }
            return poly.stroke != nil && edges(poly.points).contains { near($0.0, $0.1, poly.lineWidth / 2 + 1) }
        case .cells(let g): return inside(g.frame, margin: 0)
        case .gradient(let g): return inside(g.frame, margin: 1)
        }
    }
}
