import FuzzSupport
import HeatGrid

/// Fuzzes the JSON panels source, including its error paths that locate the fault by line and
/// column. Thrown errors are expected; only crashes, hangs and sanitizer reports are bugs.
nonisolated(unsafe) let file = ScratchFile(name: "input.json")
let renderer = Renderer.standard
let spec = DataSpec(path: "input.json", format: "json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    file.write(data, size)
    if let dataset = try? renderer.loadData(spec, relativeTo: file.folder) {
        _ = dataset.finiteExtent
    }
    return 0
}
