import Foundation
import HeatGridCore
import Testing
import ZIPFoundation
@testable import NumPySource
@_exported import TestSupport

/// Loads `bytes` (written to a temporary file called `name`) with `NumPySource`.
func load(_ bytes: [UInt8], name: String = "data.npy") throws -> Dataset {
    let scratch = try Scratch(prefix: "NumPySourceTests")
    let url = try scratch.write(bytes, name: name)
    return try NumPySource().load(DataRequest(url: url, displayPath: "fixtures/\(name)", spec: DataSpec(path: name)))
}

/// The message of the `HeatGridError.data` loading `bytes` throws, which must name the file
/// and give no line or column (recording an issue when it throws nothing or another error).
func loadFailure(_ bytes: [UInt8], name: String = "data.npy",
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    do {
        let dataset = try load(bytes, name: name)
        Issue.record("expected a data error, loaded \(dataset.panels.count) panels", sourceLocation: sourceLocation)
    } catch let HeatGridError.data(file, line, column, message) {
        #expect(file == "fixtures/\(name)", sourceLocation: sourceLocation)
        #expect(line == nil && column == nil, sourceLocation: sourceLocation)
        return message
    } catch {
        Issue.record("expected a data error, got \(error)", sourceLocation: sourceLocation)
    }
    throw CancellationError()
}

// MARK: - Writing .npy images

/// Element types the writer encodes, with their NumPy type codes.
enum TestScalar: String, CaseIterable {
    case f2, f4, f8, i1, i2, i4, i8, u1, u2, u4, u8, b1

    /// The value `v` (a whole number for integer types) as stored, least significant byte first.
    func littleEndianBytes(_ v: Double) -> [UInt8] {
        switch self {
        case .f2: return bytes(halfBits(v))
        case .f4: return bytes(Float(v).bitPattern)
        case .f8: return bytes(v.bitPattern)
        case .i1: return bytes(UInt8(bitPattern: Int8(v)))
        case .i2: return bytes(UInt16(bitPattern: Int16(v)))
        case .i4: return bytes(UInt32(bitPattern: Int32(v)))
        case .i8: return bytes(UInt64(bitPattern: Int64(v)))
        case .u1: return bytes(UInt8(v))
        case .u2: return bytes(UInt16(v))
        case .u4: return bytes(UInt32(v))
        case .u8: return bytes(UInt64(v))
        case .b1: return [v == 0 ? 0 : 1]
        }
    }

    private func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// Half-precision bits for values that are exact in half precision (as the tests use).
    private func halfBits(_ v: Double) -> UInt16 {
        if v.isNaN { return 0x7E00 }
        let sign: UInt16 = v.sign == .minus ? 0x8000 : 0
        if v.isInfinite { return sign | 0x7C00 }
        let magnitude = abs(v)
        if magnitude == 0 { return sign }
        let exponent = Int(magnitude.exponent)
        if exponent < -14 { return sign | UInt16(magnitude * 0x1p24) }  // subnormal
        let fraction = UInt16((magnitude / Double(sign: .plus, exponent: exponent, significand: 1) - 1) * 1024)
        return sign | UInt16(exponent + 15) << 10 | fraction
    }
}

/// A .npy image, built as `numpy.lib.format` writes one.
struct NPY {
    /// Row-major (C order) values; the writer reorders them for Fortran order.
    var values: [Double]
    var shape: [Int]
    var scalar: TestScalar = .f8
    var bigEndian = false
    var fortranOrder = false
    var version: (major: UInt8, minor: UInt8) = (1, 0)
    /// Replaces the whole header dict (for odd or broken headers).
    var header: String?

    var descr: String {
        let order = [.i1, .u1, .b1].contains(scalar) ? "|" : bigEndian ? ">" : "<"
        return order + scalar.rawValue
    }

    var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The header NumPy writes: `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
    var dictText: String {
        header ?? "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
    }

    var bytes: [UInt8] {
        var out = NPYHeader.magic + [version.major, version.minor]
        let lengthSize = version.major == 1 ? 2 : 4
        // Padded with spaces and ended by a newline so the data starts on a 64-byte boundary.
        var text = Array(dictText.utf8)
        let unpadded = out.count + lengthSize + text.count + 1
        text += [UInt8](repeating: 0x20, count: (64 - unpadded % 64) % 64) + [0x0A]
        out += (0..<lengthSize).map { UInt8(truncatingIfNeeded: text.count >> ($0 * 8)) }
        return out + text + payload
    }

    /// The data alone, in the array's memory order and byte order.
    var payload: [UInt8] {
        var order = Array(values.indices)
        if fortranOrder {
            // Memory index m holds the C-order element whose indices, read first axis fastest,
            // spell m.
            order = (0..<values.count).map { memoryIndex in
                var rest = memoryIndex, cIndex = 0, stride = 1
                var indices = [Int](repeating: 0, count: shape.count)
                for axis in shape.indices { indices[axis] = rest % shape[axis]; rest /= shape[axis] }
                for axis in shape.indices.reversed() { cIndex += indices[axis] * stride; stride *= shape[axis] }
                return cIndex
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 8)
        for index in order {
            let little = scalar.littleEndianBytes(values[index])
            out.append(contentsOf: bigEndian ? little.reversed() : little)
        }
        return out
    }
}

/// `count` distinct, exactly representable test values: 0.5, 1.5, 2.5, ... with alternating signs.
func sampleValues(_ count: Int) -> [Double] {
    (0..<count).map { Double($0) + 0.5 * ($0 % 2 == 0 ? 1 : -1) }
}

// MARK: - Writing .npz archives

/// An .npz archive written by ZIPFoundation (stored or deflated members, as np.savez and
/// np.savez_compressed give), so the reader is checked against an independent zip writer.
func npz(_ members: [(name: String, bytes: [UInt8])], compressed: Bool) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for member in members {
        let data = Data(member.bytes)
        try archive.addEntry(with: member.name, type: member.name.hasSuffix("/") ? .directory : .file, uncompressedSize: Int64(data.count),
                             compressionMethod: compressed ? .deflate : .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    guard let data = archive.data else { throw CancellationError() }
    return [UInt8](data)
}

/// A hand-built zip archive, for what ZIPFoundation will not write: ZIP64 extra fields (which
/// NumPy adds to every member), trailing comments, and corrupt or hostile members.
struct ZipBuilder {
    struct Member {
        var name: String
        /// The bytes stored in the archive (already compressed for method 8).
        var stored: [UInt8]
        var method: UInt16 = 0
        /// Defaults to the CRC and size of `stored`.
        var crc32: UInt32?
        var uncompressedSize: UInt64?
        /// Write sizes and offset as 0xFFFFFFFF with a ZIP64 extra field in the central
        /// directory (and a ZIP64 extra in the local header, as Python's force_zip64 does).
        var zip64 = false
        var flags: UInt16 = 0
    }

    var members: [Member] = []
    var comment: [UInt8] = []

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for member in members {
            let offset = out.count
            let crc = member.crc32 ?? member.stored.withUnsafeBytes { ZipCRC32.checksum($0) }
            let size = member.uncompressedSize ?? UInt64(member.stored.count)
            let name = Array(member.name.utf8)
            let localExtra: [UInt8] = member.zip64 ? le16(1) + le16(16) + le64(size) + le64(UInt64(member.stored.count)) : []
            out += le32(0x0403_4B50) + le16(45) + le16(member.flags) + le16(member.method) + le32(0) + le32(crc)
            out += member.zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
                : le32(UInt32(member.stored.count)) + le32(UInt32(truncatingIfNeeded: size))
            out += le16(UInt16(name.count)) + le16(UInt16(localExtra.count)) + name + localExtra + member.stored

            let centralExtra: [UInt8] = member.zip64
                ? le16(1) + le16(24) + le64(size) + le64(UInt64(member.stored.count)) + le64(UInt64(offset)) : []
            central += le32(0x0201_4B50) + le16(0x031E) + le16(45) + le16(member.flags) + le16(member.method)
            central += le32(0) + le32(crc)
            central += member.zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
                : le32(UInt32(member.stored.count)) + le32(UInt32(truncatingIfNeeded: size))
            central += le16(UInt16(name.count)) + le16(UInt16(centralExtra.count)) + le16(0) + le16(0) + le16(0)
            central += le32(0o100644 << 16) + (member.zip64 ? le32(0xFFFF_FFFF) : le32(UInt32(offset)))
            central += name + centralExtra
        }
        let directoryOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(UInt16(comment.count)) + comment
        return out
    }
}

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }
func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }

/// `bytes` deflated (raw deflate, as a zip member holds it), by ZIPFoundation.
func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
    let data = Data(bytes)
    var out = Data()
    _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
    }, consumer: { out.append($0) })
    return [UInt8](out)
}

