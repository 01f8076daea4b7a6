import CCairo
import CDeflate
import HeatGridCore

/// Cell grids in PDF files, encoded by HeatGrid rather than by cairo.
///
/// Cairo deflates every image at zlib's default level, which for big noisy grids (8 x 1024² cells,
/// 25 MB of pixels) takes seconds. So cairo draws a tiny tagged placeholder image for each opaque
/// grid, and the real images are appended to its PDF as an incremental update (ISO 32000-1, 7.5.6):
/// new versions of the placeholder objects and an xref section pointing at them. Readers use the
/// newest version of an object, and an image always fills the unit square of its placement, so
/// the page shows every cell exactly where cairo put the placeholder, with `/Interpolate false`.
/// The images are indexed colour when a grid has at most 256 colours (one byte per cell instead of
/// three, still lossless), and are compressed in parallel.
enum PDFCellImages {
    /// Placeholder pixels: "HGcell#" then the grid's index in five bytes, as 4 RGB24 pixels.
    private static let tag: [UInt8] = Array("HGcell#".utf8)

    /// Grids drawn as placeholders: opaque ones (a translucent grid needs a soft mask, which
    /// cairo still writes).
    static func isDeferred(_ grid: CellGrid) -> Bool { grid.isOpaque }

    /// The 4x1 placeholder cairo draws for deferred grid number `index`.
    static func placeholder(index: Int) -> OpaquePointer? {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 1)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        let bytes = tag + [UInt8(truncatingIfNeeded: index >> 32), UInt8(truncatingIfNeeded: index >> 24),
                           UInt8(truncatingIfNeeded: index >> 16), UInt8(truncatingIfNeeded: index >> 8),
                           UInt8(truncatingIfNeeded: index)]
        let pixels = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt32.self)
        for p in 0..<4 {
            pixels[p] = 0xFF00_0000 | UInt32(bytes[3 * p]) << 16 | UInt32(bytes[3 * p + 1]) << 8 | UInt32(bytes[3 * p + 2])
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// `pdf` (cairo's output, drawn with a placeholder for each of `grids`) with the grids' images
    /// appended as an incremental update.
    static func appending(_ grids: [CellGrid], to pdf: [UInt8]) throws -> [UInt8] {
        guard !grids.isEmpty else { return pdf }
        let file = PDFBytes(pdf)
        var objects = [Int?](repeating: nil, count: grids.count)
        for image in file.imageObjects() {
            guard let index = placeholderIndex(of: image, in: file), index < grids.count else { continue }
            objects[index] = image.number
        }
        guard let trailer = file.lastTrailer() else { throw failure("cannot find the trailer cairo wrote") }
        let encoded = grids.concurrentMap(cells: grids.reduce(0) { $0 + $1.rows * $1.columns }) { encode($0) }

        var out = pdf
        if out.last != 0x0A { out.append(0x0A) }
        var offsets: [(number: Int, offset: Int)] = []
        for (index, number) in objects.enumerated() {
            guard let number else { throw MissingPlaceholder.missing }
            guard let image = encoded[index] else { throw failure("zlib failed to compress cell grid \(index + 1)") }
            offsets.append((number, out.count))
            out += Array("\(number) 0 obj\n<< \(image.dictionary) /Length \(image.data.count) >>\nstream\n".utf8)
            out += image.data
            out += Array("\nendstream\nendobj\n".utf8)
        }
        out += trailer.isStream ? xrefStream(offsets, at: out.count, trailer: trailer) : xrefTable(offsets, at: out.count, trailer: trailer)
        return out
    }

    // MARK: Finding the placeholders

    private static func placeholderIndex(of image: PDFBytes.StreamObject, in file: PDFBytes) -> Int? {
        guard file.integer(for: "Width", in: image.dictionary) == 4, file.integer(for: "Height", in: image.dictionary) == 1,
              let data = file.streamData(of: image) else { return nil }
        let filter = file.value(for: "Filter", in: image.dictionary)
        let pixels: [UInt8]
        if filter == nil {
            pixels = Array(data)
        } else if filter == "/FlateDecode", let inflated = Deflate.decompress(data, limit: 12) {
            pixels = inflated
        } else {
            return nil
        }
        guard pixels.count == 12, Array(pixels.prefix(tag.count)) == tag else { return nil }
        return pixels[tag.count...].reduce(0) { $0 << 8 | Int($1) }
    }

    // MARK: Encoding the images

    private struct EncodedImage {
        var dictionary: String
        var data: [UInt8]
    }

    /// An image XObject of `grid`: indexed colour when it has at most 256 colours, else RGB.
    private static func encode(_ grid: CellGrid) -> EncodedImage? {
        let cells = grid.rows * grid.columns
        let indexed = paletteIndices(grid)
        let common = "/Type /XObject /Subtype /Image /Width \(grid.columns) /Height \(grid.rows) /BitsPerComponent 8 /Interpolate false /Filter /FlateDecode"
        if let (palette, indices) = indexed {
            let hex = palette.map { colour -> String in
                withUnsafeBytes(of: colour) { b in b.prefix(3).map(Hex.byte).joined() }
            }.joined()
            guard let data = compressed(indices) else { return nil }
            return EncodedImage(dictionary: "\(common) /ColorSpace [/Indexed /DeviceRGB \(palette.count - 1) <\(hex)>]", data: data)
        }
        var rgb = [UInt8](repeating: 0, count: cells * 3)
        for i in 0..<cells {
            rgb[3 * i] = grid.rgba[4 * i]; rgb[3 * i + 1] = grid.rgba[4 * i + 1]; rgb[3 * i + 2] = grid.rgba[4 * i + 2]
        }
        guard let data = compressed(rgb) else { return nil }
        return EncodedImage(dictionary: "\(common) /ColorSpace /DeviceRGB", data: data)
    }

    /// The grid's colours (RGB, in memory order) and each cell's index among them, or nil when
    /// there are more than 256.
    private static func paletteIndices(_ grid: CellGrid) -> (palette: [UInt32], indices: [UInt8])? {
        let cells = grid.rows * grid.columns
        guard cells > 0 else { return nil }
        var palette: [UInt32] = []
        // Open addressing by colour hash: slot holds palette index + 1, 0 when empty.
        var slots = [UInt16](repeating: 0, count: 1 << 16)
        var fits = true
        let indices = [UInt8](unsafeUninitializedCapacity: cells) { indices, initialized in
            grid.rgba.withUnsafeBytes { raw in
                slots.withUnsafeMutableBufferPointer { slots in
                    let pixels = raw.bindMemory(to: UInt32.self)
                    let rgbMask = UInt32(0x00FF_FFFF).littleEndian
                    var last = pixels[0] & rgbMask ^ 1, lastIndex: UInt8 = 0  // `last` matches no cell yet
                    for i in 0..<cells {
                        let colour = pixels[i] & rgbMask
                        if colour != last {
                            var slot = Int((colour &* 0x9E37_79B1) >> 16)
                            while slots[slot] != 0, palette[Int(slots[slot]) &- 1] != colour { slot = (slot &+ 1) & 0xFFFF }
                            if slots[slot] == 0 {
                                guard palette.count < 256 else { fits = false; break }
                                palette.append(colour)
                                slots[slot] = UInt16(palette.count)
                            }
                            last = colour
                            lastIndex = UInt8(truncatingIfNeeded: slots[slot] &- 1)
                        }
                        indices[i] = lastIndex
                    }
                }
            }
            initialized = fits ? cells : 0
        }
        return fits ? (palette, indices) : nil
    }

    /// Small images get zlib's default level; big ones (noisy data, where longer match searches gain
    /// little) the run-length strategy, several times faster.
    private static func compressed(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.count >= 1 << 18 ? Deflate.compress(bytes, level: 1, strategy: Z_RLE) : Deflate.compress(bytes, level: 6)
    }

    // MARK: The update's cross-reference section

    /// A classic xref section and trailer, for files whose last section is a table.
    private static func xrefTable(_ offsets: [(number: Int, offset: Int)], at start: Int, trailer: PDFBytes.Trailer) -> [UInt8] {
        var text = "xref\n"
        for entry in offsets.sorted(by: { $0.number < $1.number }) {
            text += "\(entry.number) 1\n" + pad(entry.offset, 10) + " 00000 n\r\n"
        }
        text += "trailer\n<< /Size \(trailer.size)\(trailer.carriedEntries) /Prev \(trailer.offset) >>\nstartxref\n\(start)\n%%EOF\n"
        return Array(text.utf8)
    }

    /// An xref stream (a new object numbered `/Size`), for files whose last section is one:
    /// type-1 entries, 1 + 8 + 2 bytes each, uncompressed.
    private static func xrefStream(_ offsets: [(number: Int, offset: Int)], at start: Int, trailer: PDFBytes.Trailer) -> [UInt8] {
        let entries = (offsets + [(trailer.size, start)]).sorted { $0.number < $1.number }
        var data: [UInt8] = []
        for entry in entries {
            data.append(1)
            data += (0..<8).reversed().map { UInt8(truncatingIfNeeded: entry.offset >> ($0 * 8)) }
            data += [0, 0]
        }
        let index = entries.map { "\($0.number) 1" }.joined(separator: " ")
        var out = Array(("\(trailer.size) 0 obj\n<< /Type /XRef /Size \(trailer.size + 1)\(trailer.carriedEntries) /Prev \(trailer.offset)"
                         + " /W [1 8 2] /Index [\(index)] /Length \(data.count) >>\nstream\n").utf8)
        out += data
        out += Array("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n".utf8)
        return out
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Cairo wrote no placeholder for some grid (the caller falls back to cairo's own images).
    enum MissingPlaceholder: Error { case missing }

    private static func failure(_ message: String) -> HeatGridError {
        .backend(format: "pdf", message: "writing the cell images: \(message)")
    }
}
