/// Builds the scene of a figure.
///
/// 1. Measure every label with the real font: tick labels, axis titles, panel titles, the
///    colorbar's labels and title. Their extents are the panels' and colorbar's protrusions.
/// 2. Ask the layout plugin to place plot boxes and the colorbar from those protrusions.
/// 3. Draw cells, frames, ticks and labels around the placed boxes, every colour through the one
///    shared `ColorMapping`.
/// 4. Check the result: no text leaves the canvas or collides with other text or a plot box.
///    A figure that does not fit is an error that names what does not fit, never a broken figure.
public struct FigureComposer: Sendable {
    /// Titles for the axes and the colorbar, after defaults from the dataset are applied.
    public struct Labels: Sendable, Equatable {
        public var xTitle: String
        public var yTitle: String
        public var colorbarTitle: String
        public var xTickStep: Int?
        public var yTickStep: Int?
        public var axisTitles: AxesSpec.TitlePlacement
        /// Explicit colorbar ticks, their label format, and the bad-colour legend label.
        public var colorbarTicks: [Double]?
        public var colorbarFormat: TickFormat?
        public var badLabel: String?
        /// Where the colorbar goes (one per panel when the panels have their own scales).
        public var colorbarPlacement: ColorbarPlacement = .right
        /// Values written inside the cells, or nil.
        public var annotations: AnnotationSpec?
        public init(xTitle: String, yTitle: String, colorbarTitle: String, xTickStep: Int? = nil,
                    yTickStep: Int? = nil, axisTitles: AxesSpec.TitlePlacement = .all, colorbarTicks: [Double]? = nil,
                    colorbarFormat: TickFormat? = nil, badLabel: String? = nil) {
            self.xTitle = xTitle; self.yTitle = yTitle; self.colorbarTitle = colorbarTitle
            self.xTickStep = xTickStep; self.yTickStep = yTickStep; self.axisTitles = axisTitles
            self.colorbarTicks = colorbarTicks; self.colorbarFormat = colorbarFormat; self.badLabel = badLabel
        }
    }

    public var dataset: Dataset
    /// One mapping per panel: all the same value when the scale is shared.
    public var mappings: [ColorMapping]
    /// The shared mapping (the first panel's).
    public var mapping: ColorMapping { mappings[0] }
    public var theme: Theme
    public var labels: Labels
    public var layout: any Layout
    public var layoutSpec: LayoutSpec
    public var showsColorbar: Bool
    public var measurer: any TextMeasurer
    /// The spec file, for error messages.
    public var specFile: String

    /// A composer for panels sharing one colour mapping.
    public init(dataset: Dataset, mapping: ColorMapping, theme: Theme, labels: Labels, layout: any Layout,
                layoutSpec: LayoutSpec, showsColorbar: Bool = true, measurer: any TextMeasurer,
                specFile: String = "spec") {
        self.init(dataset: dataset, mappings: Array(repeating: mapping, count: max(dataset.panels.count, 1)), theme: theme,
                  labels: labels, layout: layout, layoutSpec: layoutSpec, showsColorbar: showsColorbar,
                  measurer: measurer, specFile: specFile)
    }

    /// A composer with a mapping per panel (independent scales, one colorbar each).
    public init(dataset: Dataset, mappings: [ColorMapping], theme: Theme, labels: Labels, layout: any Layout,
                layoutSpec: LayoutSpec, showsColorbar: Bool = true, measurer: any TextMeasurer,
                specFile: String = "spec") {
        precondition(!mappings.isEmpty, "a figure needs a colour mapping")
        self.dataset = dataset; self.mappings = mappings; self.theme = theme; self.labels = labels
        self.layout = layout; self.layoutSpec = layoutSpec; self.showsColorbar = showsColorbar
        self.measurer = measurer; self.specFile = specFile
    }

    private var titleFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.titleSize) }
    private var axisTitleFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.axisTitleSize) }
    private var tickFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.tickLabelSize) }

    /// Tick positions (cell indices) along an axis of `cells` cells.
    private func ticks(cells: Int, step: Int?) -> [Int] {
        Array(stride(from: 0, to: cells, by: step ?? NiceTicks.cellStep(cells: cells)))
    }

    /// Tick positions along an axis whose cells are `cellSize` points long, thinned to every 2nd,
    /// 3rd, ... tick of the asked step when neighbouring labels would otherwise touch (a narrow
    /// journal column must not turn "0 6 12 18" into an overlapping smear).
    private func ticks(cells: Int, step: Int?, cellSize: Double, labelExtent: (Int) throws -> Double) rethrows -> [Int] {
        let base = step ?? NiceTicks.cellStep(cells: cells)
        let gap = theme.tickLabelSize * 0.4
        for multiple in 1...max(cells, 1) {
            let positions = Array(stride(from: 0, to: cells, by: base * multiple))
            let needed = try zip(positions, positions.dropFirst()).map { try (labelExtent($0) + labelExtent($1)) / 2 + gap }
            let fits = zip(positions, positions.dropFirst()).enumerated().allSatisfy { i, pair in
                Double(pair.1 - pair.0) * cellSize >= needed[i]
            }
            if fits { return positions }
        }
        return [0]
    }

    /// The scene and the layout it was built on, for a figure of `size` points.
    public func compose(size: Size) throws -> (scene: Scene, layout: FigureLayout) {
        guard !dataset.panels.isEmpty else { throw HeatGridError.layout(message: "the data has no panels to draw") }
        let text = TextPlacer(measurer: measurer, color: theme.textColor)
        let placement = labels.colorbarPlacement
        let colorbarTicks = mappings.map { ColorbarTicks(mapping: $0, explicit: labels.colorbarTicks, format: labels.colorbarFormat) }
        // Bars of their own carry no title (the panel title says what they are).
        let colorbarTitle = placement == .eachPanel ? "" : labels.colorbarTitle

        // 1. Measure.
        let tickHeight = try measurer.measure("0", font: tickFont).height
        let yTickWidth = try dataset.panels.flatMap { ticks(cells: $0.matrix.rows, step: labels.yTickStep) }
            .map { try measurer.measure(String($0), font: tickFont).width }.max() ?? 0
        let titleHeight = try measurer.measure("Hg", font: titleFont).height
        let axisTitleHeight = try measurer.measure("Hg", font: axisTitleFont).height
        let hasPanelTitles = dataset.panels.contains { !$0.title.isEmpty }
        let protrusions = PanelProtrusions(
            top: hasPanelTitles ? titleHeight + theme.titlePad : 0,
            leftTicks: theme.tickLength + theme.tickPad + yTickWidth,
            leftTitle: labels.yTitle.isEmpty ? 0 : theme.axisTitlePad + axisTitleHeight,
            bottomTicks: theme.tickLength + theme.tickPad + tickHeight,
            bottomTitle: labels.xTitle.isEmpty ? 0 : theme.axisTitlePad + axisTitleHeight,
            titleOverhang: 0)
        var colorbar: ColorbarProtrusions?
        if showsColorbar {
            let labelWidth = try colorbarTicks.flatMap(\.labels).map { try measurer.measure($0, font: tickFont).width }.max() ?? 0
            let title = colorbarTitle.isEmpty ? 0 : theme.axisTitlePad + axisTitleHeight
            let labels = placement == .bottom ? tickHeight : labelWidth
            colorbar = ColorbarProtrusions(
                barWidth: theme.colorbarWidth, gap: placement == .eachPanel ? theme.colorbarPad / 2 : theme.colorbarPad,
                outside: theme.tickLength + theme.tickPad + labels + title, placement: placement)
        }

        // 2. Place. When cells come out shorter than a tick label, the label of row 0 pokes above
        // the plot box by half the difference: lift the titles by that much and place again.
        var request = LayoutRequest(
            figureSize: size, margin: theme.margin,
            spacing: Size(width: theme.panelSpacing, height: theme.rowSpacing),
            panelShapes: dataset.panels.map { ($0.matrix.rows, $0.matrix.columns) },
            panel: protrusions, colorbar: colorbar, axisTitles: labels.axisTitles, spec: layoutSpec,
            specFile: specFile)
        // Titles too wide even when shrunk wrap onto a second line: make room for it and place again.
        let fitter = PanelTitleFitter(measurer: measurer)
        func fitTitles(_ placed: FigureLayout) throws -> PanelTitleFitter.Result {
            try fitter.fit(titles: dataset.panels.map(\.title), boxes: placed.panels.map(\.plotBox), canvasWidth: size.width,
                           margin: theme.margin, gap: theme.titleSize / 2, font: titleFont)
        }
        var placed = try layout.place(request)
        var titles = try fitTitles(placed)
        var titleLift = 0.0, secondLine = 0.0
        for _ in 0..<4 {
            let overhang = zip(dataset.panels, placed.panels).map { panel, placement in
                max(0, tickHeight / 2 - placement.plotBox.height / Double(max(panel.matrix.rows, 1)) / 2)
            }.max() ?? 0
            let wrapped = titles.wraps ? try measurer.measure("Hg", font: titles.font).height : 0
            guard overhang > titleLift + 0.01 || wrapped > secondLine + 0.01 else { break }
            titleLift = max(titleLift, overhang)
            secondLine = max(secondLine, wrapped)
            request.panel.top = protrusions.top + titleLift + secondLine
            placed = try layout.place(request)
            titles = try fitTitles(placed)
        }
        guard placed.panels.count == dataset.panels.count else {
            throw HeatGridError.layout(message: "layout '\(layout.type)' placed \(placed.panels.count) of \(dataset.panels.count) panels")
        }

        // 3. Draw.
        var items: [SceneItem] = []
        // Annotations share one number format across panels, set by the largest magnitude.
        let largestMagnitude = labels.annotations == nil ? 0
            : dataset.finiteExtent.map { max(abs($0.lowerBound), abs($0.upperBound)) } ?? 0
        // Cell colours are the heavy part for big matrices: one panel per core.
        let panelMappings = dataset.panels.indices.map { mappings[min($0, mappings.count - 1)] }
        let colours = Array(zip(dataset.panels, panelMappings)).concurrentMap(cells: dataset.cellCount) {
            $1.rgbaBytes(for: $0.matrix.values)
        }
        for (i, (panel, placement)) in zip(dataset.panels, placed.panels).enumerated() {
            items += try drawPanel(panel, colours: colours[i], mapping: panelMappings[i], title: titles.lines[i],
                                   titleFont: titles.font, titleLift: titleLift, largestMagnitude: largestMagnitude,
                                   placement: placement, protrusions: protrusions, text: text)
        }
        if let bar = placed.colorbar {
            items += try ColorbarDrawer(mapping: mapping, ticks: colorbarTicks[0], theme: theme, title: colorbarTitle,
                                        badLabel: labels.badLabel, text: text).draw(in: bar)
        }
        for (i, bar) in placed.panelColorbars.enumerated() where i < mappings.count {
            items += try ColorbarDrawer(mapping: mappings[i], ticks: colorbarTicks[i], theme: theme, title: "",
                                        badLabel: nil, text: text).draw(in: bar)
        }
        let scene = Scene(size: size, background: theme.background, items: items)

        // 4. Check.
        try SceneCheck.requireFits(scene)
        return (scene, placed)
    }

    private func drawPanel(_ panel: Panel, colours rgba: [UInt8], mapping: ColorMapping, title: [String], titleFont: FontSpec,
                           titleLift: Double, largestMagnitude: Double, placement: PanelPlacement,
                           protrusions: PanelProtrusions, text: TextPlacer) throws -> [SceneItem] {
        let box = placement.plotBox
        let matrix = panel.matrix
        var items: [SceneItem] = []
        items.append(.cells(CellGrid(frame: box, rows: matrix.rows, columns: matrix.columns, rgba: rgba)))
        items.append(.rect(RectItem(rect: box, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
        if let annotations = labels.annotations {
            items += try CellAnnotator(spec: annotations, theme: theme, measurer: measurer)
                .annotate(matrix, mapping: mapping, box: box, largest: largestMagnitude)
        }

        let cellWidth = box.width / Double(matrix.columns), cellHeight = box.height / Double(matrix.rows)
        let labelTop = box.maxY + theme.tickLength + theme.tickPad
        let xTicks = try ticks(cells: matrix.columns, step: labels.xTickStep, cellSize: cellWidth) {
            try measurer.measure(String($0), font: tickFont).width
        }
        let tickHeight = try measurer.measure("0", font: tickFont).height
        let yTicks = ticks(cells: matrix.rows, step: labels.yTickStep, cellSize: cellHeight) { _ in tickHeight }
        for column in xTicks {
            let x = box.minX + (Double(column) + 0.5) * cellWidth
            items.append(.line(LineItem(from: Point(x: x, y: box.maxY), to: Point(x: x, y: box.maxY + theme.tickLength),
                                        color: theme.axisColor, width: theme.tickWidth)))
            items.append(.text(try text.horizontal(String(column), font: tickFont, x: x, align: .center,
                                                   top: labelTop, role: "x-tick")))
        }
        let labelRight = box.minX - theme.tickLength - theme.tickPad
        for row in yTicks {
            let y = box.minY + (Double(row) + 0.5) * cellHeight
            items.append(.line(LineItem(from: Point(x: box.minX - theme.tickLength, y: y), to: Point(x: box.minX, y: y),
                                        color: theme.axisColor, width: theme.tickWidth)))
            items.append(.text(try text.horizontal(String(row), font: tickFont, x: labelRight, align: .end,
                                                   centerY: y, role: "y-tick")))
        }
        if placement.showsXTitle && !labels.xTitle.isEmpty {
            items.append(.text(try text.horizontal(labels.xTitle, font: axisTitleFont, x: box.midX, align: .center,
                top: box.maxY + protrusions.bottomTicks + theme.axisTitlePad, role: "x-title")))
        }
        if placement.showsYTitle && !labels.yTitle.isEmpty {
            let left = box.minX - protrusions.leftTicks - protrusions.leftTitle
            items.append(.text(try text.vertical(labels.yTitle, font: axisTitleFont, left: left, centerY: box.midY,
                                                 role: "y-title")))
        }
        // Lines stack upwards from the plot box: the last line sits where a one-line title would.
        var bottom = box.minY - theme.titlePad - titleLift
        for line in title.reversed() where !line.isEmpty {
            let height = try measurer.measure(line, font: titleFont).height
            items.append(.text(try text.horizontal(line, font: titleFont, x: box.midX, align: .center,
                top: bottom - height, role: "panel-title")))
            bottom -= height
        }
        return items
    }
}
