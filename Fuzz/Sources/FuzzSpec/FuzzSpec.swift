import Foundation
import FuzzSupport
import HeatGrid

/// Fuzzes figure specs: `FigureSpec.load(from:)` (strict decoding of every section), then for a
/// spec that loads, its theme (built-in name, or a theme file with `base` chains, here the input
/// itself), the scale and colour mapping fitted to a small fixed dataset, colours for awkward
/// values, and the colorbar ticks and labels. The same bytes are also resolved as a theme file.
/// Thrown errors are expected; only crashes, hangs and sanitizer reports are bugs.
nonisolated(unsafe) let file = ScratchFile(name: "input.json")
let renderer = Renderer.standard
let dataset = Dataset(panels: [
    Panel(title: "a", matrix: Matrix(rows: 2, columns: 3, values: [0.0, 0.25, -1.5, .nan, 3e-5, 7])),
    Panel(title: "b", matrix: Matrix(rows: 1, columns: 2, values: [1e300, -0.0])),
])
let probes: [Double] = [0, -0.0, 1, -1, 0.5, 1e-300, 1e300, -1e300, .nan, .infinity, -.infinity,
                        .leastNonzeroMagnitude, .greatestFiniteMagnitude]

/// Paths a spec may name that are not the fuzz input: absolute ones and ones leaving the scratch
/// folder could read any file on the machine (a FIFO or /dev/zero would hang), which is the user's
/// choice, not a parser bug.
func staysInScratchFolder(_ name: String) -> Bool {
    !name.hasPrefix("/") && !name.hasPrefix("~") && !name.contains("..")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    file.write(data, size)
    // The bytes as a theme file (its `base` may name the file itself: a cycle to detect).
    _ = try? Theme.resolve("input.json", relativeTo: file.folder, specFile: "fuzz")
    guard let spec = try? FigureSpec.load(from: file.url, displayPath: "input.json") else { return 0 }
    guard staysInScratchFolder(spec.theme),
          let theme = try? Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: file.folder,
                                         specFile: "input.json") else { return 0 }
    guard !spec.colormap.isPath || staysInScratchFolder(spec.colormap.name),
          let mappings = try? renderer.mappings(for: spec, dataset: dataset, theme: theme, specFile: "input.json",
                                                baseURL: file.folder) else { return 0 }
    for mapping in mappings {
        for value in probes {
            _ = mapping.classify(value)
            _ = mapping.color(for: value)
        }
        _ = mapping.rgbaBytes(for: probes)
        _ = ColorbarTicks(mapping: mapping, explicit: spec.colorbar.ticks, format: spec.colorbar.tickFormat)
    }
    return 0
}
