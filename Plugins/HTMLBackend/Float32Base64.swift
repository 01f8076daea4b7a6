import Foundation

/// Cell values as the page carries them: each value rounded to a Float32, its four bytes
/// little-endian, the whole block in base64 (5.3 bytes a cell, against about 10 as JSON text).
/// The page's script reads them straight into a `Float32Array`. NaN stays NaN (bad cells).
enum Float32Base64 {
    /// `values` as base64 text of little-endian Float32s.
    static func encode(_ values: [Double]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        bytes.withUnsafeMutableBytes { raw in
            for (k, value) in values.enumerated() {
                raw.storeBytes(of: Float(value).bitPattern.littleEndian, toByteOffset: 4 * k, as: UInt32.self)
            }
        }
        return [UInt8](Data(bytes).base64EncodedData())
    }

    /// The values back from `encode`'s text (for tests and inspection), or nil when it is not base64.
    static func decode(_ text: [UInt8]) -> [Float]? {
        guard let data = Data(base64Encoded: Data(text)), data.count % 4 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 4).map { k -> Float in
            var bits: UInt32 = 0
            for i in 0..<4 { bits |= UInt32(bytes[k + i]) << (8 * UInt32(i)) }
            return Float(bitPattern: bits)
        }
    }
}
