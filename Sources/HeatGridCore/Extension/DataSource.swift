import Foundation

/// What a data source is asked to load: the file and the spec's `data` section.
public struct DataRequest: Sendable {
    /// The file to read.
    public var url: URL
    /// The path as the user wrote it (used in error messages).
    public var displayPath: String
    /// The spec's `data` section: column names, format, missing-cell policy.
    public var spec: DataSpec
    /// The spec file, for error messages about `data` keys.
    public var specFile: String
    /// The folder the spec's relative paths start from (the spec file's), for paths a source
    /// reads from its options; nil when unknown, and then the data file's folder is used.
    public var baseURL: URL?

    public init(url: URL, displayPath: String, spec: DataSpec, specFile: String = "spec", baseURL: URL? = nil) {
        self.url = url; self.displayPath = displayPath; self.spec = spec; self.specFile = specFile
        self.baseURL = baseURL
    }

    /// A path written in the spec's `data` section (e.g. a source's label file), resolved as
    /// `data.path` is: relative to the spec file's folder (`baseURL`), `~` expanded.
    public func resolvingSpecPath(_ path: String) -> URL {
        (baseURL ?? url.deletingLastPathComponent()).resolvingSpecPath(path)
    }
}

/// Reads a file into a `Dataset`. Errors are `HeatGridError.data` with file, line and column.
public protocol DataSource: PluginDescribing {
    /// The `data.format` it answers to (e.g. "csv").
    var format: String { get }
    /// File extensions (lower case, no dot) it claims when the spec names no format.
    var fileExtensions: [String] { get }
    /// Loads the file.
    func load(_ request: DataRequest) throws -> Dataset
}

extension DataRequest {
    /// Reads the whole file, or throws a clear I/O error naming it.
    public func readBytes() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw unreadable() }
        return [UInt8](data)
    }

    /// Calls `body` with the whole file's bytes without copying them, or throws the same I/O
    /// errors as `readBytes()`.
    ///
    /// The file is memory-mapped, so a large file costs page cache rather than a private copy
    /// (`HEATGRID_NO_MMAP=1` reads it into memory instead, for sanitizer runs). The bytes are
    /// valid only inside `body`; a file truncated by another process while mapped can crash
    /// the reader, as with any mapping.
    public func withFileBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        guard let file = FileBytes(path: url.path) else { throw unreadable() }
        return try withExtendedLifetime(file) { try body(file.bytes) }
    }

    /// Why the file could not be read: missing, a directory, or not readable.
    private func unreadable() -> HeatGridError {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory, expected a data file"
            : "cannot be read (permission denied?)"
        return HeatGridError.io(path: displayPath, message: reason)
    }
}
