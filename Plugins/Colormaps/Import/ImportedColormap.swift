import HeatGridCore

/// A colormap read from a file is a lookup table (looked up exactly like the built-ins, so a
/// discrete palette of N equal slices keeps its N colours) with the special colours the file may
/// carry (a .cpt file's `B`, `F` and `N` lines, a JSON object's `under`, `over` and `bad`): the
/// core's `CustomizedColormap` over a `LookupTableColormap`.
public typealias ImportedColormap = CustomizedColormap

extension CustomizedColormap {
    /// A colormap from a file's table and its special colours.
    public init(table: LookupTableColormap, under: RGBA? = nil, over: RGBA? = nil, bad: RGBA? = nil) {
        self.init(table, under: under, over: over, bad: bad)
    }

    /// The colours, first to last (a table's own entries).
    public var colors: [RGBA] { (base as? LookupTableColormap)?.table ?? base.bands(base.resolution) }

    /// The same colormap under another name (a folder registers files by their base name).
    public func named(_ name: String) -> CustomizedColormap {
        CustomizedColormap(LookupTableColormap(name: name, table: colors), under: underOverride, over: overOverride, bad: badOverride)
    }
}
