import HeatGridCore

@_cdecl("heatgrid_plugin_api_version")
public func heatgridPluginAPIVersion() -> Int32 { Int32(PluginAPI.version) }

/// "heatgrid-sunset": night purple to pale gold, 256 steps interpolated from five colours.
@_cdecl("heatgrid_register_plugin")
public func heatgridRegisterPlugin(_ registry: UnsafeMutableRawPointer) {
    let stops = ["#1b1035", "#6a1f6e", "#c9384f", "#f28c3a", "#fbe7a1"].compactMap(RGBA.init(hex:))
    let table = (0..<256).map { i -> RGBA in
        let t = Double(i) / 255 * Double(stops.count - 1)
        let k = min(Int(t), stops.count - 2), f = t - Double(k), a = stops[k], b = stops[k + 1]
        return RGBA(red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f,
                    blue: a.blue + (b.blue - a.blue) * f)
    }
    registry.assumingMemoryBound(to: PluginRegistry.self).pointee
        .register(colormap: LookupTableColormap(name: "heatgrid-sunset", table: table))
}
