/// The one mapping from values to colours shared by every panel and the colorbar (Makie's
/// colorbar-from-plot: the colorbar reads this value, never a copy of its parts).
public struct ColorMapping: Sendable {
    public let scale: any Scale
    public let colormap: any Colormap
    /// Colour of NaN / missing cells.
    public let bad: RGBA

    public init(scale: any Scale, colormap: any Colormap, bad: RGBA) {
        self.scale = scale
        self.colormap = colormap
        self.bad = bad
    }

    /// The colour a cell with `value` is drawn in.
    public func color(for value: Double) -> RGBA {
        switch scale.scale(value) {
        case .inRange(let t): return colormap.color(at: t)
        case .under: return colormap.under
        case .over: return colormap.over
        case .bad: return bad
        }
    }
}
