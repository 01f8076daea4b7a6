/// A track's entry in the legend area, titled by the track: a swatch and name per category
/// (`SwatchLegend`), a small colorbar for a numeric track, or a full-length bar with the value it
/// stands for. Measured once; drawn from its top-left corner.
struct TrackLegend: LegendEntry {
    /// The legend of `track`.
    static func entry(for track: AnnotationTrack, theme: Theme, measurer: any TextMeasurer) throws -> any LegendEntry {
        if case .categories(_, let colors) = track.content {
            return try SwatchLegend(title: track.title, swatches: colors, theme: theme, measurer: measurer, role: "track-legend")
        }
        return try TrackLegend(track: track, theme: theme, measurer: measurer)
    }

    let track: AnnotationTrack
    let theme: Theme
    let measurer: any TextMeasurer
    /// The entry's extent.
    let size: Size
    private let titleHeight: Double
    private let lineHeight: Double
    /// A numeric track's ticks.
    private let ticks: ColorbarTicks?

    private var titleFont: FontSpec { theme.font(size: theme.axisTitleSize) }
    private var labelFont: FontSpec { theme.font(size: theme.tickLabelSize) }
    /// A numeric track's colorbar is this long.
    private var barLength: Double { 0.6 * theme.minColorbarLength }
    /// The bar's line.
    private var rowHeight: Double { 1.35 * lineHeight }

    private init(track: AnnotationTrack, theme: Theme, measurer: any TextMeasurer) throws {
        self.track = track; self.theme = theme; self.measurer = measurer
        let titleFont = theme.font(size: theme.axisTitleSize)
        let labelFont = theme.font(size: theme.tickLabelSize)
        titleHeight = try measurer.measure("Hg", font: titleFont).height
        lineHeight = try measurer.measure("Hg", font: labelFont).height
        let titleWidth = try measurer.measure(track.title, font: titleFont).width
        let top = titleHeight + theme.tickPad
        switch track.content {
        case .categories: preconditionFailure("category tracks have a SwatchLegend")
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
        case .categories: break
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
