import CCairo
import Foundation
import HeatGridCore

/// Cell grids in SVG, written by HeatGrid rather than by cairo.
///
/// Cairo prints every coordinate through `printf` (ten numbers per rectangle, thousands of
/// rectangles) and writes images through libpng at its default level, which took most of an
/// SVG's time. So cairo fills a small marker shape, in a colour no figure uses, where each grid
/// belongs in the drawing order, and each marker's element is then replaced by the grid:
///
/// - up to `maxRectangleCells` cells, one `<path>` per horizontal run of equal cells, in a group
///   drawn without anti-aliasing (`shape-rendering="crispEdges"`), so abutting cells neither
///   leave a seam nor blend. For renderers that anti-alias anyway, each run also reaches a whole
///   cell into its right and lower neighbours, which are drawn after it and cover the overlap, so
///   the background never shows through. Grids with translucent cells are not overlapped, which
///   would darken them.
/// - more (rectangles would make a huge file), one `<image>` marked pixelated, about 2048 pixels
///   along its longer side, at most 8 per cell: renderers that ignore `image-rendering` (librsvg)
///   and smooth it then blur only a thin band at each cell edge. Encoded by `PNGEncoder`.
enum SVGCells {
    /// Grids larger than this are written as an image.
    static let maxRectangleCells = 65_536

    /// The marker's colour; cairo writes it as `rgb(12.345678%,87.654321%,50%)` or similar, and
    /// its first component identifies the marker's element.
    private static let marker = (red: 0.12345678, green: 0.87654321, blue: 0.5)
    private static let markerText = Array("12.345678%".utf8)

    /// Fills the marker for one grid at the current point of the drawing order: a small triangle
    /// in its corner. (Not the frame's rectangle: cairo writes a fill and a stroke of the same
    /// path as one element, and the panel frame's stroke would go with the marker.)
    static func drawMarker(_ cr: OpaquePointer, for grid: CellGrid) {
        let f = grid.frame, side = min(f.width, f.height, 1)
        cairo_set_source_rgba(cr, marker.red, marker.green, marker.blue, 1)
        cairo_move_to(cr, f.x, f.y)
        cairo_line_to(cr, f.x + side, f.y)
        cairo_line_to(cr, f.x, f.y + side)
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// `svg` with the n-th marker element replaced by the n-th grid's rectangles or image.
    static func replacingMarkers(in svg: [UInt8], with grids: [CellGrid]) throws -> [UInt8] {
        guard !grids.isEmpty else { return svg }
        // The grids' markup first, big images in parallel.
        let markup = try grids.concurrentMap(cells: grids.reduce(0) { $0 + $1.rows * $1.columns }) { grid -> [UInt8]? in
            grid.rows * grid.columns <= maxRectangleCells ? Array(rectangles(grid).utf8) : image(grid)
        }.map { bytes -> [UInt8] in
            guard let bytes else { throw HeatGridError.backend(format: "svg", message: "zlib failed to compress a cell image") }
            return bytes
        }
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + markup.reduce(0) { $0 + $1.count })
        var copied = 0, from = 0, next = 0
        while next < grids.count, let at = svg.firstIndex(of: markerText, in: from..<svg.count) {
            // The element around the marker colour: from its '<' to its '/>'.
            guard let open = svg[copied..<at].lastIndex(of: UInt8(ascii: "<")),
                  let close = svg.firstIndex(of: Array("/>".utf8), in: at..<svg.count) else { break }
            output += svg[copied..<open]
            output += markup[next]
            copied = close + 2
            from = copied
            next += 1
        }
        guard next == grids.count else {
            throw HeatGridError.backend(format: "svg", message: "cairo's output has \(next) of \(grids.count) cell markers")
        }
        output += svg[copied...]
        return output
    }

    /// The grid's runs of equal cells, one `<path>` each.
    static func rectangles(_ grid: CellGrid) -> String {
        let w = grid.frame.width / Double(grid.columns), h = grid.frame.height / Double(grid.rows)
        let opaque = grid.isOpaque
        let padWidth = opaque ? w : 0, padHeight = opaque ? h : 0
        // Without anti-aliasing, abutting cells share their edge pixel by pixel: no seam and no
        // blend of neighbours, at any zoom (edges land on whole pixels, as in a raster image).
        var out = "<g shape-rendering=\"crispEdges\">\n"
        out.reserveCapacity(grid.rows * grid.columns * 60)
        grid.rgba.withUnsafeBufferPointer { bytes in
            for row in 0..<grid.rows {
                var start = 0
                while start < grid.columns {
                    let base = (row * grid.columns + start) * 4
                    var end = start + 1
                    while end < grid.columns, (0..<4).allSatisfy({ bytes[base + $0] == bytes[(row * grid.columns + end) * 4 + $0] }) {
                        end += 1
                    }
                    let padX = end < grid.columns ? padWidth : 0, padY = row + 1 < grid.rows ? padHeight : 0
                    let width = Double(end - start) * w + padX, height = h + padY
                    out += "<path fill=\"#" + Hex.byte(bytes[base]) + Hex.byte(bytes[base + 1]) + Hex.byte(bytes[base + 2]) + "\""
                    if bytes[base + 3] != 255 { out += " fill-opacity=\"" + number(Double(bytes[base + 3]) / 255) + "\"" }
                    out += " d=\"M" + number(grid.frame.x + Double(start) * w) + " " + number(grid.frame.y + Double(row) * h)
                    out += "h" + number(width) + "v" + number(height) + "h" + number(-width) + "z\"/>\n"
                    start = end
                }
            }
        }
        return out + "</g>\n"
    }

    /// The grid as an `<image>` over its frame: a PNG, `scale` pixels per cell, inline.
    static func image(_ grid: CellGrid) -> [UInt8]? {
        let scale = max(1, min(8, 2048 / max(grid.rows, grid.columns)))
        guard let surface = CairoImage.surface(from: grid, scale: scale) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let png = PNGEncoder.encode(surface, dpi: 72) else { return nil }
        let f = grid.frame
        var element = "<image x=\"" + number(f.x) + "\" y=\"" + number(f.y) + "\" width=\"" + number(f.width)
        element += "\" height=\"" + number(f.height) + "\" preserveAspectRatio=\"none\""
        element += " image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,"
        return Array(element.utf8) + Array(Data(png).base64EncodedData()) + Array("\"/>\n".utf8)
    }

    /// A number with up to 6 decimals, as cairo gives coordinates, without `printf`.
    static func number(_ value: Double) -> String {
        let micro = Int64((value * 1_000_000).rounded())
        let negative = micro < 0
        let magnitude = negative ? -micro : micro
        var text = (negative ? "-" : "") + String(magnitude / 1_000_000)
        var fraction = magnitude % 1_000_000
        if fraction != 0 {
            var digits = 6
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let written = String(fraction)
            text += "." + String(repeating: "0", count: digits - written.count) + written
        }
        return text
    }
}
