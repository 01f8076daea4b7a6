import FuzzSupport
import HeatGrid

/// Fuzzes the NumPy source. It sniffs the contents (NPY magic or a zip header), so one target
/// covers .npy files and .npz archives (stored and deflated members, CRC checks). Thrown errors
/// are expected; only crashes, hangs and sanitizer reports are bugs.
nonisolated(unsafe) let file = ScratchFile(name: "input.npz")
let renderer = Renderer.standard
let spec = DataSpec(path: "input.npz", format: "npy")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    file.write(data, size)
    if let dataset = try? renderer.loadData(spec, relativeTo: file.folder) {
        _ = dataset.finiteExtent
    }
    return 0
}
