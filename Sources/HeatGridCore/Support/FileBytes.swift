import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole file's bytes, read-only: memory-mapped (and on Linux prefaulted in one call, which
/// costs a fraction of faulting a 300 MB file in page by page), or with `HEATGRID_NO_MMAP=1` an
/// exactly sized heap copy, so AddressSanitizer sees any read past the end that a mapping's last
/// page would hide.
final class FileBytes {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// The file at `path`, or nil when it cannot be opened or read.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size == 0 || ProcessInfo.processInfo.environment["HEATGRID_NO_MMAP"] == "1" {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                guard n > 0 else { buffer.deallocate(); return nil }
                done += n
            }
            bytes = UnsafeRawBufferPointer(buffer)
            mapped = false
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
