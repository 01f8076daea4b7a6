import HeatGridCore

/// Measures text exactly as the Cairo backend will draw it: fontconfig finds the font (and the
/// fallback fonts for characters it lacks), HarfBuzz shapes each run (kerning included, no
/// hinting), so the layout is the same for PNG, PDF and SVG. Ascent and descent are the family's
/// own, so every label of a font keeps one baseline grid.
public struct FontTextMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, font: FontSpec) throws -> TextMetrics {
        let shaped = try ShapedText(text, font: font)
        return TextMetrics(width: shaped.width, ascent: shaped.primary.ascent * font.size,
                           descent: shaped.primary.descent * font.size)
    }
}
