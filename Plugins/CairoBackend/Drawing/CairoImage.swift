import CCairo
import HeatGridCore

/// Converts between 8-bit RGBA bytes and cairo's native-endian premultiplied ARGB32 pixels.
public enum CairoImage {
    /// A `columns x rows` image surface holding a cell grid's colours, `scale x scale` pixels per
    /// cell (1 normally; more for SVG, whose viewers may smooth the image: then only a thin band
    /// at each cell edge blurs).
    static func surface(from grid: CellGrid, scale: Int = 1) -> OpaquePointer? {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(grid.columns * scale), Int32(grid.rows * scale))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        grid.rgba.withUnsafeBufferPointer { rgba in
            for y in 0..<(grid.rows * scale) {
                let line = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var i = (y / scale) * grid.columns * 4, x = 0
                for _ in 0..<grid.columns {
                    let pixel = argb(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
                    for _ in 0..<scale { line[x] = pixel; x += 1 }
                    i += 4
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// A `columns x rows` image (fewer than the grid's) whose pixel (x, y) averages, in
    /// premultiplied colour, the cells whose index maps to it: cell c lands on pixel
    /// c * columns / grid.columns, so every cell counts exactly once.
    static func averagedSurface(from grid: CellGrid, columns: Int, rows: Int) -> OpaquePointer? {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let target = (0..<grid.columns).map { $0 * columns / grid.columns }
        let sums = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: columns * 4)
        let counts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: columns)
        defer { sums.deallocate(); counts.deallocate() }
        var cellRow = 0
        grid.rgba.withUnsafeBufferPointer { rgba in
            for y in 0..<rows {
                sums.update(repeating: 0)
                counts.update(repeating: 0)
                // The cell rows that land on pixel row y.
                while cellRow < grid.rows, cellRow * rows / grid.rows == y {
                    var i = cellRow * grid.columns * 4
                    for column in 0..<grid.columns {
                        let x = target[column], a = UInt32(rgba[i + 3])
                        if a == 255 {  // nearly every cell: no premultiplying
                            sums[4 * x] &+= UInt32(rgba[i]); sums[4 * x + 1] &+= UInt32(rgba[i + 1])
                            sums[4 * x + 2] &+= UInt32(rgba[i + 2])
                        } else {
                            sums[4 * x] &+= (UInt32(rgba[i]) * a + 127) / 255
                            sums[4 * x + 1] &+= (UInt32(rgba[i + 1]) * a + 127) / 255
                            sums[4 * x + 2] &+= (UInt32(rgba[i + 2]) * a + 127) / 255
                        }
                        sums[4 * x + 3] &+= a
                        counts[x] &+= 1
                        i += 4
                    }
                    cellRow += 1
                }
                let line = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<columns {
                    let n = max(counts[x], 1), half = n / 2
                    let r = (sums[4 * x] + half) / n, g = (sums[4 * x + 1] + half) / n
                    let b = (sums[4 * x + 2] + half) / n, a = (sums[4 * x + 3] + half) / n
                    line[x] = a << 24 | r << 16 | g << 8 | b
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// One premultiplied ARGB32 pixel; opaque ones (nearly all cells) need no arithmetic.
    @inline(__always)
    private static func argb(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ alpha: UInt8) -> UInt32 {
        if alpha == 255 { return 0xFF00_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) }
        let a = UInt32(alpha)
        func premultiply(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
        return a << 24 | premultiply(r) << 16 | premultiply(g) << 8 | premultiply(b)
    }
}
