import CCairo
import Foundation
import HeatGridCore

/// Draws scenes: PNG (a cairo image surface at `dpi / 72` pixels per point, DPI recorded in the
/// file) and PDF (cairo, 1 unit = 1 pt, fonts embedded as subsets, text kerned by HarfBuzz), and
/// writes SVG straight from the scene (`SVGDocument`, 1 unit = 1 pt): text as glyph outlines
/// from the same fonts and shaping, or with `RenderOptions.svgText == .text` editable `<text>`.
public struct CairoBackend: Backend {
    public let formats = ["png", "pdf", "svg"]
    /// HarfBuzz shaping with the fonts this backend draws with.
    public var textMeasurer: (any TextMeasurer)? { FontTextMeasurer() }

    public let summary = "PNG and PDF through Cairo, SVG written from the scene, text shaped by HarfBuzz (its options: the spec's svg section)"
    public let options = [
        PluginOption("text", .choice(SVGTextMode.allCases.map(\.rawValue)), default: "paths",
                     doc: "SVG text as glyph outlines (looks the same everywhere) or editable <text> elements"),
    ]

    public init() {}

    public func render(_ scene: Scene, format: String, options: RenderOptions) throws -> [UInt8] {
        switch format.lowercased() {
        case "png": return try renderPNG(scene, options: options)
        case "pdf":
            let (pdf, placeheld) = try renderPDF(scene, options: options)
            do {
                return try PDFCellImages.appending(placeheld, to: pdf)
            } catch PDFCellImages.MissingPlaceholder.missing {
                // Cairo left a placeholder out (it drops images too small to show, and another
                // cairo version may write them otherwise): let cairo write every grid itself.
                return try renderPDF(scene, options: options, defersCells: false).bytes
            }
        case "svg": return try SVGDocument.render(scene, options: options)
        default:
            throw HeatGridError.unknownPlugin(kind: "output format", name: format, available: formats)
        }
    }

    /// Pixel size of a scene at `dpi`.
    public static func pixelSize(of scene: Scene, dpi: Double) -> (width: Int, height: Int) {
        (Int((scene.size.width * dpi / 72).rounded()), Int((scene.size.height * dpi / 72).rounded()))
    }

    private func renderPNG(_ scene: Scene, options: RenderOptions) throws -> [UInt8] {
        guard options.dpi.isFinite, Resolution.accepted.contains(options.dpi) else {
            throw HeatGridError.spec(file: "options", key: "dpi", message: Resolution.refusal(options.dpi))
        }
        let (width, height) = Self.pixelSize(of: scene, dpi: options.dpi)
        guard width * height <= 400_000_000 else {
            throw HeatGridError.backend(format: "png", message: "a \(width)x\(height) pixel PNG is too large; lower --dpi")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating a \(width)x\(height) image", format: "png")
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, Double(width) / scene.size.width, Double(height) / scene.size.height)
        try CairoCanvas(cr: cr, cellStyle: .image, snapsToPixels: true).draw(scene)
        try check(cairo_status(cr), "drawing the PNG", format: "png")
        guard let surface, let png = PNGEncoder.encode(surface, dpi: options.dpi) else {
            throw HeatGridError.backend(format: "png", message: "zlib failed to compress the PNG")
        }
        return png
    }

    /// The PDF cairo writes, with placeholders for the `placeheld` grids (see `PDFCellImages`).
    func renderPDF(_ scene: Scene, options: RenderOptions,
                   defersCells: Bool = true) throws -> (bytes: [UInt8], placeheld: [CellGrid]) {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, scene.size.width, scene.size.height)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, options.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "HeatGrid")
        let date = Self.isoDate(options.creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        try check(cairo_surface_status(surface), "creating the PDF surface", format: "pdf")
        let cr = cairo_create(surface)!
        let placeheld: [CellGrid]
        do {
            placeheld = try CairoCanvas(cr: cr, cellStyle: defersCells ? .pdfPlaceholder : .image).draw(scene)
            try check(cairo_status(cr), "drawing", format: "pdf")
        } catch {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        try check(status, "writing the PDF", format: "pdf")
        return (sink.bytes, placeheld)
    }

    /// `2024-01-02T03:04:05Z` for a Unix time.
    static func isoDate(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private func check(_ status: cairo_status_t, _ what: String, format: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw HeatGridError.backend(format: format, message: "cairo failed \(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
