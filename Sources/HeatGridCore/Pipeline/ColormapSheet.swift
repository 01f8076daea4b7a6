/// A reference sheet of colormaps: one row per colormap, its name on the left and its gradient
/// (and the reversed one) on the right, so users pick names by eye instead of hunting for them.
public struct ColormapSheet: Sendable {
    public var colormaps: [any Colormap]
    public var theme: Theme
    public var measurer: any TextMeasurer

    public init(colormaps: [any Colormap], theme: Theme = .paper, measurer: any TextMeasurer) {
        self.colormaps = colormaps; self.theme = theme; self.measurer = measurer
    }

    /// The sheet's scene, `width` points wide and as tall as its rows need.
    public func scene(width: Double = 480) throws -> Scene {
        let font = FontSpec(family: theme.fontFamily, size: theme.axisTitleSize + 1)
        let text = TextPlacer(measurer: measurer, color: theme.textColor)
        let nameWidth = try colormaps.map { try measurer.measure($0.name + "_r", font: font).width }.max() ?? 0
        let rowHeight = max(14, font.size * 2), barHeight = rowHeight * 0.62
        let margin = theme.margin * 2, gap = 10.0
        let barWidth = (width - 2 * margin - nameWidth - 2 * gap) / 2
        guard barWidth > 20 else { throw HeatGridError.layout(message: "the colormap sheet is too narrow for its names") }
        var items: [SceneItem] = []
        for (i, colormap) in colormaps.enumerated() {
            let y = margin + Double(i) * rowHeight
            let steps = max(colormap.resolution, 2)
            let colors = colormap.bands(steps)
            items.append(.text(try text.horizontal(colormap.name, font: font, x: margin, align: .start,
                                                   centerY: y + rowHeight / 2, role: "colormap-name")))
            for (column, ramp) in [colors, colors.reversed()].enumerated() {
                let frame = Rect(x: margin + nameWidth + gap + Double(column) * (barWidth + gap),
                                 y: y + (rowHeight - barHeight) / 2, width: barWidth, height: barHeight)
                items.append(.gradient(GradientItem(frame: frame, colors: Array(ramp), direction: .leftToRight)))
                items.append(.rect(RectItem(rect: frame, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            }
        }
        let height = 2 * margin + Double(colormaps.count) * rowHeight
        return Scene(size: Size(width: width, height: height), background: theme.background, items: items)
    }
}
