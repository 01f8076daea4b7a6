/// Places measured text: turns "this string, this font, aligned so" into a `TextItem` with its
/// baseline origin and page bounds. Rotated text reads bottom to top (angle 90).
struct TextPlacer {
    let measurer: any TextMeasurer
    let color: RGBA

    enum Align { case start, center, end }

    /// Horizontal text whose box is aligned at `x` (start/center/end) and whose box top is `top`.
    func horizontal(_ text: String, font: FontSpec, x: Double, align: Align, top: Double,
                    role: String) throws -> TextItem {
        let m = try measurer.measure(text, font: font)
        let left = switch align { case .start: x; case .center: x - m.width / 2; case .end: x - m.width }
        return TextItem(text: text, font: font, origin: Point(x: left, y: top + m.ascent), angle: 0,
                        color: color, bounds: Rect(x: left, y: top, width: m.width, height: m.height), role: role)
    }

    /// Horizontal text aligned at `x`, centred vertically on `y` (the box's middle at `y`).
    func horizontal(_ text: String, font: FontSpec, x: Double, align: Align, centerY y: Double,
                    role: String) throws -> TextItem {
        let m = try measurer.measure(text, font: font)
        return try horizontal(text, font: font, x: x, align: align, top: y - m.height / 2, role: role)
    }

    /// Text rotated to read bottom to top, its box's left edge at `left`, centred on `centerY`.
    func vertical(_ text: String, font: FontSpec, left: Double, centerY: Double, role: String) throws -> TextItem {
        let m = try measurer.measure(text, font: font)
        let bounds = Rect(x: left, y: centerY - m.width / 2, width: m.height, height: m.width)
        return TextItem(text: text, font: font, origin: Point(x: left + m.ascent, y: bounds.maxY), angle: 90,
                        color: color, bounds: bounds, role: role)
    }
}
