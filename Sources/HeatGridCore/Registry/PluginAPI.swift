/// The contract between `heatgrid` and a plugin library loaded at run time
/// (`heatgrid render --plugin libMyPlugin.so`, a spec's `"plugins"`, or `HEATGRID_PLUGIN_PATH`).
///
/// A runtime plugin is a shared library built separately, by its own Swift package, against the
/// `HeatGridPluginAPI` product of this package: a *dynamic* library holding `HeatGridCore`. The
/// `heatgrid` executable exports its own copy of HeatGridCore's symbols, and the plugin's
/// references bind to those when it is loaded, so host and plugin share one copy of every type:
/// a plugin's `HeatGridError` is caught as such, `as?` casts work, and the plugin's layouts,
/// colormaps, scales, sources and backends are used like the built-in ones.
///
/// The library exports two C symbols:
///
///     import HeatGridCore
///
///     @_cdecl("heatgrid_plugin_api_version")
///     public func heatgridPluginAPIVersion() -> Int32 { Int32(PluginAPI.version) }
///
///     @_cdecl("heatgrid_register_plugin")
///     public func heatgridRegisterPlugin(_ registry: UnsafeMutableRawPointer) {
///         registry.assumingMemoryBound(to: PluginRegistry.self).pointee.register(layout: MyLayout())
///     }
///
/// 1. `heatgrid_plugin_api_version` returns the `PluginAPI.version` the plugin was compiled
///    against. The loader calls it first and refuses the library with a clear error when it differs
///    from the host's, before any of the plugin's Swift code touches the registry.
/// 2. `heatgrid_register_plugin` receives a pointer to the host's `PluginRegistry` (valid only
///    during the call) and registers through the same methods the built-ins use; a name that is
///    already registered is replaced. Registrations are recorded in `PluginRegistry.origins` with
///    the library's path.
///
/// A plugin must be built with the same Swift compiler and the same HeatGrid sources as the
/// `heatgrid` it is loaded into: the Swift types cross the boundary by their memory layout.
public enum PluginAPI {
    /// The plugin interface's version. It changes whenever a type a plugin sees (the extension
    /// protocols, `PluginRegistry`, the request and result types) changes incompatibly.
    ///
    /// Emitted into the client: a plugin returns the number it was *compiled* with. A stored
    /// `static let` (or a plain function) would be looked up at run time, and since the plugin's
    /// HeatGridCore symbols bind to the host's copy, every plugin would report the host's version.
    @_alwaysEmitIntoClient
    public static var version: Int { 7 }

    /// The exported C symbol returning the plugin's API version: `() -> Int32`.
    public static let versionSymbol = "heatgrid_plugin_api_version"

    /// The exported C symbol that registers the plugin: `(UnsafeMutableRawPointer) -> Void`, the
    /// pointer being an `UnsafeMutablePointer<PluginRegistry>`.
    public static let registerSymbol = "heatgrid_register_plugin"

    /// What `PluginRegistry.origins` says for the built-in plugins.
    public static let builtInOrigin = "built-in"
}
