import HeatGridCore

/// A colormap read from a file: a lookup table plus the special colours the file may carry
/// (a .cpt file's `B`, `F` and `N` lines, a JSON object's `under`, `over` and `bad`).
///
/// Colours are looked up exactly like the built-ins (`LookupTableColormap`), so a discrete
/// palette of N equal slices keeps its N colours exact.
public struct ImportedColormap: Colormap {
    /// The colours, looked up like matplotlib's `ListedColormap`.
    public let table: LookupTableColormap
    /// The under colour the file gave; nil when it gave none.
    public let explicitUnder: RGBA?
    /// The over colour the file gave; nil when it gave none.
    public let explicitOver: RGBA?
    /// The colour for NaN / missing values the file gave; nil leaves it to the theme.
    public let bad: RGBA?

    /// A colormap from a table and the file's special colours.
    public init(table: LookupTableColormap, under: RGBA? = nil, over: RGBA? = nil, bad: RGBA? = nil) {
        self.table = table
        explicitUnder = under
        explicitOver = over
        self.bad = bad
    }

    public var name: String { table.name }
    public func color(at t: Double) -> RGBA { table.color(at: t) }
    public var resolution: Int { table.resolution }

    /// The file's under colour, else the first colour (the protocol's default).
    public var under: RGBA { explicitUnder ?? table.color(at: 0) }
    /// The file's over colour, else the last colour (the protocol's default).
    public var over: RGBA { explicitOver ?? table.color(at: 1) }

    /// The table's colours, first to last.
    public var colors: [RGBA] { table.table }

    /// The same colours in reverse order, named with an `_r` suffix; under and over swap because
    /// the low end of the reversed map is the old high end. The bad colour stays.
    public var reversed: ImportedColormap {
        ImportedColormap(table: table.reversed, under: explicitOver, over: explicitUnder, bad: bad)
    }

    public func reversedColormap() -> any Colormap { reversed }

    /// The same colormap under another name (a folder registers files by their base name).
    public func named(_ name: String) -> ImportedColormap {
        ImportedColormap(table: LookupTableColormap(name: name, table: table.table),
                         under: explicitUnder, over: explicitOver, bad: bad)
    }
}
