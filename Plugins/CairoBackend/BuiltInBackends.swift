import HeatGridCore

/// Registers the Cairo backend, which brings its text measurer (the layout must measure text
/// with the same fonts and shaping that draw it).
public enum BuiltInBackends {
    public static func register(into registry: inout PluginRegistry) {
        registry.register(backend: CairoBackend())
    }
}
