import CHarfBuzz
import HeatGridCore

/// A line of text shaped by HarfBuzz: glyph ids with kerned positions in points, and the
/// clusters that tie glyphs back to UTF-8 bytes (so PDF text stays extractable).
struct ShapedText {
    struct Glyph {
        var id: UInt32
        var x: Double
        var y: Double
        /// Byte offset of the glyph's cluster in the UTF-8 text.
        var cluster: Int
    }

    let utf8: [UInt8]
    let glyphs: [Glyph]
    /// Total advance in points.
    let width: Double

    init(_ text: String, face: FontFace, size: Double) {
        utf8 = Array(text.utf8)
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count))
            }
        }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(face.hbFont, buffer, nil, 0)
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
        let scale = size / face.unitsPerEm
        var x = 0.0
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            let info = infos![i], position = positions![i]
            glyphs.append(Glyph(id: info.codepoint, x: x + Double(position.x_offset) * scale,
                                y: -Double(position.y_offset) * scale, cluster: Int(info.cluster)))
            x += Double(position.x_advance) * scale
        }
        self.glyphs = glyphs
        self.width = x
    }
}
