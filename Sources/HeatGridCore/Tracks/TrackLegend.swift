/// A track's entry in the legend area, titled by the track: a swatch and name per category, a
/// small colorbar for a numeric track, or a full-length bar with the value it stands for. Measured
/// once; drawn from its top-left corner.
struct TrackLegend: LegendEntry {
    let track: AnnotationTrack
    let theme: Theme
    let measurer: any TextMeasurer
    /// The entry's extent.
    let size: Size
    private let titleHeight: Double
    private let lineHeight: Double
    /// A numeric track's ticks.
    private let ticks: ColorbarTicks?

    private var titleFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.axisTitleSize) }
    private var labelFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.tickLabelSize) }
    /// A numeric track's colorbar is this long.
    private var barLength: Double { 0.6 * theme.minColorbarLength }
    /// Category rows are this far apart.
    private var rowHeight: Double { 1.35 * lineHeight }

    init(track: AnnotationTrack, theme: Theme, measurer: any TextMeasurer) throws {
        self.track = track; self.theme = theme; self.measurer = measurer
        let titleFont = FontSpec(family: theme.fontFamily, size: theme.axisTitleSize)
        let labelFont = FontSpec(family: theme.fontFamily, size: theme.tickLabelSize)
        titleHeight = try measurer.measure("Hg", font: titleFont).height
        lineHeight = try measurer.measure("Hg", font: labelFont).height
        let titleWidth = try measurer.measure(track.title, font: titleFont).width
        let top = titleHeight + theme.tickPad
        switch track.content {
        case .categories(_, let colors):
            ticks = nil
            let widest = try colors.map { try measurer.measure($0.name, font: labelFont).width }.max() ?? 0
            size = Size(width: max(titleWidth, lineHeight + theme.tickPad + widest),
                        height: top + Double(colors.count) * 1.35 * lineHeight)
        case .colors(_, let mapping):
            let ticks = ColorbarTicks(mapping: mapping, count: 3)
            self.ticks = ticks
            let widest = try ticks.labels.map { try measurer.measure($0, font: labelFont).width }.max() ?? 0
            size = Size(width: max(titleWidth, theme.colorbarWidth + theme.tickLength + theme.tickPad + widest),
                        height: top + lineHeight + 0.6 * theme.minColorbarLength)
        case .bars:
            ticks = nil
            let label = try measurer.measure(Self.barLabel(track), font: labelFont).width
            size = Size(width: max(titleWidth, track.depth + theme.tickPad + label), height: top + 1.35 * lineHeight)
        }
    }

    /// What a full-length bar stands for ("= 12.5"; "-3 to 12.5" when bars go both ways).
    private static func barLabel(_ track: AnnotationTrack) -> String {
        guard case .bars(_, let range) = track.content else { return "" }
        let labels = TickFormat.labels([range.lowerBound, range.upperBound])
        return range.lowerBound < 0 ? "\(labels[0]) to \(labels[1])" : "= \(labels[1])"
    }

    func draw(at origin: Point, text: TextPlacer) throws -> [SceneItem] {
        var items: [SceneItem] = [.text(try text.horizontal(track.title, font: titleFont, x: origin.x, align: .start,
                                                            top: origin.y, role: "track-legend-title"))]
        let top = origin.y + titleHeight + theme.tickPad
        switch track.content {
        case .categories(_, let colors):
            for (k, entry) in colors.enumerated() {
                let centre = top + (Double(k) + 0.5) * rowHeight
                let swatch = Rect(x: origin.x, y: centre - lineHeight / 2, width: lineHeight, height: lineHeight)
                items.append(.rect(RectItem(rect: swatch, fill: entry.color, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
                items.append(.text(try text.horizontal(entry.name, font: labelFont, x: swatch.maxX + theme.tickPad, align: .start,
                                                       centerY: centre, role: "track-legend-label")))
            }
        case .colors(_, let mapping):
            // Tick labels are centred on their ticks: half a line above and below the bar.
            let bar = Rect(x: origin.x, y: top + lineHeight / 2, width: theme.colorbarWidth, height: barLength)
            items += try ColorbarDrawer(mapping: mapping, ticks: ticks!, theme: theme, title: [], text: text)
                .draw(in: bar, vertical: true)
        case .bars:
            let centre = top + rowHeight / 2
            let bar = Rect(x: origin.x, y: centre - 0.4 * lineHeight, width: track.depth, height: 0.8 * lineHeight)
            items.append(.rect(RectItem(rect: bar, fill: TrackDrawer.barColor)))
            items.append(.text(try text.horizontal(Self.barLabel(track), font: labelFont, x: bar.maxX + theme.tickPad, align: .start,
                                                   centerY: centre, role: "track-legend-label")))
        }
        return items
    }
}
