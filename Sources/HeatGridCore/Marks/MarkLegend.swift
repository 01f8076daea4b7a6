/// A mark's entry in the legend area: its swatch (an outlined square, a filled one, or its
/// symbol) and its `legend` text on one line.
struct MarkLegend: LegendEntry {
    let swatch: LegendSwatch
    let label: String
    let theme: Theme
    let size: Size
    private let lineHeight: Double

    private var font: FontSpec { theme.font(size: theme.tickLabelSize) }

    init(swatch: LegendSwatch, label: String, theme: Theme, measurer: any TextMeasurer) throws {
        self.swatch = swatch; self.label = label; self.theme = theme
        let font = theme.font(size: theme.tickLabelSize)
        lineHeight = try measurer.measure("Hg", font: font).height
        var swatchWidth = lineHeight
        if case .symbol(let symbol) = swatch { swatchWidth = max(lineHeight, try measurer.measure(symbol, font: font).width) }
        size = Size(width: swatchWidth + theme.tickPad + (try measurer.measure(label, font: font).width), height: 1.35 * lineHeight)
    }

    func draw(at origin: Point, text: TextPlacer) throws -> [SceneItem] {
        let centre = origin.y + size.height / 2
        var box = Rect(x: origin.x, y: centre - lineHeight / 2, width: lineHeight, height: lineHeight)
        var items: [SceneItem] = []
        switch swatch {
        case .outline(let color, let width):
            let w = min(width, lineHeight / 3)
            items.append(.rect(RectItem(rect: Rect(x: box.minX + w / 2, y: box.minY + w / 2, width: box.width - w, height: box.height - w),
                                        stroke: color, lineWidth: w)))
        case .fill(let color):
            items.append(.rect(RectItem(rect: box, fill: color, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
        case .symbol(let symbol):
            let item = try text.horizontal(symbol, font: font, x: origin.x, align: .start, centerY: centre, role: "mark-legend-symbol")
            box.width = max(lineHeight, item.bounds.width)
            items.append(.text(item))
        }
        items.append(.text(try text.horizontal(label, font: font, x: box.maxX + theme.tickPad, align: .start, centerY: centre,
                                               role: "mark-legend-label")))
        return items
    }
}
