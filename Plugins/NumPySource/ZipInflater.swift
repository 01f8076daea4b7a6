import Foundation
import ZIPFoundation

/// Inflates a deflated zip member with ZIPFoundation's zlib binding, from a byte range
/// `ZipDirectory` has checked, guarding against the ways a corrupt member could hang, over-read
/// or exhaust memory.
enum ZipInflater {
    /// Compressed bytes handed to zlib per step (and the size of each inflated chunk).
    private static let chunkSize = 1 << 20

    private struct InputExhausted: Error {}
    private struct OutputTooLarge: Error {}

    /// The inflated bytes of `compressed`, which must inflate to exactly `expectedSize` bytes.
    static func inflate(_ compressed: UnsafeRawBufferPointer, expectedSize: UInt64) throws -> Data {
        var output = Data()
        // The claimed size is unchecked until the data is inflated, so reserve no more than
        // twice the compressed size (float arrays rarely compress further); growth does the rest.
        output.reserveCapacity(Int(min(expectedSize, UInt64(compressed.count) * 2)))
        var consumed = 0
        do {
            _ = try Data.decompress(size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: true,
                                    provider: { _, size in
                // On Linux ZIPFoundation asks for more input until the stream ends (spinning
                // forever on an empty chunk) and tells zlib every chunk is `size` bytes (so
                // zlib would read past a short one). So: chunks of exactly the size asked for,
                // zero-padded at the end, and an error once the member's bytes are used up. A
                // stream cut short may run on into the padding; zlib then fails, or the size
                // or checksum check does.
                guard consumed < compressed.count else { throw InputExhausted() }
                let take = min(size, compressed.count - consumed)
                var chunk = Data(count: size)
                chunk.withUnsafeMutableBytes {
                    $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: compressed[consumed..<consumed + take]))
                }
                consumed += take
                return chunk
            }, consumer: { piece in
                guard UInt64(output.count + piece.count) <= expectedSize else { throw OutputTooLarge() }
                output.append(piece)
            })
        } catch is InputExhausted {
            throw NumPyFormatError("corrupt compressed data: the deflate stream ends early")
        } catch is OutputTooLarge {
            throw NumPyFormatError("corrupt compressed data: it inflates to more than the \(expectedSize) bytes the archive says")
        } catch {
            throw NumPyFormatError("corrupt compressed data (the deflate stream cannot be decoded)")
        }
        guard UInt64(output.count) == expectedSize else {
            throw NumPyFormatError("corrupt compressed data: it inflates to \(output.count) bytes, not the \(expectedSize) the archive says")
        }
        return output
    }
}
