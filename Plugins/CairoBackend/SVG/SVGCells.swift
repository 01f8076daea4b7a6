import CCairo
import Foundation
import HeatGridCore

/// Cell grids (and a colorbar's bands, a one-column or one-row grid) in SVG.
///
/// - Up to `maxVectorCells` cells: vector, in cell units. One group maps cell (column, row) to
///   the page with a single `matrix(...)` transform, so coordinates inside are small integers,
///   and draws without anti-aliasing (`shape-rendering="crispEdges"`): abutting cells then
///   share their edges pixel by pixel, with no seam and no blend of neighbours at any zoom, as
///   in a raster image. Inside, one `<path>` per colour, in order of first appearance, holds
///   every cell of that colour as rectangles: each unconsumed cell grows right along its row
///   while the colour holds, then down while the whole span below has it (a greedy cover; each
///   cell is in exactly one rectangle). An opaque grid first fills its frame with its most
///   common colour, whose cells then need no rectangles: fewer bytes, and a renderer that
///   anti-aliases anyway shows a cell colour, never the page, along an edge. Fully transparent
///   cells (masked) are left out.
/// - More (rectangles would make a huge file): one `<image>` marked pixelated, about 2048
///   pixels along its longer side, at most 8 per cell, so that renderers which ignore
///   `image-rendering` (librsvg) and smooth it blur only a thin band at each cell edge. Encoded
///   by `PNGEncoder`. A run of 8 KB of spaces follows it: libxml2 (librsvg's parser) drops
///   parsed input from its buffer only where little is left buffered ahead, which a long run of
///   white space guarantees; without it, images with little markup between them stay buffered
///   until they pass its 10 MB limit ("Huge input lookup") and librsvg refuses the file.
enum SVGCells {
    /// Grids with more cells than this are written as an image.
    static let maxVectorCells = 65_536

    /// The grid's markup: vector rectangles or an inline image; nil when zlib fails on an image.
    static func markup(_ grid: CellGrid) -> [UInt8]? {
        grid.rows * grid.columns <= maxVectorCells ? Array(rectangles(grid).utf8) : image(grid)
    }

    /// A gradient's piecewise-constant bands (one per colour, the way the cells' lookup table
    /// colours them) as a grid: rows from top to bottom for a vertical bar, columns for a horizontal one.
    static func bands(_ gradient: GradientItem) -> CellGrid {
        let colors = gradient.colors.isEmpty ? [RGBA.black] : gradient.colors
        let ordered = gradient.direction == .bottomToTop ? colors.reversed() : colors
        let rgba = ordered.flatMap { [$0.red, $0.green, $0.blue, $0.alpha].map(SVGValues.byte) }
        let vertical = gradient.direction == .bottomToTop
        return CellGrid(frame: gradient.frame, rows: vertical ? colors.count : 1, columns: vertical ? 1 : colors.count, rgba: rgba)
    }

    /// The grid as a crisp group of one path per colour, in cell units.
    static func rectangles(_ grid: CellGrid) -> String {
        let rows = grid.rows, columns = grid.columns
        guard rows > 0, columns > 0 else { return "" }
        let colours: [UInt32] = grid.rgba.withUnsafeBufferPointer { b in
            (0..<(rows * columns)).map { UInt32(b[4 * $0]) << 24 | UInt32(b[4 * $0 + 1]) << 16 | UInt32(b[4 * $0 + 2]) << 8 | UInt32(b[4 * $0 + 3]) }
        }
        // Colours in order of first appearance, with their cell counts.
        var order: [UInt32] = [], counts: [UInt32: Int] = [:]
        for c in colours {
            if let n = counts[c] { counts[c] = n + 1 } else { counts[c] = 1; order.append(c) }
        }
        // The most common colour (the first of equals) fills an opaque grid's frame first.
        var baseColour: UInt32?
        if colours.allSatisfy({ $0 & 0xFF == 0xFF }) {
            var most = 0
            for c in order where counts[c]! > most { most = counts[c]!; baseColour = c }
        }

        var paths: [UInt32: SVGPathData] = [:]
        var consumed = [Bool](repeating: false, count: rows * columns)
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let i = row * columns + column, colour = colours[i]
                if consumed[i] || colour == baseColour || colour & 0xFF == 0 { column += 1; continue }
                var width = 1
                while column + width < columns, !consumed[i + width], colours[i + width] == colour { width += 1 }
                var height = 1
                grow: while row + height < rows {
                    let below = (row + height) * columns + column
                    for k in below..<(below + width) where consumed[k] || colours[k] != colour { break grow }
                    height += 1
                }
                for r in row..<(row + height) {
                    let start = r * columns + column
                    for k in start..<(start + width) { consumed[k] = true }
                }
                paths[colour, default: SVGPathData()].rectangle(x: column, y: row, width: width, height: height)
                column += width
            }
        }

        let f = grid.frame
        let w = f.width / Double(columns), h = f.height / Double(rows)
        var out = "<g shape-rendering=\"crispEdges\" transform=\"matrix(" + SVGValues.number(w, decimals: 6) + " 0 0 "
        out += SVGValues.number(h, decimals: 6) + " " + SVGValues.number(f.x) + " " + SVGValues.number(f.y) + ")\">\n"
        if let baseColour {
            var whole = SVGPathData()
            whole.rectangle(x: 0, y: 0, width: columns, height: rows)
            out += "<path" + fill(baseColour) + " d=\"" + whole.text + "\"/>\n"
        }
        for colour in order {
            guard let path = paths[colour] else { continue }
            out += "<path" + fill(colour) + " d=\"" + path.text + "\"/>\n"
        }
        return out + "</g>\n"
    }

    /// ` fill="#rrggbb"` for a packed RGBA colour, with its opacity when translucent.
    private static func fill(_ rgba: UInt32) -> String {
        var out = " fill=\"" + SVGValues.hex(UInt8(rgba >> 24), UInt8(rgba >> 16 & 0xFF), UInt8(rgba >> 8 & 0xFF)) + "\""
        if rgba & 0xFF != 0xFF { out += " fill-opacity=\"" + SVGValues.number(Double(rgba & 0xFF) / 255, decimals: 4) + "\"" }
        return out
    }

    /// The grid as an `<image>` over its frame: a PNG, `scale` pixels per cell, inline.
    static func image(_ grid: CellGrid) -> [UInt8]? {
        let scale = max(1, min(8, 2048 / max(grid.rows, grid.columns)))
        guard let surface = CairoImage.surface(from: grid, scale: scale) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let png = PNGEncoder.encode(surface, dpi: 72) else { return nil }
        let f = grid.frame
        var element = "<image x=\"" + SVGValues.number(f.x) + "\" y=\"" + SVGValues.number(f.y) + "\" width=\"" + SVGValues.number(f.width)
        element += "\" height=\"" + SVGValues.number(f.height) + "\" preserveAspectRatio=\"none\""
        element += " image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,"
        return Array(element.utf8) + Array(Data(png).base64EncodedData()) + Array("\"/>\n".utf8)
            + [UInt8](repeating: UInt8(ascii: " "), count: 8192) + [UInt8(ascii: "\n")]
    }
}
