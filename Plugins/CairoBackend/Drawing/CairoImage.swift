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
                let row = y / scale
                let line = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<(grid.columns * scale) {
                    let i = (row * grid.columns + x / scale) * 4
                    let a = UInt32(rgba[i + 3])
                    func premultiply(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                    line[x] = a << 24 | premultiply(rgba[i]) << 16 | premultiply(rgba[i + 1]) << 8
                        | premultiply(rgba[i + 2])
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}
