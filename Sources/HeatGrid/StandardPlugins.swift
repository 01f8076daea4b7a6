@_exported import HeatGridCore
import Foundation
import CSVSource
import CairoBackend
import Colormaps
import GridLayout
import HTMLBackend
import JSONSource
import Marks
import NumPySource
import Scales

extension PluginRegistry {
    /// A registry holding every built-in plugin: CSV, matrix and JSON sources, the linear scale,
    /// the colormap library, the grid layouts, the marks, the Cairo backend (PNG, PDF, SVG) with its text
    /// measurer, and the HTML backend (an interactive page around the SVG). Built-ins register exactly as outside plugins do.
    public static var standard: PluginRegistry {
        var registry = PluginRegistry()
        registry.register(source: CSVSource())
        registry.register(source: MatrixSource())
        registry.register(source: JSONSource())
        registry.register(source: NumPySource())
        BuiltInScales.register(into: &registry)
        BuiltInColormaps.register(into: &registry)
        registry.register(colormapImporter: ColormapFileImporter())
        for layout in GridLayout.all { registry.register(layout: layout) }
        for mark in Marks.all { registry.register(mark: mark) }
        BuiltInBackends.register(into: &registry)
        registry.register(backend: HTMLBackend())
        return registry
    }
}

extension PluginRegistry {
    /// Registers the colormap files in every folder of `HEATGRID_COLORMAP_PATH` (colon-separated),
    /// so a lab's own colormaps are used by name like the built-ins.
    public mutating func registerColormapFolders(from environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let path = environment["HEATGRID_COLORMAP_PATH"], !path.isEmpty else { return }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            try ColormapFolder.register(URL(fileURLWithPath: String(folder)), displayPath: String(folder), into: &self)
        }
    }
}

extension Renderer {
    /// A renderer with every built-in plugin.
    public static var standard: Renderer { Renderer(registry: .standard) }

    /// The built-ins plus what the environment adds: colormap folders in `HEATGRID_COLORMAP_PATH`.
    public static func fromEnvironment() throws -> Renderer {
        var registry = PluginRegistry.standard
        try registry.registerColormapFolders()
        return Renderer(registry: registry)
    }
}
