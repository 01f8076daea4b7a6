import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import HeatGridCore
@testable import CairoBackend

/// The `<text>` elements of an SVG document, parsed as XML: attributes and character content.
final class SVGTextCollector: NSObject, XMLParserDelegate {
    struct Element { var attributes: [String: String]; var text: String }
    private(set) var texts: [Element] = []
    private var current: Element?

    static func parse(_ svg: [UInt8]) throws -> [Element] {
        let collector = SVGTextCollector()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        guard parser.parse() else {
            throw HeatGridError.layout(message: "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        return collector.texts
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "text" { current = Element(attributes: attributes, text: "") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let element = current { texts.append(element); current = nil }
    }
}

/// Rasterises SVG bytes with librsvg at `zoom` and decodes the PNG. librsvg maps points to pixels
/// at `dpi` (its default 96: 1 pt = 4/3 px at zoom 1), so a pixel is `72 / dpi / zoom` points.
func rsvg(_ svg: [UInt8], zoom: Double, dpi: Double = 96) throws -> RasterImage {
    let input = temporaryFile("in.svg"), output = input.deletingLastPathComponent().appendingPathComponent("out.png")
    try Data(svg).write(to: input)
    let result = try runFontTool("/usr/bin/rsvg-convert", ["-z", String(zoom), "-d", String(dpi), "-p", String(dpi),
                                                           "-o", output.path, input.path])
    #expect(result.status == 0, "rsvg-convert failed")
    return try #require(RasterImage(pngFile: output.path))
}

/// A scene with labels that need escaping, one rotated, in two colours.
func labelScene() throws -> Scene {
    let font = FontSpec(family: "DejaVu Sans", size: 8)
    let measurer = FontTextMeasurer()
    func label(_ text: String, x: Double, y: Double, angle: Double, color: RGBA, role: String) throws -> SceneItem {
        let m = try measurer.measure(text, font: font)
        let bounds = angle == 0 ? Rect(x: x, y: y - m.ascent, width: m.width, height: m.height)
            : Rect(x: x - m.ascent, y: y - m.width, width: m.height, height: m.width)
        return .text(TextItem(text: text, font: font, origin: Point(x: x, y: y), angle: angle, color: color,
                              bounds: bounds, role: role))
    }
    return Scene(size: Size(width: 160, height: 80), background: .white, items: [
        .rect(RectItem(rect: Rect(x: 40, y: 10, width: 100, height: 40), fill: RGBA(hex: "#440154")!)),
        try label("Tom & Jerry <3> \"quoted\" 'single'", x: 20, y: 70, angle: 0, color: RGBA(hex: "#1f77b4")!, role: "x-title"),
        try label("Layer α ≥ 0.5", x: 15.25, y: 55.5, angle: 90, color: RGBA(hex: "#222222")!, role: "y-title"),
    ])
}

@Suite struct SVGTextTests {
    @Test func textModeWritesEscapedTextElements() throws {
        let scene = try labelScene()
        let svg = try CairoBackend().render(scene, format: "svg", options: RenderOptions(svgText: .text))
        let source = String(decoding: svg, as: UTF8.self)
        #expect(source.contains(#">Tom &amp; Jerry &lt;3&gt; &quot;quoted&quot; &apos;single&apos;</text>"#))
        #expect(!source.contains("<3>") && !source.contains("Tom & Jerry"))
        #expect(source.contains(##"<text x="20" y="70" font-family="DejaVu Sans" font-size="8" fill="#1f77b4" xml:space="preserve">"##))
        #expect(source.contains(#"<text x="15.25" y="55.5" transform="rotate(-90 15.25 55.5)" font-family="DejaVu Sans""#))
        // Only the text is written differently: no glyph outlines, the rectangle drawn first, text inside <svg>.
        #expect(!source.contains("<use") && !source.contains("<defs"))
        #expect(source.contains(##"<rect x="40" y="10" width="100" height="40" fill="#440154"/>"##))
        #expect(source.range(of: "<rect x=\"40\"")!.lowerBound < source.range(of: "<text")!.lowerBound)
        #expect(source.hasSuffix("</text>\n</svg>\n"))

        let texts = try SVGTextCollector.parse(svg)
        #expect(texts.map(\.text) == ["Tom & Jerry <3> \"quoted\" 'single'", "Layer α ≥ 0.5"])
        #expect(texts.allSatisfy { $0.attributes["xml:space"] == "preserve" })
        #expect(texts[1].attributes["fill"] == "#222222")
    }

    @Test func textModeRendersWithLibrsvgWhereTheLayoutPutIt() throws {
        let scene = try labelScene()
        let svg = try CairoBackend().render(scene, format: "svg", options: RenderOptions(svgText: .text))
        let image = try rsvg(svg, zoom: 3, dpi: 72)
        #expect(image.width == 480 && image.height == 240)
        for text in scene.texts {
            // Ink inside the measured box, in the text's colour family (dark), none far outside it.
            let box = text.bounds
            var ink = 0
            for y in Int(box.minY * 3)..<Int(box.maxY * 3) {
                for x in Int(box.minX * 3)..<Int(box.maxX * 3) where image.pixel(x: x, y: y).luminance < 0.5 { ink += 1 }
            }
            #expect(Double(ink) > box.width * box.height * 9 * 0.05, "\(text.role): too little ink (\(ink) px) in its box")
        }
        // Same text drawn as paths lands in the same place: compare ink rows of the horizontal label.
        let paths = try rsvg(try CairoBackend().render(scene, format: "svg", options: RenderOptions()), zoom: 3, dpi: 72)
        let label = scene.texts[0].bounds
        func inkRows(_ image: RasterImage) -> [Int] {
            (Int(label.minY * 3)..<Int(label.maxY * 3)).filter { y in
                (Int(label.minX * 3)..<Int(label.maxX * 3)).contains { image.pixel(x: $0, y: y).luminance < 0.6 }
            }
        }
        let a = inkRows(image), b = inkRows(paths)
        #expect(abs((a.first ?? 0) - (b.first ?? 99)) <= 2 && abs((a.last ?? 0) - (b.last ?? 99)) <= 2)
    }

    @Test func pathsModeIsTheDefaultAndHasNoTextElements() throws {
        let svg = String(decoding: try CairoBackend().render(try labelScene(), format: "svg", options: RenderOptions()),
                         as: UTF8.self)
        #expect(!svg.contains("<text"))
        #expect(svg.contains("<use xlink:href=\"#g"))
    }

    @Test func textModeIsReproducible() throws {
        let scene = try labelScene()
        let a = try CairoBackend().render(scene, format: "svg", options: RenderOptions(svgText: .text))
        let b = try CairoBackend().render(scene, format: "svg", options: RenderOptions(svgText: .text))
        #expect(a == b)
    }

    @Test func escapingCoversEverySpecialCharacter() {
        #expect(SVGValues.escaped(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(SVGValues.escaped("bell\u{07}tab\t") == "belltab\t")
        #expect(SVGValues.number(12.3456) == "12.346" && SVGValues.number(-0.0001) == "0")
        #expect(SVGValues.number(90) == "90")
        #expect(SVGTextElements.cssFamily("DejaVu Sans") == "DejaVu Sans")
        #expect(SVGTextElements.cssFamily("Font 2000") == "'Font 2000'")
    }
}

@Suite struct SVGCellSeamTests {
    static let a = RGBA(hex: "#d62728")!, b = RGBA(hex: "#1f77b4")!

    /// A checker of `a` and `b` cells on white.
    func checker(frame: Rect, rows: Int, columns: Int) -> Scene {
        var rgba: [UInt8] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let c = (row + column) % 2 == 0 ? Self.a : Self.b
                rgba += [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
            }
        }
        return Scene(size: Size(width: frame.maxX + 8, height: frame.maxY + 8), background: .white,
                     items: [.cells(CellGrid(frame: frame, rows: rows, columns: columns, rgba: rgba))])
    }

    /// Distance (0...255 per channel) from `p` to the nearest mix of `a` and `b`: a seam lets the
    /// white background through, which no mix of the two cell colours reaches.
    func distanceFromMix(_ p: RGBA) -> Double {
        let pa = SIMD3(Self.a.red, Self.a.green, Self.a.blue) * 255, pb = SIMD3(Self.b.red, Self.b.green, Self.b.blue) * 255
        let v = SIMD3(p.red, p.green, p.blue) * 255
        let d = pb - pa
        let t = min(max(((v - pa) * d).sum() / (d * d).sum(), 0), 1)
        let off = v - (pa + t * d)
        return (off * off).sum().squareRoot()
    }

    /// Pixels strictly inside the grid (one pixel in from its edges, which blend with the page);
    /// `zoom` is pixels per point.
    func interior(_ frame: Rect, zoom: Double, in image: RasterImage) -> [(x: Int, y: Int)] {
        let x0 = Int((frame.minX * zoom).rounded(.up)) + 1, x1 = Int((frame.maxX * zoom).rounded(.down)) - 1
        let y0 = Int((frame.minY * zoom).rounded(.up)) + 1, y1 = Int((frame.maxY * zoom).rounded(.down)) - 1
        return (y0..<min(y1, image.height)).flatMap { y in (x0..<min(x1, image.width)).map { (x: $0, y: y) } }
    }

    @Test(arguments: [1.0, 3.0, 7.3])
    func noSeamsBetweenCellsAtAnyZoom(zoom: Double) throws {
        // Cell edges at fractional pixel positions: where seams show when neighbours only touch.
        let frame = Rect(x: 7.3, y: 5.1, width: 61.7, height: 41.3)
        let svg = try CairoBackend().render(checker(frame: frame, rows: 9, columns: 13), format: "svg", options: RenderOptions())
        // librsvg's default 96 dpi: 4/3 pixel per point at zoom 1, so edges fall between pixels.
        let image = try rsvg(svg, zoom: zoom)
        #expect(abs(Double(image.width) - (frame.maxX + 8) * zoom * 4 / 3) <= 1)
        var worst = 0.0, worstAt = (0, 0)
        for (x, y) in interior(frame, zoom: zoom * 4 / 3, in: image) {
            let d = distanceFromMix(image.pixel(x: x, y: y))
            if d > worst { worst = d; worstAt = (x, y) }
        }
        #expect(worst <= 3, "pixel \(worstAt) at zoom \(zoom) is \(worst) away from the two cell colours: a seam")
    }

    @Test(arguments: [1.0, 3.0])
    func pixelAlignedCellsHoldExactlyTheTwoColours(zoom: Double) throws {
        // Cell edges on whole pixels: nothing to anti-alias, so every pixel is one of the two colours.
        let frame = Rect(x: 10, y: 5, width: 120, height: 60)
        let svg = try CairoBackend().render(checker(frame: frame, rows: 6, columns: 12), format: "svg", options: RenderOptions())
        let image = try rsvg(svg, zoom: zoom, dpi: 72)
        #expect(image.width == Int((frame.maxX + 8) * zoom))
        let bytes = [Self.a, Self.b].map { c in [c.red, c.green, c.blue].map { Int(($0 * 255).rounded()) } }
        var others = 0
        for (x, y) in interior(frame, zoom: zoom, in: image) {
            let p = image.pixel(x: x, y: y)
            let rgb = [p.red, p.green, p.blue].map { Int(($0 * 255).rounded()) }
            if !bytes.contains(where: { zip($0, rgb).allSatisfy { abs($0 - $1) <= 1 } }) { others += 1 }
        }
        #expect(others == 0, "\(others) pixels inside the grid at zoom \(zoom) are neither cell colour")
    }

    /// A block of `a` in a field of `b`, edges between pixels: every pixel inside the block is
    /// exactly `a`. (Overlapping anti-aliased runs once left faint lines of `b` along the block's
    /// row boundaries, where a run's overhang into the next row blended in twice.)
    @Test(arguments: [1.0, 3.0, 7.3])
    func aBlockIsOneColourInside(zoom: Double) throws {
        let rows = 9, columns = 13
        var rgba: [UInt8] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let c = (2...6).contains(row) && (3...8).contains(column) ? Self.a : Self.b
                rgba += [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
            }
        }
        let frame = Rect(x: 7.3, y: 5.1, width: 61.7, height: 41.3)
        let scene = Scene(size: Size(width: frame.maxX + 8, height: frame.maxY + 8), background: .white,
                          items: [.cells(CellGrid(frame: frame, rows: rows, columns: columns, rgba: rgba))])
        let image = try rsvg(try CairoBackend().render(scene, format: "svg", options: RenderOptions()), zoom: zoom)
        let pixelsPerPoint = zoom * 4 / 3, w = frame.width / Double(columns), h = frame.height / Double(rows)
        let block = Rect(x: frame.x + 3 * w, y: frame.y + 2 * h, width: 6 * w, height: 5 * h)
        let a = [Self.a.red, Self.a.green, Self.a.blue].map { $0 * 255 }
        var off = 0
        for (x, y) in interior(block, zoom: pixelsPerPoint, in: image) {
            let p = image.pixel(x: x, y: y)
            if zip([p.red, p.green, p.blue].map { $0 * 255 }, a).contains(where: { abs($0 - $1) > 2 }) { off += 1 }
        }
        #expect(off == 0, "\(off) pixels inside the block at zoom \(zoom) are not its colour")
    }
}

@Suite struct SVGGlyphOutlineTests {
    /// Glyph outlines land where cairo draws the same text in PNG: a large kerned label and a
    /// rotated one, rasterised by librsvg and by cairo at 4 pixels per point, ink on the same
    /// pixels give or take one (cairo's image surface puts each glyph on a whole pixel).
    @Test func outlinesMatchThePNGPixelForPixel() throws {
        let measurer = FontTextMeasurer()
        func label(_ text: String, size: Double, x: Double, y: Double, angle: Double) throws -> SceneItem {
            let font = FontSpec(family: "DejaVu Sans", size: size), m = try measurer.measure(text, font: font)
            let bounds = angle == 0 ? Rect(x: x, y: y - m.ascent, width: m.width, height: m.height)
                : Rect(x: x - m.ascent, y: y - m.width, width: m.height, height: m.width)
            return .text(TextItem(text: text, font: font, origin: Point(x: x, y: y), angle: angle, color: .black, bounds: bounds, role: "t"))
        }
        let horizontal = "AVWater Tôkyo 0.0030+", vertical = "Layer α ≥ 0.5"
        let scene = Scene(size: Size(width: 460, height: 220), background: .white, items: [
            try label(horizontal, size: 36, x: 62.3, y: 60.7, angle: 0),
            try label(vertical, size: 24, x: 30.2, y: 210, angle: 90),
        ])
        let png = temporaryFile("text.png")
        try Data(try CairoBackend().render(scene, format: "png", options: RenderOptions(dpi: 288))).write(to: png)
        let cairo = try #require(RasterImage(pngFile: png.path))
        let svg = try rsvg(try CairoBackend().render(scene, format: "svg", options: RenderOptions()), zoom: 4, dpi: 72)
        #expect(svg.width == cairo.width && svg.height == cairo.height)
        func inked(_ image: RasterImage, _ x: Int, _ y: Int) -> Bool { image.pixel(x: x, y: y).luminance < 0.5 }
        func inkNear(_ image: RasterImage, _ x: Int, _ y: Int) -> Bool {
            (max(y - 1, 0)...min(y + 1, image.height - 1)).contains { v in
                (max(x - 1, 0)...min(x + 1, image.width - 1)).contains { inked(image, $0, v) }
            }
        }
        var ink = 0, strays = 0
        for y in 0..<cairo.height {
            for x in 0..<cairo.width {
                let a = inked(cairo, x, y), b = inked(svg, x, y)
                if a || b { ink += 1 }
                if (a && !inkNear(svg, x, y)) || (b && !inkNear(cairo, x, y)) { strays += 1 }
            }
        }
        #expect(ink > 40_000)
        #expect(strays == 0, "\(strays) of \(ink) ink pixels have no ink within a pixel in the other image")
        // One <use> per inked glyph (spaces have none, no ligatures here), each glyph defined once.
        let source = String(decoding: try CairoBackend().render(scene, format: "svg", options: RenderOptions()), as: UTF8.self)
        let characters = (horizontal + vertical).filter { $0 != " " }
        #expect(source.components(separatedBy: "<use ").count - 1 == characters.count)
        let ids = source.components(separatedBy: "<path id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count && ids.count == Set(characters).count)
    }

    /// Path data is compact: relative commands, a letter only when it changes, no separator before
    /// a minus, and after `z` moves are relative to the closed subpath's start.
    @Test func pathDataIsCompactAndRelative() {
        var path = SVGPathData()
        path.rectangle(x: 3, y: 5, width: 2, height: 1)
        path.rectangle(x: 1, y: 6, width: 1, height: 2)
        #expect(path.text == "M3 5h2v1h-2zm-2 1h1v2h-1z")
        var curve = SVGPathData(decimals: 2)
        curve.move(to: 100, 0)
        curve.line(to: 250, -150)
        curve.line(to: 300, -100)
        curve.quadratic(control: (x: 300, y: 0), to: 200, 0)
        curve.close()
        #expect(curve.text == "M1 0l1.5-1.5 0.5 0.5q0 1-1 1z")
    }
}
