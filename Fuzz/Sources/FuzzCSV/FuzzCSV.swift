import FuzzSupport
import HeatGrid

/// Fuzzes the CSV source (long form, default and explicit column names, gaps as errors or bad
/// cells) and the matrix source on the same bytes. Thrown errors are the expected answer to bad
/// input; only crashes, hangs and sanitizer reports are bugs.
nonisolated(unsafe) let file = ScratchFile(name: "input.csv")
let renderer = Renderer.standard
let specs: [DataSpec] = [
    DataSpec(path: "input.csv"),
    DataSpec(path: "input.csv", panel: "task", row: "layer", column: "head", value: "importance", missing: .bad),
    DataSpec(path: "input.csv", format: "matrix"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    file.write(data, size)
    for spec in specs {
        _ = try? renderer.loadData(spec, relativeTo: file.folder)
    }
    return 0
}
