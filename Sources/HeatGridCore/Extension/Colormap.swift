/// Maps positions in 0...1 to colours, plus the colours for values under and over the scale's
/// domain (matplotlib's N+3 lookup table idea; the bad colour comes from the theme).
public protocol Colormap: Sendable {
    /// The name it is registered under (lower case).
    var name: String { get }
    /// The colour at `t` in 0...1 (values outside are clamped).
    func color(at t: Double) -> RGBA
    /// Colour for values below the domain of a non-clamping scale.
    var under: RGBA { get }
    /// Colour for values above the domain of a non-clamping scale.
    var over: RGBA { get }
    /// Entries in the underlying table (one colormap step is `1 / resolution`).
    var resolution: Int { get }
}

extension Colormap {
    public var under: RGBA { color(at: 0) }
    public var over: RGBA { color(at: 1) }
}

/// A colormap from a table of colours, looked up like matplotlib's `ListedColormap`:
/// `t` picks entry `min(Int(t * N), N - 1)`, so decoded values are exact to one step.
public struct LookupTableColormap: Colormap {
    public let name: String
    public let table: [RGBA]

    /// A colormap named `name` from at least two colours.
    public init(name: String, table: [RGBA]) {
        precondition(table.count >= 2, "a colormap needs at least two colours")
        self.name = name
        self.table = table
    }

    public func color(at t: Double) -> RGBA {
        guard t.isFinite else { return table[0] }
        let index = Int(min(max(t, 0), 1) * Double(table.count))
        return table[min(index, table.count - 1)]
    }

    public var resolution: Int { table.count }

    /// The same colours in reverse order, named with an `_r` suffix.
    public var reversed: LookupTableColormap {
        LookupTableColormap(name: name + "_r", table: table.reversed())
    }
}
