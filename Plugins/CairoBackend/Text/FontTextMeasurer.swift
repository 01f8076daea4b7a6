import HeatGridCore

/// Measures text exactly as the Cairo backend will draw it: fontconfig finds the font, HarfBuzz
/// shapes it (kerning included, no hinting), so the layout is the same for PNG, PDF and SVG.
public struct FontTextMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, font: FontSpec) throws -> TextMetrics {
        let face = try FontLibrary.shared.face(for: font)
        let shaped = ShapedText(text, face: face, size: font.size)
        return TextMetrics(width: shaped.width, ascent: face.ascent * font.size, descent: face.descent * font.size)
    }
}
