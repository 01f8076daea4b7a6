/// The size of a line of text set in a font: advance width and the font's ascent and descent
/// (line metrics, not ink, so labels of one font share a baseline grid).
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
    /// Ascent plus descent.
    public var height: Double { ascent + descent }
}

/// Measures text with the real font before layout, so PNG, PDF and SVG share one geometry.
/// The Cairo plugin implements it with fontconfig, FreeType and HarfBuzz (kerning included).
public protocol TextMeasurer: Sendable {
    /// Metrics of `text` set in `font`; throws when the font cannot be found or loaded.
    func measure(_ text: String, font: FontSpec) throws -> TextMetrics
}
