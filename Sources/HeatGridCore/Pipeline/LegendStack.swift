/// The figure's legend area and what it holds, stacked without overlap: the shared colorbar first
/// (as long as the area allows, never shorter than the theme's `minColorbarLength`), then the
/// swatch of the bad colour when `colorbar.badLabel` asks for one, then a legend per annotation
/// track. A right area stacks entries top to bottom; a bottom area puts the swatch at the right
/// end of the title's line and the track legends side by side after the bar.
/// An entry of the legend area after the colorbar (a track's or a mark's legend): measured once,
/// drawn from its top-left corner.
protocol LegendEntry {
    var size: Size { get }
    func draw(at origin: Point, text: TextPlacer) throws -> [SceneItem]
}

struct LegendStack {
    let composer: FigureComposer
    let placement: LegendPlacement
    /// Whether the shared colorbar is here (not hidden, not one per panel).
    let showsColorbar: Bool
    /// The annotation tracks' legends, then the marks', in order.
    let entries: [any LegendEntry]
    let ticks: ColorbarTicks
    /// The widest and tallest tick label.
    let labelWidth: Double
    let labelHeight: Double
    let badLabelWidth: Double
    /// One line of the colorbar title.
    let titleLineHeight: Double

    private var theme: Theme { composer.theme }
    /// Whether a categorical scale's legend (its categories' swatches) is the first entry.
    private var showsCategories: Bool { composer.showsColorbar && composer.mapping.scale.categories != nil }
    private var tickFont: FontSpec { theme.font(size: theme.tickLabelSize) }
    private var titleFont: FontSpec { theme.font(size: theme.axisTitleSize) }
    private var badLabel: String? { composer.labels.badLabel }

    init(composer: FigureComposer) throws {
        self.composer = composer
        placement = composer.labels.colorbarPlacement == .bottom ? .bottom : .right
        // A categorical scale shows swatches with its categories' names instead of a colorbar.
        let categories = composer.mapping.scale.categories
        showsColorbar = composer.showsColorbar && composer.labels.colorbarPlacement != .eachPanel && categories == nil
        let mapping = composer.mapping
        let categoryLegend: [any LegendEntry] = try categories.map { list in
            guard composer.showsColorbar else { return [] }
            return [try SwatchLegend(title: composer.labels.colorbarTitle, swatches: list.map { ($0.name, mapping.color(for: $0.value)) },
                                     theme: composer.theme, measurer: composer.measurer)]
        } ?? []
        entries = try categoryLegend + composer.tracks.map { try TrackLegend.entry(for: $0, theme: composer.theme, measurer: composer.measurer) }
            + composer.marks.compactMap { mark in
                try mark.spec.legend.map { try MarkLegend(swatch: mark.prepared.legendSwatch, label: $0, theme: composer.theme,
                                                          measurer: composer.measurer) }
            }
        let labels = composer.labels
        ticks = ColorbarTicks(mapping: composer.mapping, explicit: labels.colorbarTicks, format: labels.colorbarFormat)
        let font = composer.theme.font(size: composer.theme.tickLabelSize)
        labelWidth = try ticks.labels.map { try composer.measurer.measure($0, font: font).width }.max() ?? 0
        labelHeight = try composer.measurer.measure("0", font: font).height
        badLabelWidth = try labels.badLabel.map { try composer.measurer.measure($0, font: font).width } ?? 0
        titleLineHeight = try composer.measurer.measure("Hg", font: composer.theme.font(size: composer.theme.axisTitleSize)).height
    }

    /// The bad-colour entry's extent along a right area (gap, swatch), or 0 without one.
    private var badEntryLength: Double {
        badLabel == nil || placement == .bottom || !showsColorbar ? 0 : theme.tickLength + theme.tickPad + 2 + theme.colorbarWidth
    }

    /// Space before each track legend: clear of the colorbar's end label.
    private var entryGap: Double {
        placement == .right ? max(theme.colorbarPad, labelHeight) : theme.colorbarPad + labelWidth / 2
    }

    /// The track legends' extent along the area, gaps included.
    private var entriesLength: Double {
        entries.reduce(0) { $0 + entryGap + (placement == .right ? $1.size.height : $1.size.width) }
    }

    /// What the area needs with `titleLines` lines of colorbar title.
    func request(titleLines: Int) throws -> LegendRequest {
        guard showsColorbar else {
            let across = entries.map { placement == .right ? $0.size.width : $0.size.height }.max() ?? 0
            return LegendRequest(placement: placement, gap: theme.colorbarPad, thickness: across,
                                 minimumLength: entriesLength, endOverhang: 0)
        }
        let hasTitle = !composer.labels.colorbarTitle.isEmpty
        let title = hasTitle ? theme.axisTitlePad + Double(titleLines) * titleLineHeight : 0
        let labels = theme.tickLength + theme.tickPad
        switch placement {
        case .right:
            let bad = badLabel == nil ? 0 : theme.colorbarWidth + labels + badLabelWidth
            let entriesWidth = entries.map(\.size.width).max() ?? 0
            return LegendRequest(placement: .right, gap: theme.colorbarPad,
                                 thickness: max(theme.colorbarWidth + labels + labelWidth + title, bad, entriesWidth),
                                 minimumLength: theme.minColorbarLength + badEntryLength + entriesLength, endOverhang: labelHeight / 2)
        case .bottom:
            let titleLine = max(title, badLabel == nil ? 0 : theme.axisTitlePad + labelHeight)
            let entriesHeight = entries.map(\.size.height).max() ?? 0
            return LegendRequest(placement: .bottom, gap: theme.colorbarPad,
                                 thickness: max(theme.colorbarWidth + labels + labelHeight + titleLine, entriesHeight),
                                 minimumLength: theme.minColorbarLength + entriesLength, endOverhang: labelWidth / 2)
        }
    }

    /// The shared colorbar's frame in `area`, or nil when the area holds none.
    func colorbarFrame(in area: Rect) -> Rect? { showsColorbar ? bar(in: area) : nil }

    /// The colorbar's frame in `area`.
    private func bar(in area: Rect) -> Rect {
        placement == .right
            ? Rect(x: area.minX, y: area.minY, width: theme.colorbarWidth, height: area.height - badEntryLength - entriesLength)
            : Rect(x: area.minX, y: area.minY, width: area.width - entriesLength, height: theme.colorbarWidth)
    }

    /// The colorbar title's lines along the bar (wrapped, then cut), and how many it wants.
    func fitTitle(in area: Rect, reserved: Int) throws -> (lines: [String], wanted: Int) {
        let title = composer.labels.colorbarTitle
        guard !title.isEmpty, showsColorbar else { return ([], 1) }
        let bar = bar(in: area)
        // A bottom bar's title shares its line with the bad swatch at the right end: keep it centred and clear.
        let badRoom = badLabel == nil ? 0 : 2 * (badLabelWidth + theme.tickPad + labelHeight + theme.tickPad)
        let length = placement == .right ? bar.height : bar.width - badRoom
        let fitter = TextFitter(measurer: composer.measurer)
        let lines = try fitter.lines(title, width: length, font: titleFont, maxLines: PanelDrawer.maximumLines)
        guard lines.count > reserved else { return (lines, lines.count) }
        return (try fitter.lines(title, width: length, font: titleFont, maxLines: reserved), lines.count)
    }

    /// The colorbar and the entries after it.
    func draw(in area: Rect, title: [String]) throws -> [SceneItem] {
        let text = TextPlacer(measurer: composer.measurer, color: theme.textColor)
        guard showsColorbar else { return try drawEntries(from: placement == .right ? area.minY : area.minX, in: area, text: text) }
        let bar = bar(in: area)
        var items = try ColorbarDrawer(mapping: composer.mapping, ticks: ticks, theme: theme, title: title, text: text)
            .draw(in: bar, vertical: placement == .right)
        items += try badSwatch(bar: bar, area: area, text: text)
        items += try drawEntries(from: placement == .right ? bar.maxY + badEntryLength : bar.maxX, in: area, text: text)
        return items
    }

    /// The track legends, one after another from `start` along the area.
    private func drawEntries(from start: Double, in area: Rect, text: TextPlacer) throws -> [SceneItem] {
        try zip(entries, entryOrigins(from: start, in: area)).flatMap { entry, origin in try entry.draw(at: origin, text: text) }
    }

    /// Where each entry is drawn, one after another from `start` along the area.
    private func entryOrigins(from start: Double, in area: Rect) -> [Point] {
        var position = start
        return entries.map { entry in
            position += entryGap
            let origin = placement == .right ? Point(x: area.minX, y: position) : Point(x: position, y: area.minY)
            position += placement == .right ? entry.size.height : entry.size.width
            return origin
        }
    }

    /// A categorical scale's legend lines in `area`, one per category in order (its legend is the
    /// first entry, in place of the colorbar); nil when the scale has no categories.
    func categoryRows(in area: Rect) -> [Rect]? {
        guard showsCategories, let legend = entries.first as? SwatchLegend,
              let origin = entryOrigins(from: placement == .right ? area.minY : area.minX, in: area).first else { return nil }
        return legend.rows(at: origin)
    }

    /// The bad colour's swatch and label, when `colorbar.badLabel` asks for them.
    private func badSwatch(bar: Rect, area: Rect, text: TextPlacer) throws -> [SceneItem] {
        var items: [SceneItem] = []
        guard let badLabel else { return items }
        let mapping = composer.mapping
        switch placement {
        case .right:
            let side = theme.colorbarWidth
            let swatch = Rect(x: area.minX, y: bar.maxY + theme.tickLength + theme.tickPad + 2, width: side, height: side)
            items.append(.rect(RectItem(rect: swatch, fill: mapping.bad, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            items.append(.text(try text.horizontal(badLabel, font: tickFont, x: swatch.maxX + theme.tickPad + theme.tickLength,
                                                   align: .start, centerY: swatch.midY, role: "colorbar-bad")))
        case .bottom:
            // On the title's line, at the bar's right end.
            let top = bar.maxY + theme.tickLength + theme.tickPad + labelHeight + theme.axisTitlePad
            let label = try text.horizontal(badLabel, font: tickFont, x: bar.maxX, align: .end, top: top, role: "colorbar-bad")
            let side = label.bounds.height
            let swatch = Rect(x: label.bounds.minX - theme.tickPad - side, y: label.bounds.minY, width: side, height: side)
            items.append(.rect(RectItem(rect: swatch, fill: mapping.bad, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            items.append(.text(label))
        }
        return items
    }
}
