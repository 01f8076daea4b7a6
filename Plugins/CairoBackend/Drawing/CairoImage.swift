import CCairo
import HeatGridCore

/// Converts between 8-bit RGBA bytes and cairo's native-endian premultiplied ARGB32 pixels.
public enum CairoImage {
    /// A `columns x rows` image surface holding a cell grid's colours (one pixel per cell).
    static func surface(from grid: CellGrid) -> OpaquePointer? {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(grid.columns), Int32(grid.rows))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        grid.rgba.withUnsafeBufferPointer { rgba in
            for row in 0..<grid.rows {
                let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<grid.columns {
                    let i = (row * grid.columns + column) * 4
                    let a = UInt32(rgba[i + 3])
                    func premultiply(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                    line[column] = a << 24 | premultiply(rgba[i]) << 16 | premultiply(rgba[i + 1]) << 8
                        | premultiply(rgba[i + 2])
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}
