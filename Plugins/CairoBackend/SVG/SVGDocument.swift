import Foundation
import HeatGridCore

/// SVG written straight from a scene, with no cairo in between.
///
/// The document is in points (`viewBox` = the scene's size, `width`/`height` in pt) and holds
/// the scene's items in its drawing order, each as the smallest element that draws it the way
/// cairo draws it in PNG and PDF:
///
/// - the background: one `<rect>` (none when transparent);
/// - cells: a crisp group of one path per colour in cell units, or an inline image for big
///   grids (`SVGCells`);
/// - rectangles (frames, swatches, track cells): `<rect>`, stroked with miter joins;
/// - lines (ticks, rules, dendrogram links, hatching): `<path>` with butt caps; consecutive lines
///   of one colour and width share one path;
/// - polygons (colorbar outline, extend triangles, mark outlines): a closed `<path>`, miter
///   limit 10 as cairo's;
/// - gradients (a colorbar's piecewise-constant bands): the bands as cells (`SVGCells.bands`);
/// - text: glyph outlines defined once and reused (`SVGGlyphs`), or `<text>` elements
///   (`SVGTextElements`) with `RenderOptions.svgText == .text`.
///
/// Glyph definitions are collected while the items are written and go into `<defs>` before
/// them. Cell markup is made first, big images in parallel. Every id, number and order depends
/// only on the scene (and its fonts), so the same scene always gives the same bytes.
enum SVGDocument {
    /// The SVG file of `scene`: its title from `options.title`, text as `options.svgText` says.
    static func render(_ scene: Scene, options: RenderOptions) throws -> [UInt8] {
        let grids = scene.cellGrids
        let cellMarkup = try grids.concurrentMap(cells: grids.reduce(0) { $0 + $1.rows * $1.columns }) { SVGCells.markup($0) }
            .map { markup -> [UInt8] in
                guard let markup else { throw HeatGridError.backend(format: "svg", message: "zlib failed to compress a cell image") }
                return markup
            }

        // The body as pieces, so big cell images are copied once, into the finished file.
        var body: [[UInt8]] = []
        var text = ""
        func write(_ markup: String) { text += markup }
        func write(bytes: [UInt8]) {
            body.append(Array(text.utf8))
            text = ""
            body.append(bytes)
        }
        if scene.background.alpha > 0 {
            write("<rect width=\"" + SVGValues.number(scene.size.width) + "\" height=\"" + SVGValues.number(scene.size.height) + "\""
                  + SVGValues.paint("fill", scene.background) + "/>\n")
        }
        var glyphs = SVGGlyphs()
        var nextGrid = 0
        var lines = LineRun()
        for item in scene.items {
            if case .line(let line) = item {
                if let finished = lines.add(line) { write(finished) }
                continue
            }
            if let finished = lines.finish() { write(finished) }
            switch item {
            case .cells:
                write(bytes: cellMarkup[nextGrid])
                nextGrid += 1
            case .rect(let r): write(rect(r))
            case .polygon(let p): write(polygon(p))
            case .gradient(let g): write(SVGCells.rectangles(SVGCells.bands(g)))
            case .text(let t): write(options.svgText == .text ? try SVGTextElements.element(t) : try glyphs.markup(for: t))
            case .line: break
            }
        }
        if let finished = lines.finish() { write(finished) }
        body.append(Array((text + "</svg>\n").utf8))

        let width = SVGValues.number(scene.size.width), height = SVGValues.number(scene.size.height)
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        head += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\""
        head += " width=\"\(width)pt\" height=\"\(height)pt\" viewBox=\"0 0 \(width) \(height)\">\n"
        head += "<title>" + SVGValues.escaped(options.title) + "</title>\n"
        if !glyphs.definitions.isEmpty {
            head += "<defs>\n" + glyphs.definitions.joined(separator: "\n") + "\n</defs>\n"
        }
        var document = Array(head.utf8)
        document.reserveCapacity(document.count + body.reduce(0) { $0 + $1.count })
        for piece in body { document += piece }
        return document
    }

    /// A rectangle, filled and/or stroked (a zero width draws no line, as in PDF and PNG).
    static func rect(_ item: RectItem) -> String {
        let r = item.rect
        return "<rect x=\"" + SVGValues.number(r.x) + "\" y=\"" + SVGValues.number(r.y) + "\" width=\"" + SVGValues.number(r.width)
            + "\" height=\"" + SVGValues.number(r.height) + "\"" + paint(fill: item.fill, stroke: item.stroke, lineWidth: item.lineWidth) + "/>\n"
    }

    /// A closed polygon, filled and/or stroked.
    static func polygon(_ item: PolygonItem) -> String {
        guard let first = item.points.first else { return "" }
        var path = SVGPathData(decimals: SVGValues.pointDecimals)
        path.move(to: thousandths(first.x), thousandths(first.y))
        for p in item.points.dropFirst() { path.line(to: thousandths(p.x), thousandths(p.y)) }
        path.close()
        var attributes = paint(fill: item.fill, stroke: item.stroke, lineWidth: item.lineWidth)
        if item.stroke != nil, item.lineWidth > 0 { attributes += " stroke-miterlimit=\"10\"" }
        return "<path" + attributes + " d=\"" + path.text + "\"/>\n"
    }

    /// Fill and stroke attributes: `fill="none"` when unfilled, no stroke when unstroked or of zero width.
    static func paint(fill: RGBA?, stroke: RGBA?, lineWidth: Double) -> String {
        var out = fill.map { SVGValues.paint("fill", $0) } ?? " fill=\"none\""
        if let stroke, lineWidth > 0 {
            out += SVGValues.paint("stroke", stroke) + " stroke-width=\"" + SVGValues.number(lineWidth) + "\""
        }
        return out
    }

    /// A coordinate in points as a whole number of thousandths (the path unit of lines and polygons).
    static func thousandths(_ value: Double) -> Int { Int((value * 1000).rounded()) }

    /// Consecutive lines of one colour and width, gathered into one path.
    struct LineRun {
        private var style: (color: RGBA, width: Double)?
        private var path = SVGPathData(decimals: SVGValues.pointDecimals)

        /// Adds `line`; returns the finished previous run when its style differs.
        mutating func add(_ line: LineItem) -> String? {
            guard line.width > 0, line.from != line.to else { return nil }
            var finished: String?
            if let style, style.color != line.color || style.width != line.width { finished = finish() }
            if style == nil { style = (line.color, line.width) }
            path.move(to: thousandths(line.from.x), thousandths(line.from.y))
            path.line(to: thousandths(line.to.x), thousandths(line.to.y))
            return finished
        }

        /// The run's `<path>`, and a fresh start; nil when empty.
        mutating func finish() -> String? {
            guard let style, !path.isEmpty else { return nil }
            let element = "<path fill=\"none\"" + SVGValues.paint("stroke", style.color) + " stroke-width=\""
                + SVGValues.number(style.width) + "\" d=\"" + path.text + "\"/>\n"
            self.style = nil
            path = SVGPathData(decimals: SVGValues.pointDecimals)
            return element
        }
    }
}
