import Foundation

/// Reading a small file a spec names beside its data (a label file, a CSV side table): its bytes
/// without a UTF-8 byte-order mark, or an error that names the file, what it should be and the
/// spec key that named it.
enum SideFile {
    /// The bytes of `url`; `expected` says what it should be ("a text file of labels"), `key` who named it.
    static func bytes(_ url: URL, displayPath: String, expected: String, namedBy key: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw HeatGridError.io(path: displayPath, message: !exists ? "no such file (\(expected) named by the spec's \(key))"
                                   : isDirectory.boolValue ? "is a directory, expected \(expected)" : "cannot be read (permission denied?)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }
}
