@_exported import HeatGridCore
import CSVSource
import CairoBackend
import Colormaps
import GridLayout
import JSONSource
import NumPySource
import Scales

extension PluginRegistry {
    /// A registry holding every built-in plugin: CSV, matrix and JSON sources, the linear scale,
    /// the colormap library, the grid layout and the Cairo backend (PNG, PDF, SVG) with its text
    /// measurer. Built-ins register exactly as outside plugins do.
    public static var standard: PluginRegistry {
        var registry = PluginRegistry()
        registry.register(source: CSVSource())
        registry.register(source: MatrixSource())
        registry.register(source: JSONSource())
        registry.register(source: NumPySource())
        BuiltInScales.register(into: &registry)
        BuiltInColormaps.register(into: &registry)
        registry.register(layout: GridLayout())
        BuiltInBackends.register(into: &registry)
        return registry
    }
}

extension Renderer {
    /// A renderer with every built-in plugin.
    public static var standard: Renderer { Renderer(registry: .standard) }
}
