import HeatGridCore

/// Registers the built-in scales.
public enum BuiltInScales {
    public static func register(into registry: inout PluginRegistry) {
        registry.register(scale: LinearScaleProvider())
    }
}
