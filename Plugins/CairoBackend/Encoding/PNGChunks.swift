/// Edits PNG chunk lists: cairo writes no pHYs chunk, but publication users need the DPI in the file.
public enum PNGChunks {
    /// `png` with a pHYs chunk for `dpi` inserted right after IHDR (any existing pHYs is kept out).
    public static func settingDPI(_ dpi: Double, in png: [UInt8]) -> [UInt8] {
        let ihdrEnd = 8 + 4 + 4 + 13 + 4  // signature, then IHDR's length, type, data and CRC
        guard png.count > ihdrEnd else { return png }
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        var data: [UInt8] = []
        data += bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1]  // unit: metre
        let chunk = bigEndian(UInt32(data.count)) + Array("pHYs".utf8) + data
            + bigEndian(crc32(Array("pHYs".utf8) + data))
        return Array(png[..<ihdrEnd]) + chunk + Array(png[ihdrEnd...])
    }

    /// The DPI recorded in a PNG's pHYs chunk, or nil when it has none.
    public static func dpi(of png: [UInt8]) -> Double? {
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(readBigEndian(png, offset))
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "pHYs", length == 9, offset + 17 <= png.count, png[offset + 16] == 1 {
                return Double(readBigEndian(png, offset + 8)) * 0.0254
            }
            offset += 12 + length
        }
        return nil
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
    }

    private static func readBigEndian(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    /// CRC-32 as PNG defines it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(UInt32.max) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    }
}
