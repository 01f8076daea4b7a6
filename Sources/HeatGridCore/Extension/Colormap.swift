/// Maps positions in 0...1 to colours, plus the colours for values under and over the scale's
/// domain and for bad values (matplotlib's N+3 lookup table idea).
public protocol Colormap: Sendable {
    /// The name it is registered under (looked up case-insensitively), spelled as its source
    /// spells it (`viridis`, `batlowK`, `RdBu`).
    var name: String { get }
    /// The colour at `t` in 0...1 (values outside are clamped).
    func color(at t: Double) -> RGBA
    /// Colour for values below the domain when that end is extended (default: the first colour).
    var under: RGBA { get }
    /// Colour for values above the domain when that end is extended (default: the last colour).
    var over: RGBA { get }
    /// Colour for NaN / missing values when the colormap brings one (a .cpt file's `N` line);
    /// nil leaves it to the theme.
    var bad: RGBA? { get }
    /// Entries in the underlying table (one colormap step is `1 / resolution`).
    var resolution: Int { get }
    /// What the map is made for; nil when nobody said (a colormap file, most plugins).
    var kind: ColormapKind? { get }
    /// Where the colours come from, in a word (`crameri`, `cmocean`, `colorbrewer`, `colorcet`,
    /// `matplotlib` for the built-ins); nil when unknown.
    var source: String? { get }
    /// The same colours run backwards, named with an `_r` suffix: what `NAME_r` finds (default:
    /// `ReversedColormap`; a lookup table reverses its table, so each entry stays exact).
    func reversedColormap() -> any Colormap
}

extension Colormap {
    /// `count` colours, one from the middle of each of `count` equal bands of the map: entry i
    /// stands for everything the map gives in [i/count, (i+1)/count). The one sampling rule for
    /// cell colours, colorbar gradients and colormap sheets.
    public func bands(_ count: Int) -> [RGBA] {
        (0..<count).map { color(at: (Double($0) + 0.5) / Double(count)) }
    }

    public var under: RGBA { color(at: 0) }
    public var over: RGBA { color(at: 1) }
    public var bad: RGBA? { nil }
    public var kind: ColormapKind? { nil }
    public var source: String? { nil }
    public func reversedColormap() -> any Colormap { ReversedColormap(self) }
}

/// Any colormap run backwards, named with an `_r` suffix (matplotlib's convention); under and
/// over swap with the ends.
public struct ReversedColormap: Colormap {
    public let base: any Colormap
    public init(_ base: any Colormap) { self.base = base }
    public var name: String { base.name + "_r" }
    public func color(at t: Double) -> RGBA { base.color(at: 1 - min(max(t, 0), 1)) }
    public var under: RGBA { base.over }
    public var over: RGBA { base.under }
    public var bad: RGBA? { base.bad }
    public var resolution: Int { base.resolution }
    public var kind: ColormapKind? { base.kind }
    public var source: String? { base.source }
}

/// A colormap with some of its special colours replaced: the spec's `colormap.under/over/bad`, or
/// the ones a colormap file gives (a .cpt file's `B`, `F` and `N` lines).
public struct CustomizedColormap: Colormap {
    public let base: any Colormap
    public let underOverride: RGBA?
    public let overOverride: RGBA?
    public let badOverride: RGBA?
    public init(_ base: any Colormap, under: RGBA? = nil, over: RGBA? = nil, bad: RGBA? = nil) {
        self.base = base; underOverride = under; overOverride = over; badOverride = bad
    }
    public var name: String { base.name }
    public func color(at t: Double) -> RGBA { base.color(at: t) }
    public var under: RGBA { underOverride ?? base.under }
    public var over: RGBA { overOverride ?? base.over }
    public var bad: RGBA? { badOverride ?? base.bad }
    public var resolution: Int { base.resolution }
    public var kind: ColormapKind? { base.kind }
    public var source: String? { base.source }
    /// The base reversed its own way (a table's entries), under and over swapped.
    public func reversedColormap() -> any Colormap {
        CustomizedColormap(base.reversedColormap(), under: overOverride, over: underOverride, bad: badOverride)
    }
}

/// A colormap from a table of colours, looked up like matplotlib's `ListedColormap`:
/// `t` picks entry `min(Int(t * N), N - 1)`, so decoded values are exact to one step.
public struct LookupTableColormap: Colormap {
    public let name: String
    public let table: [RGBA]
    public let kind: ColormapKind?
    public let source: String?

    /// A colormap named `name` from at least two colours, optionally saying what it is for and
    /// where it comes from.
    public init(name: String, table: [RGBA], kind: ColormapKind? = nil, source: String? = nil) {
        precondition(table.count >= 2, "a colormap needs at least two colours")
        self.name = name
        self.table = table
        self.kind = kind
        self.source = source
    }

    public func color(at t: Double) -> RGBA {
        guard t.isFinite else { return table[0] }
        let index = Int(min(max(t, 0), 1) * Double(table.count))
        return table[min(index, table.count - 1)]
    }

    public var resolution: Int { table.count }

    /// The same colours in reverse order, named with an `_r` suffix (same kind and source).
    public var reversed: LookupTableColormap {
        LookupTableColormap(name: name + "_r", table: table.reversed(), kind: kind, source: source)
    }

    public func reversedColormap() -> any Colormap { reversed }
}
