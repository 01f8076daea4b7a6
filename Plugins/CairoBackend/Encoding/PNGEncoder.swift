import CCairo
import CDeflate

/// Writes a cairo image surface as PNG faster than cairo's own writer (libpng at zlib's default
/// level), which took most of a figure's render time: heatmap rows repeat the row above for a
/// whole cell, so the "Up" filter turns them into zeros that zlib packs well even at its
/// fastest level. Opaque images are written as RGB, others as RGBA; the DPI goes
/// into a pHYs chunk. The output depends only on the pixels (reproducible).
enum PNGEncoder {
    /// The PNG of `surface` (ARGB32, premultiplied), or nil when zlib fails.
    static func encode(_ surface: OpaquePointer, dpi: Double) -> [UInt8]? {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else { return nil }

        var opaque = true
        for y in 0..<height where opaque {
            let line = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where line[x] >> 24 != 0xFF { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels

        // Filtered scanlines: a filter byte, then the row minus the row above ("Up"), made and
        // compressed a block of rows at a time (a few hundred kB that stay in cache). Level 1: the
        // rows are mostly zeros after filtering, so the fastest level loses little (3% on the
        // flagship figure) and halves noisy big images' time.
        guard let stream = Deflate.Stream(level: 1) else { return nil }
        let blockRows = max(1, (256 << 10) / (rowBytes + 1))
        var block = [UInt8](repeating: 0, count: blockRows * (rowBytes + 1))
        func line(_ y: Int) -> UnsafePointer<UInt32> {
            UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        }
        for firstRow in Swift.stride(from: 0, to: height, by: blockRows) {
            let rows = min(blockRows, height - firstRow)
            let written = block.withUnsafeMutableBufferPointer { out -> Bool in
                for y in firstRow..<(firstRow + rows) {
                    let row = out.baseAddress! + (y - firstRow) * (rowBytes + 1)
                    row[0] = 2  // Up
                    filter(line(y), above: y == 0 ? nil : line(y - 1), width: width, opaque: opaque, into: row + 1)
                }
                return stream.write(UnsafeBufferPointer(rebasing: out[0..<(rows * (rowBytes + 1))]))
            }
            guard written else { return nil }
        }
        guard let compressed = stream.finish() else { return nil }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, opaque ? 2 : 6, 0, 0, 0]
        png += chunk("IHDR", header)
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        png += chunk("pHYs", bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1])
        png += chunk("IDAT", compressed)
        png += chunk("IEND", [])
        return png
    }

    /// One row, minus the row above (nil for the first row), as RGB (opaque) or RGBA bytes.
    @inline(__always)
    private static func filter(_ current: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>?, width: Int, opaque: Bool,
                               into row: UnsafeMutablePointer<UInt8>) {
        if opaque {
            // The common case, kept tight: no unpremultiplying, the row above read in place.
            var o = 0
            if let above {
                for x in 0..<width {
                    let p = current[x], q = above[x]
                    row[o] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
                    row[o + 1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
                    row[o + 2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
                    o += 3
                }
            } else {
                for x in 0..<width {
                    let p = current[x]
                    row[o] = UInt8(truncatingIfNeeded: p >> 16); row[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    row[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
        } else {
            for x in 0..<width {
                let d = unpremultiplied(current[x]) &- (above.map { unpremultiplied($0[x]) } ?? SIMD4<UInt8>())
                row[4 * x] = d.x; row[4 * x + 1] = d.y; row[4 * x + 2] = d.z; row[4 * x + 3] = d.w
            }
        }
    }

    /// ARGB32 premultiplied to straight RGBA.
    private static func unpremultiplied(_ pixel: UInt32) -> SIMD4<UInt8> {
        let a = pixel >> 24
        func channel(_ shift: UInt32) -> UInt8 {
            let c = (pixel >> shift) & 0xFF
            return a == 0xFF ? UInt8(c) : a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
        }
        return SIMD4(channel(16), channel(8), channel(0), UInt8(a))
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc)
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
