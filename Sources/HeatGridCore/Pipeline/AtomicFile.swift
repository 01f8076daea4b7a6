import Foundation

/// Writes files all-or-nothing: bytes go to a temporary file beside the target, which is then
/// renamed over it, so a failure never leaves a half-written figure behind.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw HeatGridError.io(path: url.path, message: "folder '\(directory.path)' does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw HeatGridError.io(path: url.path, message: "cannot write here (permission denied or disk full?)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw HeatGridError.io(path: url.path, message: "cannot replace the file: \(reason)")
        }
    }
}
