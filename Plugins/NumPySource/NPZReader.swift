import Foundation
import HeatGridCore

/// Reads an .npz archive: every member whose name ends in .npy is an array, read in the
/// archive's order and titled by its name without ".npy".
enum NPZReader {
    static func panels(in bytes: UnsafeRawBufferPointer) throws -> [Panel] {
        let members = try ZipDirectory.members(of: bytes)
        var panels: [Panel] = []
        var values = 0
        for member in members where !member.isDirectory && member.name.hasSuffix(".npy") {
            do {
                let arrayPanels = try read(member, in: bytes)
                values += arrayPanels.reduce(0) { $0 + $1.matrix.values.count }
                panels += arrayPanels
            } catch let error as NumPyFormatError {
                throw error.inArchiveMember(member.name)
            }
            // Checked as each array is added, so a large archive stops at the first one too many.
            if panels.count > NumPyLimits.maxPanels {
                throw NumPyFormatError("the archive's arrays give more than \(NumPyLimits.maxPanels) panels; at most \(NumPyLimits.maxPanels) are supported")
            }
            if values > NumPyLimits.maxValues {
                throw NumPyFormatError("the archive's arrays hold more than \(NumPyLimits.maxValues) values; at most \(NumPyLimits.maxValues) are supported")
            }
        }
        guard !panels.isEmpty else {
            let names = members.map { "'\($0.name)'" }
            throw NumPyFormatError(names.isEmpty ? "the .npz archive is empty; expected .npy arrays, as np.savez writes"
                : "the .npz archive holds no .npy arrays (it has \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", ..." : ""))")
        }
        return panels
    }

    /// One member's panels: stored data is read in place, deflated data inflated first; either
    /// way the checksum must match.
    private static func read(_ member: ZipMember, in bytes: UnsafeRawBufferPointer) throws -> [Panel] {
        guard !member.isEncrypted else { throw NumPyFormatError("the member is encrypted") }
        let name = String(member.name.dropLast(".npy".count))
        let raw = UnsafeRawBufferPointer(rebasing: bytes[member.data])
        switch member.method {
        case 0:
            guard UInt64(raw.count) == member.uncompressedSize else {
                throw NumPyFormatError("corrupt archive: a stored member of \(raw.count) bytes claims to be \(member.uncompressedSize)")
            }
            try verify(raw, member)
            return try NPYReader.panels(in: raw, arrayName: name)
        case 8:
            let inflated = try ZipInflater.inflate(raw, expectedSize: member.uncompressedSize)
            return try inflated.withUnsafeBytes { inflated in
                try verify(inflated, member)
                return try NPYReader.panels(in: inflated, arrayName: name)
            }
        default:
            throw NumPyFormatError("compression method \(member.method) is not supported; expected stored or deflate (as np.savez and np.savez_compressed write)")
        }
    }

    private static func verify(_ data: UnsafeRawBufferPointer, _ member: ZipMember) throws {
        guard ZipCRC32.checksum(data) == member.crc32 else {
            throw NumPyFormatError("corrupt data: the CRC-32 checksum does not match the archive's")
        }
    }
}
