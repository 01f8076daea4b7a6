import CCairo
import Foundation
import HeatGridCore

/// Draws scene items on a cairo context. One canvas per render: cairo contexts are never shared
/// between tasks.
struct CairoCanvas {
    /// How cell grids are drawn: one nearest-filtered image (PNG: crisp and small), or a
    /// placeholder for an image HeatGrid writes itself (PDF, see `PDFCellImages`).
    enum CellStyle { case image, pdfPlaceholder }

    let cr: OpaquePointer
    let cellStyle: CellStyle
    /// Raster output: marks' outlines get whole-pixel widths on pixel boundaries (crisp, no blur).
    let snapsToPixels: Bool

    init(cr: OpaquePointer, cellStyle: CellStyle, snapsToPixels: Bool = false) {
        self.cr = cr
        self.cellStyle = cellStyle
        self.snapsToPixels = snapsToPixels
        // Unhinted metrics keep glyph positions identical to the measured layout in every format.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// Draws `scene`; returns the grids drawn as placeholders, in drawing order.
    @discardableResult
    func draw(_ scene: Scene) throws -> [CellGrid] {
        setColor(scene.background)
        cairo_paint(cr)
        var placeheld: [CellGrid] = []
        for item in scene.items {
            switch item {
            case .rect(let r): draw(r)
            case .line(let l): draw(l)
            case .cells(let c) where cellStyle == .pdfPlaceholder && PDFCellImages.isDeferred(c):
                drawImage(PDFCellImages.placeholder(index: placeheld.count), in: c.frame)
                placeheld.append(c)
            case .cells(let c): draw(c)
            case .gradient(let g): draw(g)
            case .polygon(let p): draw(p)
            case .text(let t): try draw(t)
            }
        }
        return placeheld
    }

    private func setColor(_ c: RGBA) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func draw(_ item: RectItem) {
        cairo_rectangle(cr, item.rect.x, item.rect.y, item.rect.width, item.rect.height)
        fillAndStroke(fill: item.fill, stroke: item.stroke, lineWidth: item.lineWidth)
    }

    private func draw(_ item: PolygonItem) {
        let item = snapsToPixels && item.role.hasPrefix("mark-") ? snapped(item) : item
        guard let first = item.points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in item.points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        fillAndStroke(fill: item.fill, stroke: item.stroke, lineWidth: item.lineWidth)
    }

    /// `item` with a whole number of device pixels as its width and, where its sides are
    /// horizontal or vertical, each side's stroke edges on pixel boundaries.
    private func snapped(_ item: PolygonItem) -> PolygonItem {
        var dx = item.lineWidth, dy = 0.0
        cairo_user_to_device_distance(cr, &dx, &dy)
        let scale = dx / max(item.lineWidth, 1e-12)
        guard scale > 0, item.lineWidth > 0 else { return item }
        let pixels = max(1, (item.lineWidth * scale).rounded())
        // A centre line at k + pixels/2 device pixels puts both edges of the stroke on pixel boundaries.
        func snap(_ v: Double) -> Double { (((v * scale - pixels / 2).rounded()) + pixels / 2) / scale }
        var out = item
        out.lineWidth = pixels / scale
        out.points = item.points.map { Point(x: snap($0.x), y: snap($0.y)) }
        return out
    }

    private func fillAndStroke(fill: RGBA?, stroke: RGBA?, lineWidth: Double) {
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        // A zero width means no line (in PDF, `0 w` would draw the thinnest line the device can).
        if let stroke, lineWidth > 0 {
            setColor(stroke)
            cairo_set_line_width(cr, lineWidth)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func draw(_ item: LineItem) {
        guard item.width > 0, item.from != item.to else { return }
        setColor(item.color)
        cairo_set_line_width(cr, item.width)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(cr, item.from.x, item.from.y)
        cairo_line_to(cr, item.to.x, item.to.y)
        cairo_stroke(cr)
    }

    /// A grid as one image; where its cells are smaller than the device's pixels (a raster of a
    /// big matrix), an image of the pixels' size whose every pixel averages the cells under it, so
    /// no cell is dropped (a lone hot cell still tints its pixel) and the noise is not exaggerated.
    private func draw(_ grid: CellGrid) {
        var width = grid.frame.width, height = grid.frame.height
        cairo_user_to_device_distance(cr, &width, &height)
        let columns = min(grid.columns, max(1, Int(abs(width).rounded(.up))))
        let rows = min(grid.rows, max(1, Int(abs(height).rounded(.up))))
        let averaged = cellStyle == .image && (columns < grid.columns || rows < grid.rows)
        drawImage(averaged ? CairoImage.averagedSurface(from: grid, columns: columns, rows: rows) : CairoImage.surface(from: grid),
                  in: grid.frame)
    }

    /// `image` stretched over `frame`, each pixel a sharp-edged rectangle; takes ownership of it.
    private func drawImage(_ image: OpaquePointer?, in frame: Rect) {
        guard let image else { return }
        defer { cairo_surface_destroy(image) }
        let pattern = cairo_pattern_create_for_surface(image)
        defer { cairo_pattern_destroy(pattern) }
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, Double(cairo_image_surface_get_width(image)) / frame.width,
                                Double(cairo_image_surface_get_height(image)) / frame.height)
        cairo_matrix_translate(&matrix, -frame.x, -frame.y)
        cairo_pattern_set_matrix(pattern, &matrix)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, cellStyle == .pdfPlaceholder ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD)
        cairo_set_source(cr, pattern)
        cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
        cairo_fill(cr)
    }

    private func draw(_ item: GradientItem) {
        let f = item.frame
        let pattern = item.direction == .bottomToTop
            ? cairo_pattern_create_linear(f.x, f.maxY, f.x, f.y)
            : cairo_pattern_create_linear(f.x, f.y, f.maxX, f.y)
        defer { cairo_pattern_destroy(pattern) }
        // Piecewise constant, one band per colour: exactly what a lookup table gives the cells
        // (a 4-colour discrete map shows 4 bands, not a blend).
        let n = Double(max(item.colors.count, 1))
        for (i, c) in item.colors.enumerated() {
            cairo_pattern_add_color_stop_rgba(pattern, Double(i) / n, c.red, c.green, c.blue, c.alpha)
            cairo_pattern_add_color_stop_rgba(pattern, Double(i + 1) / n, c.red, c.green, c.blue, c.alpha)
        }
        cairo_set_source(cr, pattern)
        cairo_rectangle(cr, f.x, f.y, f.width, f.height)
        cairo_fill(cr)
    }

    /// Shaped glyphs through `cairo_show_text_glyphs`, one call per font run, so PDF keeps the text
    /// extractable (fallback runs included).
    private func draw(_ item: TextItem) throws {
        let shaped = try ShapedText(item.text, font: item.font)
        guard shaped.runs.contains(where: { !$0.glyphs.isEmpty }) else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        setColor(item.color)
        cairo_translate(cr, item.origin.x, item.origin.y)
        cairo_rotate(cr, -item.angle * .pi / 180)
        for run in shaped.runs where !run.glyphs.isEmpty {
            cairo_set_font_face(cr, run.face.cairoFace)
            cairo_set_font_size(cr, item.font.size)
            let glyphs = run.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
            let clusters = Self.clusters(for: run)
            let bytes = Array(shaped.utf8[run.bytes])
            bytes.withUnsafeBufferPointer { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { text in
                    cairo_show_text_glyphs(cr, text.baseAddress, Int32(text.count), glyphs, Int32(glyphs.count),
                                           clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
                }
            }
        }
    }

    /// cairo clusters (bytes, glyphs) of one run from HarfBuzz's per-glyph cluster offsets (left to right).
    static func clusters(for run: ShapedText.Run) -> [cairo_text_cluster_t] {
        var clusters: [cairo_text_cluster_t] = []
        var i = 0
        while i < run.glyphs.count {
            let start = run.glyphs[i].cluster
            var j = i + 1
            while j < run.glyphs.count, run.glyphs[j].cluster == start { j += 1 }
            let end = j < run.glyphs.count ? run.glyphs[j].cluster : run.bytes.upperBound
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(max(end - start, 0)), num_glyphs: Int32(j - i)))
            i = j
        }
        return clusters
    }
}
