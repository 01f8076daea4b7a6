/// The figure's legend area and what it holds, stacked without overlap: the shared colorbar first
/// (as long as the area allows, never shorter than the theme's `minColorbarLength`), then the
/// swatch of the bad colour when `colorbar.badLabel` asks for one. A right area stacks entries top
/// to bottom; a bottom area puts the swatch at the right end of the title's line.
struct LegendStack {
    let composer: FigureComposer
    let placement: LegendPlacement
    let ticks: ColorbarTicks
    /// The widest and tallest tick label.
    let labelWidth: Double
    let labelHeight: Double
    let badLabelWidth: Double
    /// One line of the colorbar title.
    let titleLineHeight: Double

    private var theme: Theme { composer.theme }
    private var tickFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.tickLabelSize) }
    private var titleFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.axisTitleSize) }
    private var badLabel: String? { composer.labels.badLabel }

    init(composer: FigureComposer) throws {
        self.composer = composer
        placement = composer.labels.colorbarPlacement == .bottom ? .bottom : .right
        let labels = composer.labels
        ticks = ColorbarTicks(mapping: composer.mapping, explicit: labels.colorbarTicks, format: labels.colorbarFormat)
        let font = FontSpec(family: composer.theme.fontFamily, size: composer.theme.tickLabelSize)
        labelWidth = try ticks.labels.map { try composer.measurer.measure($0, font: font).width }.max() ?? 0
        labelHeight = try composer.measurer.measure("0", font: font).height
        badLabelWidth = try labels.badLabel.map { try composer.measurer.measure($0, font: font).width } ?? 0
        titleLineHeight = try composer.measurer.measure("Hg", font: FontSpec(family: composer.theme.fontFamily,
                                                                             size: composer.theme.axisTitleSize)).height
    }

    /// The bad-colour entry's extent along a right area (gap, swatch), or 0 without one.
    private var badEntryLength: Double {
        badLabel == nil || placement == .bottom ? 0 : theme.tickLength + theme.tickPad + 2 + theme.colorbarWidth
    }

    /// What the area needs with `titleLines` lines of colorbar title.
    func request(titleLines: Int) throws -> LegendRequest {
        let hasTitle = !composer.labels.colorbarTitle.isEmpty
        let title = hasTitle ? theme.axisTitlePad + Double(titleLines) * titleLineHeight : 0
        let labels = theme.tickLength + theme.tickPad
        switch placement {
        case .right:
            let bad = badLabel == nil ? 0 : theme.colorbarWidth + labels + badLabelWidth
            return LegendRequest(placement: .right, gap: theme.colorbarPad,
                                 thickness: max(theme.colorbarWidth + labels + labelWidth + title, bad),
                                 minimumLength: theme.minColorbarLength + badEntryLength, endOverhang: labelHeight / 2)
        case .bottom:
            let titleLine = max(title, badLabel == nil ? 0 : theme.axisTitlePad + labelHeight)
            return LegendRequest(placement: .bottom, gap: theme.colorbarPad,
                                 thickness: theme.colorbarWidth + labels + labelHeight + titleLine,
                                 minimumLength: theme.minColorbarLength, endOverhang: labelWidth / 2)
        }
    }

    /// The colorbar's frame in `area`.
    private func bar(in area: Rect) -> Rect {
        placement == .right
            ? Rect(x: area.minX, y: area.minY, width: theme.colorbarWidth, height: area.height - badEntryLength)
            : Rect(x: area.minX, y: area.minY, width: area.width, height: theme.colorbarWidth)
    }

    /// The colorbar title's lines along the bar (wrapped, then cut), and how many it wants.
    func fitTitle(in area: Rect, reserved: Int) throws -> (lines: [String], wanted: Int) {
        let title = composer.labels.colorbarTitle
        guard !title.isEmpty else { return ([], 1) }
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
        let bar = bar(in: area)
        var items = try ColorbarDrawer(mapping: composer.mapping, ticks: ticks, theme: theme, title: title, text: text)
            .draw(in: bar, vertical: placement == .right)
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
            let label = try text.horizontal(badLabel, font: tickFont, x: area.maxX, align: .end, top: top, role: "colorbar-bad")
            let side = label.bounds.height
            let swatch = Rect(x: label.bounds.minX - theme.tickPad - side, y: label.bounds.minY, width: side, height: side)
            items.append(.rect(RectItem(rect: swatch, fill: mapping.bad, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            items.append(.text(label))
        }
        return items
    }
}
