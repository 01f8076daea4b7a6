import HeatGridCore

/// The colormaps that ship with HeatGrid: every map of Crameri's Scientific Colour Maps,
/// cmocean, ColorBrewer (sequential, diverging, qualitative), CET's perceptually uniform maps
/// (colorcet's named ones and every CET_ code) and matplotlib's own maps (viridis, magma, ...,
/// jet, hot, tab10), each with its kind and source. The tables live in one generated data file
/// (`ColormapStore`); qualitative maps keep their own number of colours, the others have 256.
public enum BuiltInColormaps {
    /// Every built-in colormap, grouped by source as generated (Crameri, cmocean, ColorBrewer,
    /// colorcet, matplotlib); each decodes its colours when first used.
    public static var all: [StoredColormap] { ColormapStore.all }

    /// Other names for built-in colormaps (`grey` for `gray`, `CET_L3` for `fire`), keyed by the
    /// colormap's name.
    public static let aliases: [String: [String]] = Dictionary(
        uniqueKeysWithValues: ColormapStore.all.filter { !$0.aliases.isEmpty }.map { ($0.name, $0.aliases) })

    /// The PyPI packages (and versions) the tables were generated from.
    public static var packageVersions: String { ColormapStore.packageVersions }

    /// viridis, the default, as a lookup table.
    public static var viridis: LookupTableColormap { named("viridis")!.lookupTable }

    /// The built-in colormap with this name or alias, case-insensitively (no `_r`: that is the
    /// registry's).
    public static func named(_ name: String) -> StoredColormap? {
        let key = name.lowercased()
        return ColormapStore.all.first { $0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }
    }

    /// Registers every built-in colormap under its name and aliases (no table is decoded yet).
    public static func register(into registry: inout PluginRegistry) {
        for colormap in ColormapStore.all { registry.register(colormap: colormap, aliases: colormap.aliases) }
    }
}
