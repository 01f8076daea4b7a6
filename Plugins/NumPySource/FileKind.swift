/// What the first bytes of a file say it is; the contents, not the extension, decide, so a
/// misnamed file still loads.
enum FileKind: Equatable {
    case npy, npz, empty, unknown

    static func detect(_ bytes: UnsafeRawBufferPointer) -> FileKind {
        if bytes.isEmpty { return .empty }
        if bytes.starts(with: NPYHeader.magic) { return .npy }
        // A zip starts with a local file header, or (holding no members) with the end record.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .npz
        }
        return .unknown
    }
}
