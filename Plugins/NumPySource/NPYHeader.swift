/// What a .npy file's header says: element type, memory order and shape, and where the data
/// starts. Layout (NumPy's `numpy.lib.format`): the magic `\x93NUMPY`, a major and minor
/// version byte, the header length (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and
/// 3.0), then the header: a Python dict literal padded with spaces and a newline.
struct NPYHeader: Equatable {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    var dtype: NPYDType
    /// Whether the first axis varies fastest in memory (column-major), not the last.
    var fortranOrder: Bool
    var shape: [Int]
    /// Offset of the first data byte from the start of the .npy image.
    var dataOffset: Int

    /// Reads the header at the start of `bytes` (a whole .npy image).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> NPYHeader {
        guard bytes.starts(with: magic) else {
            throw NumPyFormatError("not a NumPy .npy file (bad magic bytes; expected \"\\x93NUMPY\")")
        }
        guard bytes.count >= 8 else { throw truncatedPreamble(bytes.count) }
        let major = bytes[6], minor = bytes[7]
        let headerLength: Int, headerStart: Int
        switch (major, minor) {
        case (1, 0):
            guard bytes.count >= 10 else { throw truncatedPreamble(bytes.count) }
            headerLength = Int(UInt16(bytes[8]) | UInt16(bytes[9]) << 8)
            headerStart = 10
        case (2, 0), (3, 0):
            guard bytes.count >= 12 else { throw truncatedPreamble(bytes.count) }
            headerLength = Int(bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
            headerStart = 12
        default:
            throw NumPyFormatError("unsupported .npy format version \(major).\(minor); expected 1.0, 2.0 or 3.0")
        }
        // Both are small enough (at most 12 + 2^32 - 1) that the sum cannot overflow.
        let dataOffset = headerStart + headerLength
        guard dataOffset <= bytes.count else {
            throw NumPyFormatError("truncated: the header says it is \(headerLength) bytes long but only \(bytes.count - headerStart) follow the preamble")
        }
        let text = [UInt8](bytes[headerStart..<dataOffset])
        let value = try HeaderLiteralParser.parse(text, isUTF8: major >= 3)
        return try interpret(value, dataOffset: dataOffset)
    }

    private static func truncatedPreamble(_ count: Int) -> NumPyFormatError {
        NumPyFormatError("truncated: the file ends inside the .npy preamble (\(count) bytes)")
    }

    /// The three keys NumPy writes; others are ignored.
    private static func interpret(_ value: HeaderValue, dataOffset: Int) throws -> NPYHeader {
        guard case .dict(let entries) = value else {
            throw NumPyFormatError("the .npy header is not a dict; expected e.g. {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4)}")
        }
        func entry(_ key: String) throws -> HeaderValue {
            guard let found = entries.last(where: { $0.key == key }) else {
                throw NumPyFormatError("the .npy header has no '\(key)' key; expected 'descr', 'fortran_order' and 'shape'")
            }
            return found.value
        }

        let dtype: NPYDType
        switch try entry("descr") {
        case .string(let descr): dtype = try NPYDType(descr: descr)
        case .sequence:
            throw NumPyFormatError("structured arrays (a dtype with named fields) are not supported; expected a plain float or integer array")
        default:
            throw NumPyFormatError("the .npy header's 'descr' is not a dtype string like '<f8'")
        }

        guard case .bool(let fortranOrder) = try entry("fortran_order") else {
            throw NumPyFormatError("the .npy header's 'fortran_order' is not True or False")
        }

        guard case .sequence(let items, _) = try entry("shape") else {
            throw NumPyFormatError("the .npy header's 'shape' is not a tuple of whole numbers like (3, 4)")
        }
        var shape: [Int] = []
        for item in items {
            switch item {
            case .integer(let size?) where size >= 0: shape.append(size)
            case .integer(nil): throw NumPyFormatError("the .npy header's 'shape' has an impossibly large dimension")
            default: throw NumPyFormatError("the .npy header's 'shape' is not a tuple of whole numbers like (3, 4)")
            }
        }
        return NPYHeader(dtype: dtype, fortranOrder: fortranOrder, shape: shape, dataOffset: dataOffset)
    }
}
