import HeatGridCore

// The plugin's two C entry points (see `PluginAPI` in HeatGridCore). `heatgrid` looks them up
// with dlsym after loading the library, checks the version, then lets the plugin register.

/// The plugin API version this plugin was compiled against (inlined from HeatGridCore at build time).
@_cdecl("heatgrid_plugin_api_version")
public func heatgridPluginAPIVersion() -> Int32 {
    Int32(PluginAPI.version)
}

/// Registers the plugin's implementations into the registry `heatgrid` passes in.
@_cdecl("heatgrid_register_plugin")
public func heatgridRegisterPlugin(_ registry: UnsafeMutableRawPointer) {
    registry.assumingMemoryBound(to: PluginRegistry.self).pointee.register(layout: FeatureLayout())
}
