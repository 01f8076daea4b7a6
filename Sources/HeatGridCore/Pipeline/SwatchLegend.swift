/// A legend of named colours under a title, one swatch and name a line: the categories of an
/// annotation track or of a categorical scale. Measured once; drawn from its top-left corner.
struct SwatchLegend: LegendEntry {
    let title: String
    let swatches: [(name: String, color: RGBA)]
    let theme: Theme
    /// Roles of its texts: "<role>-title" and "<role>-label".
    let role: String
    let size: Size
    private let titleHeight: Double
    private let lineHeight: Double

    private var titleFont: FontSpec { theme.font(size: theme.axisTitleSize) }
    private var labelFont: FontSpec { theme.font(size: theme.tickLabelSize) }
    /// Lines are this far apart.
    private var rowHeight: Double { 1.35 * lineHeight }

    init(title: String, swatches: [(name: String, color: RGBA)], theme: Theme, measurer: any TextMeasurer,
         role: String = "legend") throws {
        self.title = title; self.swatches = swatches; self.theme = theme; self.role = role
        let titleFont = theme.font(size: theme.axisTitleSize)
        let labelFont = theme.font(size: theme.tickLabelSize)
        titleHeight = title.isEmpty ? 0 : try measurer.measure("Hg", font: titleFont).height + theme.tickPad
        lineHeight = try measurer.measure("Hg", font: labelFont).height
        let titleWidth = title.isEmpty ? 0 : try measurer.measure(title, font: titleFont).width
        let widest = try swatches.map { try measurer.measure($0.name, font: labelFont).width }.max() ?? 0
        size = Size(width: max(titleWidth, lineHeight + theme.tickPad + widest),
                    height: titleHeight + Double(swatches.count) * 1.35 * lineHeight)
    }

    func draw(at origin: Point, text: TextPlacer) throws -> [SceneItem] {
        var items: [SceneItem] = []
        if !title.isEmpty {
            items.append(.text(try text.horizontal(title, font: titleFont, x: origin.x, align: .start, top: origin.y,
                                                   role: "\(role)-title")))
        }
        for (entry, row) in zip(swatches, rows(at: origin)) {
            let centre = row.midY
            let swatch = Rect(x: origin.x, y: centre - lineHeight / 2, width: lineHeight, height: lineHeight)
            items.append(.rect(RectItem(rect: swatch, fill: entry.color, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            items.append(.text(try text.horizontal(entry.name, font: labelFont, x: swatch.maxX + theme.tickPad, align: .start,
                                                   centerY: centre, role: "\(role)-label")))
        }
        return items
    }

    /// Each swatch's line (swatch and name, the legend's width) when drawn at `origin`.
    func rows(at origin: Point) -> [Rect] {
        swatches.indices.map { k in
            Rect(x: origin.x, y: origin.y + titleHeight + Double(k) * rowHeight, width: size.width, height: rowHeight)
        }
    }
}
