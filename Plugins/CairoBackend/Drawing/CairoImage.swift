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

    /// One premultiplied ARGB32 pixel; opaque ones (nearly all cells) need no arithmetic.
    @inline(__always)
    private static func argb(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ alpha: UInt8) -> UInt32 {
        if alpha == 255 { return 0xFF00_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) }
        let a = UInt32(alpha)
        func premultiply(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
        return a << 24 | premultiply(r) << 16 | premultiply(g) << 8 | premultiply(b)
    }
}
