import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The parsers read files, so each fuzz input is written to one scratch file per process,
/// rewritten on every call (a private folder per process, so `-jobs`/`-fork` workers do not
/// share it).
public final class ScratchFile: @unchecked Sendable {
    /// The folder holding the file (spec-relative paths resolve against it).
    public let folder: URL
    /// The file the input is written to.
    public let url: URL

    /// A scratch file named `name` (its extension is what a source sees) in a fresh folder.
    public init(name: String) {
        let base = ProcessInfo.processInfo.environment["HEATGRID_FUZZ_TMP"] ?? NSTemporaryDirectory()
        folder = URL(fileURLWithPath: base).appendingPathComponent("heatgrid-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent(name)
    }

    /// Replaces the file's contents with `size` bytes at `data`. A failed write is fatal: fuzzing
    /// with a stale file would silently test the wrong input.
    public func write(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot open the fuzz scratch file \(url.path)")
        var written = 0
        while written < size {
            let n = systemWrite(fd, data + written, size - written)
            precondition(n > 0, "cannot write the fuzz scratch file \(url.path)")
            written += n
        }
        close(fd)
    }
}
