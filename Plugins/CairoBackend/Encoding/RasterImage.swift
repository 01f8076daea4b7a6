import CCairo
import HeatGridCore

/// A decoded PNG as 8-bit RGBA pixels: how tests and tools read colours back out of a render.
public struct RasterImage: Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes, un-premultiplied RGBA, row after row.
    public let rgba: [UInt8]

    /// Decodes the PNG file at `path`; nil when it is not a readable PNG.
    public init?(pngFile path: String) {
        let surface = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
                || cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface) else { return nil }
        let opaque = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let line = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = line[x], a = opaque ? 255 : (p >> 24) & 0xff
                func unpremultiply(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                let i = (y * width + x) * 4
                rgba[i] = unpremultiply((p >> 16) & 0xff)
                rgba[i + 1] = unpremultiply((p >> 8) & 0xff)
                rgba[i + 2] = unpremultiply(p & 0xff)
                rgba[i + 3] = UInt8(a)
            }
        }
        self.rgba = rgba
    }

    /// The colour of the pixel at `x`, `y`.
    public func pixel(x: Int, y: Int) -> RGBA {
        let i = (y * width + x) * 4
        return RGBA(red: Double(rgba[i]) / 255, green: Double(rgba[i + 1]) / 255,
                    blue: Double(rgba[i + 2]) / 255, alpha: Double(rgba[i + 3]) / 255)
    }
}
