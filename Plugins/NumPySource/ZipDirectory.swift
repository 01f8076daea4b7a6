/// One member of a zip archive, located in the archive's bytes.
struct ZipMember: Equatable {
    var name: String
    /// 0 (stored) or 8 (deflate); others are refused when the member is read.
    var method: UInt16
    var crc32: UInt32
    /// As the directory claims it (unchecked: a deflated member may be larger than the file).
    var uncompressedSize: UInt64
    /// Where the member's (possibly compressed) bytes lie in the archive; checked to be inside it.
    var data: Range<Int>
    var isEncrypted: Bool

    var isDirectory: Bool { name.hasSuffix("/") }
}

/// Reads a zip archive's central directory (with ZIP64 sizes and offsets, which NumPy writes
/// for every member) into the members' names and byte ranges. The archive is a memory-mapped
/// buffer, so a stored member's bytes are used in place. Every offset and size read from the
/// file is bounds-checked; nothing is allocated from a claimed size.
///
/// (ZIPFoundation's `Archive` hides where a member's data starts, and reads it through a FILE
/// stream whose inflate loop never ends on a deflate stream cut short; so only its inflater is
/// used, fed by `ZipInflater` from a range this reader has checked.)
struct ZipDirectory {
    private let bytes: UnsafeRawBufferPointer

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndRecordSignature: UInt32 = 0x0606_4B50
    private static let centralHeaderSignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// The members of the archive in `bytes`, in the order of its central directory (the order
    /// they were written).
    static func members(of bytes: UnsafeRawBufferPointer) throws -> [ZipMember] {
        try ZipDirectory(bytes: bytes).readMembers()
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private func readMembers() throws -> [ZipMember] {
        let end = try findEndRecord()
        var entryCount = Int(try u16(end + 10))
        var directorySize = Int(try u32(end + 12))
        var directoryOffset = Int(try u32(end + 16))

        // A ZIP64 end record, when there is one, holds the full-width values.
        if end >= 20, try u32(end - 20) == Self.zip64LocatorSignature {
            let recordOffset = try offset(try u64(end - 20 + 8), "the ZIP64 end record")
            guard try u32(recordOffset) == Self.zip64EndRecordSignature else {
                throw Self.broken("the ZIP64 end record is missing")
            }
            entryCount = try offset(try u64(recordOffset + 32), "the member count")
            directorySize = try offset(try u64(recordOffset + 40), "the directory size")
            directoryOffset = try offset(try u64(recordOffset + 48), "the directory")
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw Self.broken("the central directory lies outside the file (is it truncated?)")
        }

        var members: [ZipMember] = []
        var position = directoryOffset
        for _ in 0..<entryCount {
            guard try u32(position) == Self.centralHeaderSignature else {
                throw Self.broken("member \(members.count + 1) of \(entryCount) is missing from the central directory")
            }
            let (member, next) = try centralEntry(at: position)
            members.append(member)
            position = next
        }
        return members
    }

    /// The end-of-central-directory record: the last one, searched back over a trailing comment.
    private func findEndRecord() throws -> Int {
        let recordSize = 22
        guard bytes.count >= recordSize else { throw Self.broken("the file is too short to be a zip archive") }
        let lowest = max(0, bytes.count - recordSize - 0xFFFF)
        var position = bytes.count - recordSize
        while position >= lowest {
            if bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian == Self.endRecordSignature {
                return position
            }
            position -= 1
        }
        throw Self.broken("no end-of-central-directory record (the file is truncated or not a zip archive)")
    }

    /// The member described at `position` in the central directory, and where the next entry starts.
    private func centralEntry(at position: Int) throws -> (ZipMember, Int) {
        let flags = try u16(position + 8)
        let method = try u16(position + 10)
        let crc = try u32(position + 16)
        var compressedSize = UInt64(try u32(position + 20))
        var uncompressedSize = UInt64(try u32(position + 24))
        let nameLength = Int(try u16(position + 28))
        let extraLength = Int(try u16(position + 30))
        let commentLength = Int(try u16(position + 32))
        var localOffset = UInt64(try u32(position + 42))
        let nameStart = position + 46
        let nameBytes = try slice(nameStart, nameLength)
        // Bit 11 marks UTF-8 names; Python writes plain ASCII names without it. Other names are
        // taken as Latin-1 rather than refused.
        let name = flags & 0x800 != 0 || nameBytes.allSatisfy({ $0 < 0x80 })
            ? String(decoding: nameBytes, as: UTF8.self)
            : String(String.UnicodeScalarView(nameBytes.map { Unicode.Scalar($0) }))

        // ZIP64 extra field: full-width values for those the fixed fields mark 0xFFFFFFFF, in
        // the order uncompressed size, compressed size, local header offset.
        var extra = nameStart + nameLength
        let extraEnd = extra + extraLength
        _ = try slice(extra, extraLength)
        while extra + 4 <= extraEnd {
            let id = try u16(extra), size = Int(try u16(extra + 2))
            var field = extra + 4
            guard field + size <= extraEnd else { break }
            if id == 0x0001 {
                if uncompressedSize == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { uncompressedSize = try u64(field); field += 8 }
                if compressedSize == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { compressedSize = try u64(field); field += 8 }
                if localOffset == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { localOffset = try u64(field) }
            }
            extra += 4 + size
        }

        // The local header repeats the name and has its own extra field; the data follows it.
        let local = try offset(localOffset, "the local header of '\(name)'")
        guard try u32(local) == Self.localHeaderSignature else {
            throw Self.broken("the local header of '\(name)' is missing")
        }
        let dataStart = local + 30 + Int(try u16(local + 26)) + Int(try u16(local + 28))
        let size = try offset(compressedSize, "the data of '\(name)'")
        guard dataStart <= bytes.count, size <= bytes.count - dataStart else {
            throw Self.broken("the data of '\(name)' runs past the end of the file (is it truncated?)")
        }
        let member = ZipMember(name: name, method: method, crc32: crc,
                               uncompressedSize: uncompressedSize,
                               data: dataStart..<dataStart + size, isEncrypted: flags & 1 != 0)
        return (member, extraEnd + commentLength)
    }

    // MARK: Bounds-checked little-endian reads

    private func check(_ position: Int, _ count: Int) throws {
        guard position >= 0, count >= 0, position <= bytes.count, count <= bytes.count - position else {
            throw Self.broken("a record runs past the end of the file (is it truncated?)")
        }
    }

    private func u16(_ position: Int) throws -> UInt16 {
        try check(position, 2)
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt16.self).littleEndian
    }

    private func u32(_ position: Int) throws -> UInt32 {
        try check(position, 4)
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian
    }

    private func u64(_ position: Int) throws -> UInt64 {
        try check(position, 8)
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self).littleEndian
    }

    private func slice(_ position: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        try check(position, count)
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    /// A 64-bit offset or size from the file as an `Int` no larger than the file.
    private func offset(_ value: UInt64, _ what: String) throws -> Int {
        guard value <= UInt64(bytes.count) else { throw Self.broken("\(what) lies outside the file (is it truncated?)") }
        return Int(value)
    }

    private static func broken(_ detail: String) -> NumPyFormatError {
        NumPyFormatError("not a valid .npz (zip) archive: \(detail)")
    }
}
