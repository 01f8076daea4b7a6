/// Reads PNG chunks: the DPI a PNG records (its pHYs chunk), and PNG's CRC-32.
public enum PNGChunks {
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
}
