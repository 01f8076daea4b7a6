/// Builds the scene of a figure.
///
/// 1. Measure every label with the real font and turn it into side components: the title above
///    each body, tick labels and axis titles left and below (outer-only where axes are shared), a
///    colorbar of its own on the right; and the legend area's needs (the shared colorbar).
/// 2. Ask the layout plugin to place the bodies and the legend area.
/// 3. Fit the text into the room the placement leaves (`TextFitter`: shrink panel titles together,
///    wrap at spaces and after hyphens, cut with "…"). Text that wraps onto more lines makes its
///    component thicker, so measure and place again until nothing changes (at most a few rounds).
/// 4. Draw cells, frames, ticks, labels and legends around the placed bodies, every colour through
///    the one shared `ColorMapping`; and note the data behind them for interactive outputs
///    (`Scene.interaction`, see `InteractionBuilder`).
/// 5. Check the result: no text leaves the canvas or collides with another item. A figure that does
///    not fit is an error that names what does not fit, never a broken figure.
public struct FigureComposer: Sendable {
    /// Titles for the axes and the colorbar, after defaults from the dataset are applied.
    public struct Labels: Sendable, Equatable {
        public var xTitle: String
        public var yTitle: String
        public var colorbarTitle: String
        public var xTickStep: Int?
        public var yTickStep: Int?
        public var axisTitles: AxesSpec.TitlePlacement
        /// Which panels share axes (`axes.shared`).
        public var sharing: AxesSpec.Sharing = .none
        /// Explicit colorbar ticks, their label format, and the bad-colour legend label.
        public var colorbarTicks: [Double]?
        public var colorbarFormat: TickFormat?
        public var badLabel: String?
        /// Where the colorbar goes (one per panel when the panels have their own scales).
        public var colorbarPlacement: ColorbarPlacement = .right
        /// Values written inside the cells, or nil.
        public var annotations: AnnotationSpec?
        public init(xTitle: String, yTitle: String, colorbarTitle: String, xTickStep: Int? = nil,
                    yTickStep: Int? = nil, axisTitles: AxesSpec.TitlePlacement = .all, sharing: AxesSpec.Sharing = .none,
                    colorbarTicks: [Double]? = nil, colorbarFormat: TickFormat? = nil, badLabel: String? = nil) {
            self.xTitle = xTitle; self.yTitle = yTitle; self.colorbarTitle = colorbarTitle
            self.xTickStep = xTickStep; self.yTickStep = yTickStep; self.axisTitles = axisTitles; self.sharing = sharing
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
    /// The cells' proportions (`cells.aspect`).
    public var cellAspect: CellAspect = .square
    public var showsColorbar: Bool
    /// The rows' clustering tree to draw left of the bodies (leaf k = row k), and its depth in points.
    public var rowTree: (tree: Dendrogram, depth: Double)?
    /// The columns' clustering tree to draw above the bodies (leaf k = column k), and its depth.
    public var columnTree: (tree: Dendrogram, depth: Double)?
    /// The rows' split into blocks with gaps (and labels), or nil.
    public var rowBlocks: AxisBlocks?
    /// The columns' split into blocks with gaps (and labels), or nil.
    public var columnBlocks: AxisBlocks?
    /// Annotation strips beside the rows and columns, in spec order (rows' first); each has a
    /// legend in the legend area.
    public var tracks: [AnnotationTrack] = []
    /// Marks drawn over the cells, in spec order; masks' cells are left undrawn.
    public var marks: [FigureMark] = []
    public var measurer: any TextMeasurer
    /// The spec file, for error messages.
    public var specFile: String

    /// A composer for panels sharing one colour mapping.
    public init(dataset: Dataset, mapping: ColorMapping, theme: Theme, labels: Labels, layout: any Layout,
                layoutSpec: LayoutSpec, cellAspect: CellAspect = .square, showsColorbar: Bool = true,
                measurer: any TextMeasurer, specFile: String = "spec") {
        self.init(dataset: dataset, mappings: Array(repeating: mapping, count: max(dataset.panels.count, 1)), theme: theme,
                  labels: labels, layout: layout, layoutSpec: layoutSpec, cellAspect: cellAspect,
                  showsColorbar: showsColorbar, measurer: measurer, specFile: specFile)
    }

    /// A composer with a mapping per panel (independent scales, one colorbar each).
    public init(dataset: Dataset, mappings: [ColorMapping], theme: Theme, labels: Labels, layout: any Layout,
                layoutSpec: LayoutSpec, cellAspect: CellAspect = .square, showsColorbar: Bool = true,
                measurer: any TextMeasurer, specFile: String = "spec") {
        precondition(!mappings.isEmpty, "a figure needs a colour mapping")
        self.dataset = dataset; self.mappings = mappings; self.theme = theme; self.labels = labels
        self.layout = layout; self.layoutSpec = layoutSpec; self.cellAspect = cellAspect
        self.showsColorbar = showsColorbar; self.measurer = measurer; self.specFile = specFile
    }

    /// Which axes are shared: y along grid rows when every panel has as many rows (x likewise).
    func sharedAxes() throws -> (x: Bool, y: Bool) {
        let rowCounts = Set(dataset.panels.map(\.matrix.rows)), columnCounts = Set(dataset.panels.map(\.matrix.columns))
        // Panels whose rows carry different names (each ordered by itself) cannot share their labels.
        let sameRowNames = Set(dataset.panels.map(\.rowLabels)).count == 1
        let sameColumnNames = Set(dataset.panels.map(\.columnLabels)).count == 1
        let (askX, askY): (Bool, Bool)
        switch labels.sharing {
        case .none: return (false, false)
        case .auto: return (columnCounts.count == 1 && sameColumnNames, rowCounts.count == 1 && sameRowNames)
        case .rows: (askX, askY) = (false, true)
        case .columns: (askX, askY) = (true, false)
        case .both: (askX, askY) = (true, true)
        }
        if askY, rowCounts.count > 1 {
            throw HeatGridError.spec(file: specFile, key: "axes.shared",
                message: "'\(labels.sharing.rawValue)' shares the y axis, but the panels have different numbers of rows (\(rowCounts.sorted().map(String.init).joined(separator: ", "))); use \"columns\" or \"none\"")
        }
        if askX, columnCounts.count > 1 {
            throw HeatGridError.spec(file: specFile, key: "axes.shared",
                message: "'\(labels.sharing.rawValue)' shares the x axis, but the panels have different numbers of columns (\(columnCounts.sorted().map(String.init).joined(separator: ", "))); use \"rows\" or \"none\"")
        }
        if (askY && !sameRowNames) || (askX && !sameColumnNames) {
            throw HeatGridError.spec(file: specFile, key: "axes.shared",
                message: "'\(labels.sharing.rawValue)' shares tick labels, but the panels name their \(askY && !sameRowNames ? "rows" : "columns") differently (each in its own order?); use \"auto\" or \"none\"")
        }
        return (askX, askY)
    }

    /// The scene and the layout it was built on, for a figure of `size` points; with `autoHeight`
    /// the height is the most the figure may take and the layout sets the real one.
    ///
    /// A size too small is an error naming a size that holds the figure. Text wraps differently
    /// at another size, so the size the layout names is tried, and grown until the figure fits.
    public func compose(size: Size, autoHeight: Bool = false) throws -> (scene: Scene, layout: FigureLayout) {
        do {
            return try composeOnce(size: size, autoHeight: autoHeight)
        } catch HeatGridError.tooSmall(var report) {
            report.needed = try holdingSize(asked: size, autoHeight: autoHeight, named: report.needed) ?? report.needed
            report.size = size
            throw HeatGridError.tooSmall(report)
        }
    }

    /// A size that holds the figure, near the one the layout `named` for a figure too small at
    /// `asked`. The layout measures at the asked size, and text wraps and lifts differently at
    /// another, so the named size can fall short. Steps from the asked size past the named one
    /// until the figure fits, then halves the step four times. When no step fits (the text needs
    /// jump at some size, beyond the steps' reach), follows the layout instead: tries the size it
    /// names, and the size it names there, growing, until one holds. nil when none does.
    private func holdingSize(asked: Size, autoHeight: Bool, named: Size) throws -> Size? {
        // With a free height only the width counts (the height may grow to a multiple of it).
        let ratio = asked.height / asked.width
        var deficit = autoHeight
            ? Size(width: max(0, max(named.width, named.height / ratio) - asked.width), height: 0)
            : Size(width: max(0, named.width - asked.width), height: max(0, named.height - asked.height))
        if deficit.width == 0 && deficit.height == 0 {
            // The layout found the size enough but the text was not: grow the figure's length.
            if autoHeight { deficit.width = 0.05 * asked.width } else { deficit.height = 0.05 * asked.height }
        }
        func size(_ step: Double) -> Size {
            let width = asked.width + step * deficit.width
            return Size(width: width, height: autoHeight ? ratio * width : asked.height + step * deficit.height)
        }
        /// Whether the figure fits at `step`; nil when it fails for another reason than its size.
        func fits(_ step: Double) -> Bool? { fitsSize(size(step)) }
        func fitsSize(_ size: Size) -> Bool? {
            do { _ = try composeOnce(size: size, autoHeight: autoHeight); return true }
            catch HeatGridError.tooSmall { return false }
            catch { return nil }
        }
        /// `size` in whole millimetres, as the message prints it.
        func printed(_ size: Size) -> Size {
            func up(_ points: Double) -> Double { Double(FigureTooSmall.millimetresUp(points)) * 72 / 25.4 }
            let width = up(size.width)
            return Size(width: width, height: autoHeight ? ratio * width : up(size.height))
        }
        /// The layout's own answer, followed: each size it names that does not hold the figure
        /// names a bigger one (never smaller than the last, in each direction).
        func followingTheLayout(from start: Size) -> Size? {
            var candidate = printed(start)
            for _ in 0..<8 {
                do {
                    _ = try composeOnce(size: candidate, autoHeight: autoHeight)
                    return candidate
                } catch HeatGridError.tooSmall(let report) {
                    let wider = max(candidate.width, autoHeight ? max(report.needed.width, report.needed.height / ratio) : report.needed.width)
                    let next = printed(Size(width: wider, height: max(candidate.height, report.needed.height)))
                    // Named the same again: the layout measured short; grow a little past it.
                    candidate = next == candidate ? printed(Size(width: 1.02 * wider, height: 1.02 * candidate.height)) : next
                } catch {
                    return nil
                }
            }
            return nil
        }
        var short = 0.0, enough: Double?
        for step in [1, 1.25, 1.6, 2, 3, 5, 8] {
            guard let fit = fits(step) else { return nil }
            if fit { enough = step; break }
            short = step
        }
        guard var enough else { return followingTheLayout(from: named) }
        for _ in 0..<4 {
            let middle = (short + enough) / 2
            if fits(middle) == true { enough = middle } else { short = middle }
        }
        // The size as printed must hold it too (text can wrap differently a fraction of a mm away).
        for _ in 0..<3 {
            if fitsSize(printed(size(enough))) == true { return printed(size(enough)) }
            enough *= 1.1
        }
        return followingTheLayout(from: size(enough))
    }

    private func composeOnce(size: Size, autoHeight: Bool) throws -> (scene: Scene, layout: FigureLayout) {
        guard !dataset.panels.isEmpty else { throw HeatGridError.layout(message: "the data has no panels to draw") }
        let shared = try sharedAxes()
        let panels = try PanelDrawer(composer: self, sharesX: shared.x, sharesY: shared.y)
        let legend = (showsColorbar && labels.colorbarPlacement != .eachPanel) || !tracks.isEmpty
            || (showsColorbar && mapping.scale.categories != nil)
            || marks.contains { $0.spec.legend != nil }
            ? try LegendStack(composer: self) : nil

        // 1-3. Measure, place, fit; place again while fitted text wants more lines than reserved.
        let base = LayoutRequest(
            figureSize: size, autoHeight: autoHeight, margin: theme.margin,
            spacing: Size(width: theme.panelSpacing, height: theme.rowSpacing),
            panels: [], legend: nil, cellSizing: CellSizing(aspect: cellAspect, minimumBody: theme.minBody,
                                                            minimumCellHeight: try panels.namedRowHeight()),
            spec: layoutSpec, specFile: specFile)
        func attempt(_ reserved: TextLines) throws -> Attempt {
            var request = base
            request.panels = try panels.layoutPanels(reserved)
            request.legend = try legend?.request(titleLines: reserved.colorbarTitle)
            let placed = try layout.place(request)
            guard placed.panels.count == dataset.panels.count else {
                throw HeatGridError.layout(message: "layout '\(layout.type)' placed \(placed.panels.count) of \(dataset.panels.count) panels")
            }
            let texts = try panels.fit(placed, panels: request.panels, reserved: reserved)
            var wanted = texts.wanted
            var colorbarTitle: [String] = []
            if let legend, let area = placed.legendArea {
                (colorbarTitle, wanted.colorbarTitle) = try legend.fitTitle(in: area, reserved: reserved.colorbarTitle)
            }
            return Attempt(reserved: reserved, request: request, placed: placed, texts: texts,
                           colorbarTitle: colorbarTitle, wanted: wanted)
        }
        var result = try attempt(TextLines(panelTitles: Array(repeating: 1, count: dataset.panels.count)))
        for _ in 0..<4 {
            let next = result.reserved.union(result.wanted)
            guard next != result.reserved else { break }
            result = try attempt(next)
        }
        let placed = result.placed

        // 4. Draw.
        var items = try panels.draw(placed, panels: result.request.panels, texts: result.texts)
        if let legend, let area = placed.legendArea {
            items += try legend.draw(in: area, title: result.colorbarTitle)
        }
        let interaction = try InteractionBuilder(composer: self, panels: panels)
            .model(placed: placed, layoutPanels: result.request.panels, legend: legend, xRotated: result.texts.xRotated)
        let scene = Scene(size: placed.size, background: theme.background, items: items, interaction: interaction)

        // 5. Check.
        try SceneCheck.requireFits(scene)
        return (scene, placed)
    }

    /// One round of measuring, placing and fitting.
    private struct Attempt {
        var reserved: TextLines
        var request: LayoutRequest
        var placed: FigureLayout
        var texts: PanelTexts
        var colorbarTitle: [String]
        var wanted: TextLines
    }
}
