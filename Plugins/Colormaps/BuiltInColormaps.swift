import HeatGridCore

/// The colormaps that ship with HeatGrid, from matplotlib 3.10's 256-entry tables:
/// perceptually uniform (viridis, magma, inferno, plasma, cividis), rainbow (turbo),
/// cyclic (twilight), sequential (greys, blues) and diverging (rdbu, coolwarm, rdylbu).
public enum BuiltInColormaps {
    /// Every built-in colormap.
    public static let all: [LookupTableColormap] = [
        table("viridis", viridisTable), table("magma", magmaTable), table("inferno", infernoTable),
        table("plasma", plasmaTable), table("cividis", cividisTable), table("turbo", turboTable),
        table("twilight", twilightTable), table("greys", greysTable), table("blues", bluesTable),
        table("rdbu", rdbuTable), table("coolwarm", coolwarmTable), table("rdylbu", rdylbuTable),
    ]

    /// viridis, the default.
    public static var viridis: LookupTableColormap { all[0] }

    /// Registers every built-in colormap.
    public static func register(into registry: inout PluginRegistry) {
        for colormap in all { registry.register(colormap: colormap) }
    }

    private static func table(_ name: String, _ components: [Double]) -> LookupTableColormap {
        let colors = stride(from: 0, to: components.count, by: 3).map {
            RGBA(red: components[$0], green: components[$0 + 1], blue: components[$0 + 2])
        }
        return LookupTableColormap(name: name, table: colors)
    }
}
