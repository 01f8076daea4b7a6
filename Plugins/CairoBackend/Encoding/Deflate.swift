import CDeflate

/// zlib streams (RFC 1950), as PNG's IDAT and PDF's /FlateDecode expect.
enum Deflate {
    /// `bytes` compressed at `level` (0-9) with `strategy` (`Z_DEFAULT_STRATEGY`, `Z_RLE`, ...),
    /// or nil when zlib fails.
    static func compress(_ bytes: [UInt8], level: Int32, strategy: Int32 = Z_DEFAULT_STRATEGY) -> [UInt8]? {
        guard let stream = Stream(level: level, strategy: strategy) else { return nil }
        guard bytes.withUnsafeBufferPointer({ stream.write($0) }) else { return nil }
        return stream.finish()
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

    /// A zlib stream written a block at a time, so the input never has to exist whole (a PNG's
    /// filtered rows are produced and compressed a few hundred kilobytes at a time).
    final class Stream {
        /// zlib's state points back at its `z_stream`, so that lives at a fixed address.
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private var chunk = [UInt8](repeating: 0, count: 1 << 16)
        private var output: [UInt8] = []

        init?(level: Int32, strategy: Int32 = Z_DEFAULT_STRATEGY) {
            stream.initialize(to: z_stream())
            guard deflateInit2_(stream, level, Z_DEFLATED, 15, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                return nil
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// Compresses `bytes` (valid only during the call); false when zlib fails.
        func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
            stream.pointee.avail_in = uInt(bytes.count)
            return run(Z_NO_FLUSH) != nil
        }

        /// The whole compressed stream, or nil when zlib fails.
        func finish() -> [UInt8]? {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            guard run(Z_FINISH) == Z_STREAM_END else { return nil }
            return output
        }

        /// Deflates until the input is used up (or, finishing, the stream ends), collecting
        /// the output; the last status, or nil on an error.
        private func run(_ flush: Int32) -> Int32? {
            while true {
                let (status, produced): (Int32, Int) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    let status = deflate(stream, flush)
                    return (status, out.count - Int(stream.pointee.avail_out))
                }
                // Z_BUF_ERROR: no progress possible, harmless only while input remains to be given.
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && flush != Z_FINISH) else { return nil }
                output += chunk[0..<produced]
                if status == Z_STREAM_END { return status }
                // Not finishing: done once the input is used up and zlib had output space left over.
                if flush != Z_FINISH, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return status }
            }
        }
    }
}
