import CDeflate

/// zlib streams (RFC 1950), as PNG's IDAT and PDF's /FlateDecode expect.
enum Deflate {
    /// `bytes` compressed at `level` (0-9) with `strategy` (`Z_DEFAULT_STRATEGY`, `Z_RLE`, ...),
    /// or nil when zlib fails.
    static func compress(_ bytes: [UInt8], level: Int32, strategy: Int32 = Z_DEFAULT_STRATEGY) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CDeflate.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// The inflated zlib stream `bytes` when it holds at most `limit` bytes, else nil.
    static func decompress(_ bytes: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: limit + 1)
        var length = uLongf(output.count)
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(length) <= limit else { return nil }
        return Array(output.prefix(Int(length)))
    }
}
