import Foundation

/// A fresh empty folder under the temporary directory for one test's files (left for inspection
/// when a test fails; the system cleans the temporary directory).
public func temporaryFolder(prefix: String = "heatgrid-tests") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A temporary folder that removes itself when the test lets go of it: for fixture files a test
/// writes and reads back within itself.
public final class Scratch {
    public let directory: URL

    public init(prefix: String = "heatgrid-scratch") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `bytes` to `name` in the folder and returns its URL.
    public func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}
