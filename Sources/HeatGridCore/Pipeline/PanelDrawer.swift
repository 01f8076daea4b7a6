/// How many lines each wrapped text may take in the side stacks, and how far panel titles are
/// lifted; the composer reserves them, places, and reserves more when fitted text wants more.
struct TextLines: Equatable {
    /// Lines of each panel's title (panels not listed: one), so a row of short titles keeps one.
    var panelTitles: [Int] = []
    var xTitle = 1
    var yTitle = 1
    var colorbarTitle = 1
    /// When cells come out shorter than a tick label, row 0's label pokes above the body: titles
    /// are lifted by that much (in quarter points, so rounds settle).
    var titleLift = 0.0
    /// How far the last x tick label reaches past the right edge of its body (the label is
    /// centred on the last cell), reserved on outer right sides so it stays on the canvas.
    var tickOverhang = 0.0
    /// Whether named x tick labels are set vertically (they do not fit side by side).
    var xRotated = false
    /// The panel titles' size as a fraction of the theme's (they shrink together to fit): their
    /// lines are reserved at this size and never drawn larger (in 1/64 steps, so rounds settle).
    var titleScale = 1.0

    func panelTitle(_ i: Int) -> Int { i < panelTitles.count ? panelTitles[i] : 1 }

    func union(_ other: TextLines) -> TextLines {
        let count = max(panelTitles.count, other.panelTitles.count)
        return TextLines(panelTitles: (0..<count).map { max(panelTitle($0), other.panelTitle($0)) }, xTitle: max(xTitle, other.xTitle),
                  yTitle: max(yTitle, other.yTitle), colorbarTitle: max(colorbarTitle, other.colorbarTitle),
                  titleLift: max(titleLift, other.titleLift), tickOverhang: max(tickOverhang, other.tickOverhang),
                  xRotated: xRotated || other.xRotated,
                  titleScale: min(titleScale, other.titleScale))
    }
}

/// An axis title drawn once for a group of panels (every panel along a shared grid edge), or for
/// one panel; its lines fitted to the group's extent.
struct AxisTitle {
    var lines: [String]
    var panels: [Int]
}

/// The text of every panel, fitted to a placement.
struct PanelTexts {
    var titles: [[String]]
    var titleFont: FontSpec
    var xTitles: [AxisTitle]
    var yTitles: [AxisTitle]
    /// How far titles are lifted off their bodies (reserved in the top stacks).
    var titleLift: Double
    /// Whether named x tick labels are set vertically.
    var xRotated: Bool
    /// What the text would take with room to wrap (at most the composer's maximum lines).
    var wanted: TextLines
}

/// Measures, fits and draws the panels: their bodies (cells, frame, annotations) and side stacks
/// (title; tick labels and axis titles, outer-only when the axis is shared; a colorbar of their own).
struct PanelDrawer {
    let composer: FigureComposer
    let sharesX: Bool
    let sharesY: Bool
    /// Each panel's row and column names as tick labels, cut to `labelCap` (nil for an axis known
    /// by its indices): fitted once, used by every round of measuring, fitting and drawing.
    private let rowNames: [[String]?]
    private let columnNames: [[String]?]
    /// The widest tick label of each panel's own colorbar (empty without them).
    private let colorbarLabelWidths: [Double]

    init(composer: FigureComposer, sharesX: Bool, sharesY: Bool) throws {
        self.composer = composer; self.sharesX = sharesX; self.sharesY = sharesY
        let fitter = TextFitter(measurer: composer.measurer)
        let theme = composer.theme, font = theme.font(size: theme.tickLabelSize)
        func fitted(_ names: [String]?) throws -> [String]? {
            try names?.map { try fitter.ellipsised($0, width: Self.labelCap(theme), font: font) }
        }
        rowNames = try composer.dataset.panels.map { try fitted($0.rowLabels) }
        columnNames = try composer.dataset.panels.map { try fitted($0.columnLabels) }
        let labels = composer.labels
        colorbarLabelWidths = composer.showsColorbar && labels.colorbarPlacement == .eachPanel ? try composer.mappings.map { mapping in
            try ColorbarTicks(mapping: mapping, explicit: labels.colorbarTicks, format: labels.colorbarFormat).labels
                .map { try composer.measurer.measure($0, font: font).width }.max() ?? 0
        } : []
    }

    /// Wrapped titles take at most this many lines before the last is cut.
    static let maximumLines = 2

    private var theme: Theme { composer.theme }
    private var labels: FigureComposer.Labels { composer.labels }
    private var dataset: Dataset { composer.dataset }
    private var measurer: any TextMeasurer { composer.measurer }
    private var titleFont: FontSpec { theme.font(size: theme.titleSize) }
    private var axisTitleFont: FontSpec { theme.font(size: theme.axisTitleSize) }
    private var tickFont: FontSpec { theme.font(size: theme.tickLabelSize) }
    private var hasPanelTitles: Bool { dataset.panels.contains { !$0.title.isEmpty } }
    private var eachColorbar: Bool { composer.showsColorbar && labels.colorbarPlacement == .eachPanel }

    // MARK: Measuring

    /// The panels with their side stacks, for `reserved` lines of wrapped text.
    func layoutPanels(_ reserved: TextLines) throws -> [LayoutPanel] {
        let tickHeight = try lineHeight(tickFont)
        var reservedFont = titleFont
        reservedFont.size *= reserved.titleScale
        let titleLine = try lineHeight(reservedFont)
        let axisLine = try lineHeight(axisTitleFont)
        return try dataset.panels.enumerated().map { i, panel in
            var d = PanelDecorations()
            // A shared clustering tree sits above the top row and left of the left column of bodies.
            if let tree = composer.columnTree {
                d.top.append(SideComponent(role: "column-dendrogram", thickness: tree.depth + theme.tickPad, outerOnly: true))
            }
            if composer.columnBlocks?.labels != nil {
                d.top.append(SideComponent(role: "column-groups", thickness: theme.tickLength + theme.tickPad + tickHeight, outerOnly: sharesX))
            }
            d.top += [hasPanelTitles ? SideComponent(role: "panel-title", thickness: theme.titlePad + reserved.titleLift + Double(reserved.panelTitle(i)) * titleLine)
                                    : SideComponent(role: "tick-overhang", thickness: reserved.titleLift)]
            let yTickWidth = try ticks(cells: panel.matrix.rows, step: yStep(panel))
                .map { try measurer.measure(rowLabel(i, $0), font: tickFont).width }.max() ?? 0
            d.left = [SideComponent(role: "y-ticks", thickness: theme.tickLength + theme.tickPad + yTickWidth, outerOnly: sharesY)]
            if composer.rowBlocks?.labels != nil {
                d.left.append(SideComponent(role: "row-groups", thickness: theme.tickLength + theme.tickPad + tickHeight, outerOnly: sharesY))
            }
            // Named x labels set vertically reach as far down as the longest one.
            var xLabelExtent = tickHeight
            if reserved.xRotated, let names = columnNames[i] {
                xLabelExtent = try names.map { try measurer.measure($0, font: tickFont).width }.max() ?? 0
            }
            d.bottom = [SideComponent(role: "x-ticks", thickness: theme.tickLength + theme.tickPad + xLabelExtent, outerOnly: sharesX)]
            let titlesOuter = labels.axisTitles == .outer
            if !labels.yTitle.isEmpty {
                d.left.append(SideComponent(role: "y-title", thickness: theme.axisTitlePad + Double(reserved.yTitle) * axisLine,
                                            outerOnly: sharesY || titlesOuter))
            }
            if !labels.xTitle.isEmpty {
                d.bottom.append(SideComponent(role: "x-title", thickness: theme.axisTitlePad + Double(reserved.xTitle) * axisLine,
                                              outerOnly: sharesX || titlesOuter))
            }
            if let tree = composer.rowTree {
                d.left.append(SideComponent(role: "row-dendrogram", thickness: theme.axisTitlePad + tree.depth, outerOnly: true))
            }
            if reserved.tickOverhang > 0 {
                d.right.append(SideComponent(role: "x-tick-overhang", thickness: reserved.tickOverhang, outerOnly: true))
            }
            if eachColorbar {
                let labelWidth = colorbarLabelWidths[min(i, colorbarLabelWidths.count - 1)]
                d.right.append(SideComponent(role: "colorbar", thickness: theme.colorbarPad / 2 + theme.colorbarWidth
                                         + theme.tickLength + theme.tickPad + labelWidth))
            }
            // Annotation tracks sit against the body, first track nearest; tick labels move past them.
            for side in Side.allCases {
                let strips = composer.tracks.enumerated().filter { $0.element.side == side }.map { k, track in
                    SideComponent(role: Self.trackRole(k), thickness: TrackDrawer.pad(theme) + track.depth,
                                  outerOnly: track.alongRows ? sharesY : sharesX)
                }
                d[side] = strips + d[side]
            }
            // Marks' own room (a region's label), next to the tracks.
            for mark in composer.marks {
                for (side, component) in try mark.prepared.sideComponents(panel: i) {
                    var own = component
                    own.role = mark.role(component.role)
                    let after = d[side].prefix { $0.role.hasPrefix("track-") }.count
                    d[side].insert(own, at: after)
                }
            }
            return LayoutPanel(rows: panel.matrix.rows, columns: panel.matrix.columns,
                               rowGaps: composer.rowBlocks?.totalGap ?? 0, columnGaps: composer.columnBlocks?.totalGap ?? 0,
                               decorations: d)
        }
    }

    private func lineHeight(_ font: FontSpec) throws -> Double { try measurer.measure("Hg", font: font).height }

    /// The side component of the `k`-th annotation track.
    static func trackRole(_ k: Int) -> String { "track-\(k)" }

    /// The frame of a panel's own colorbar (right of its body, as tall), or nil without one.
    func colorbarFrame(placement: PanelPlacement, decorations: PanelDecorations) -> Rect? {
        decorations.offset(of: "colorbar", on: .right, outer: placement.outer.contains(.right)).map { offset in
            Rect(x: placement.body.maxX + offset + theme.colorbarPad / 2, y: placement.body.minY,
                 width: theme.colorbarWidth, height: placement.body.height)
        }
    }

    /// Where `panel`'s cells lie in `body`, with the split's blocks and gaps.
    func cells(_ panel: Panel, _ body: Rect) -> CellFrames {
        CellFrames(body: body, rows: panel.matrix.rows, columns: panel.matrix.columns,
                  rowBlocks: composer.rowBlocks, columnBlocks: composer.columnBlocks)
    }

    /// How tall a row must be for every row's name to show (a tick label and the gap the
    /// thinning keeps between labels), or 0 when no panel names its rows or a tick step is set.
    func namedRowHeight() throws -> Double {
        guard labels.yTickStep == nil, rowNames.contains(where: { $0 != nil }) else { return 0 }
        return try measurer.measure("0", font: tickFont).height + tickGap + 0.01
    }

    /// The least space between neighbouring tick labels (thinning keeps it).
    private var tickGap: Double { theme.tickLabelSize * 0.4 }

    /// Column names set upright may shrink to this share of the tick labels' size to keep one
    /// name per column: thinning names hides which column is which, a slightly smaller name does not.
    static let smallestUprightNameScale = 0.75

    /// The font of column names set upright in columns `cellWidth` wide: the tick labels' font, or
    /// a smaller one (down to `smallestUprightNameScale`, in 64ths) that gives every name its column.
    private func uprightNameFont(cellWidth: Double) throws -> FontSpec {
        let height = try measurer.measure("0", font: tickFont).height
        guard cellWidth < height + tickGap else { return tickFont }
        // Line height and the gap both scale with the size.
        let scale = (cellWidth / (height + tickGap) * 64).rounded(.down) / 64
        guard scale >= Self.smallestUprightNameScale else { return tickFont }
        var font = tickFont
        font.size *= scale
        return font
    }

    /// The longest a named tick label may be before it is cut with "…" (25 mm for paper's 6 pt).
    private static func labelCap(_ theme: Theme) -> Double { 12 * theme.tickLabelSize }

    /// The tick label of row `row` (column `column`) of panel `panel`: its fitted name, or its index.
    private func rowLabel(_ panel: Int, _ row: Int) -> String { rowNames[panel]?[row] ?? String(row) }
    private func columnLabel(_ panel: Int, _ column: Int) -> String { columnNames[panel]?[column] ?? String(column) }

    /// Ticks every this many cells: the spec's step, every name for named axes, else a nice step.
    private func xStep(_ panel: Panel) -> Int? { labels.xTickStep ?? (panel.columnLabels == nil ? nil : 1) }
    private func yStep(_ panel: Panel) -> Int? { labels.yTickStep ?? (panel.rowLabels == nil ? nil : 1) }

    /// Tick positions (cell indices) along an axis of `cells` cells.
    private func ticks(cells: Int, step: Int?) -> [Int] {
        Array(stride(from: 0, to: cells, by: step ?? NiceTicks.cellStep(cells: cells)))
    }

    /// Tick positions along an axis whose cells are `cellSize` points long, thinned to every 2nd,
    /// 3rd, ... tick of the asked step when neighbouring labels would otherwise touch (a narrow
    /// journal column must not turn "0 6 12 18" into an overlapping smear).
    private func ticks(cells: Int, step: Int?, cellSize: Double, labelExtent: (Int) throws -> Double) rethrows -> [Int] {
        let base = step ?? NiceTicks.cellStep(cells: cells)
        let gap = tickGap
        var multiple = 1
        while base * multiple < cells {
            let positions = Array(stride(from: 0, to: cells, by: base * multiple))
            let fits = try zip(positions, positions.dropFirst()).allSatisfy { a, b in
                Double(b - a) * cellSize >= (try labelExtent(a) + labelExtent(b)) / 2 + gap
            }
            if fits { return positions }
            // The next step that could fit, not every multiple in turn (a 2000-cell axis).
            let needed = (try labelExtent(cells - 1) + gap) / max(cellSize, 1e-9)
            multiple = max(multiple + 1, Int((needed / Double(base)).rounded(.up)))
        }
        return [0]
    }

    // MARK: Fitting

    /// The text fitted into the room `placed` leaves: panel titles shrink together (to 75% of the
    /// theme's size at most), then wrap, then are cut; axis titles wrap and are cut along their
    /// panels' extent.
    func fit(_ placed: FigureLayout, panels: [LayoutPanel], reserved: TextLines) throws -> PanelTexts {
        let fitter = TextFitter(measurer: measurer)
        let bodies = placed.panels.map(\.body)
        var wanted = TextLines()

        // Lift: row 0's tick label must not touch the title.
        let tickHeight = try lineHeight(tickFont)
        let overhang = zip(dataset.panels, bodies).map { panel, body in
            max(0, tickHeight / 2 - cells(panel, body).cellHeight / 2)
        }.max() ?? 0
        wanted.titleLift = (overhang * 4).rounded(.up) / 4
        // The last x tick label of a panel with nothing to its right must stay on the canvas.
        var reach = 0.0
        for (i, (panel, placement)) in zip(dataset.panels, placed.panels).enumerated() {
            let grid = cells(panel, placement.body), cellWidth = grid.cellWidth
            let width = { (column: Int) in try measurer.measure(columnLabel(i, column), font: tickFont).width }
            let xTicks = try ticks(cells: panel.matrix.columns, step: xStep(panel), cellSize: cellWidth, labelExtent: width)
            // Names that do not all fit side by side are set vertically (thinned only if even that crowds).
            if panel.columnLabels != nil, xTicks.count < (panel.matrix.columns + (xStep(panel) ?? 1) - 1) / (xStep(panel) ?? 1) {
                wanted.xRotated = true
            }
            if placement.outer.contains(.right), !reserved.xRotated || panel.columnLabels == nil, let last = xTicks.last {
                reach = max(reach, grid.x(Double(last) + 0.5) + (try width(last)) / 2 - placement.body.maxX)
            }
        }
        wanted.tickOverhang = (max(0, reach) * 4).rounded(.up) / 4

        // Panel titles.
        let rooms = titleRooms(placed, panels: panels)
        // A title far longer than any room is cut anyway: it only pulls the shared size to its
        // minimum, so it need not be measured whole (measuring costs time linear in its length).
        let widths = try zip(dataset.panels, rooms).map { panel, room in
            panel.title.count * Int(theme.titleSize) > 20 * Int(room + 1) ? .infinity
                : try measurer.measure(panel.title, font: titleFont).width
        }
        let scale = zip(widths, rooms).filter { $0.0 > 0 }.map { $1 / $0 }.min().map { min(max($0, 0.75), 1) } ?? 1
        wanted.titleScale = (scale * 64).rounded(.down) / 64
        var font = titleFont
        font.size *= min(wanted.titleScale, reserved.titleScale)
        wanted.panelTitles = Array(repeating: 1, count: dataset.panels.count)
        let titles = try zip(dataset.panels, rooms).enumerated().map { i, item -> [String] in
            let (panel, room) = item
            guard !panel.title.isEmpty else { return [] }
            let lines = try fitter.lines(panel.title, width: room, font: font, maxLines: Self.maximumLines)
            wanted.panelTitles[i] = lines.count
            return lines.count <= reserved.panelTitle(i) ? lines
                : try fitter.lines(panel.title, width: room, font: font, maxLines: reserved.panelTitle(i))
        }

        // Axis titles: once per group of panels along a shared edge, else per panel.
        func axisTitles(_ text: String, role: String, side: Side, shared: Bool, reservedLines: Int,
                        wantedLines: inout Int) throws -> [AxisTitle] {
            guard !text.isEmpty else { return [] }
            let showing = placed.panels.indices.filter {
                panels[$0].decorations.offset(of: role, on: side, outer: placed.panels[$0].outer.contains(side)) != nil
            }
            // One title for a run of neighbouring panels of a grid row (column) whose titles line
            // up; any panel between them that does not (a taller one) ends the run. Else one each.
            var groups: [(anchor: Double, panels: [Int])] = []
            let line = { (i: Int) in side == .left ? placed.panels[i].gridColumn : placed.panels[i].gridRow }
            let along = { (i: Int) in side == .left ? bodies[i].minY : bodies[i].minX }
            if shared {
                let lines = Dictionary(grouping: placed.panels.indices.filter { line($0) != nil }, by: { line($0)! })
                for key in lines.keys.sorted() {
                    var run: (anchor: Double, panels: [Int])?
                    for i in lines[key]!.sorted(by: { along($0) < along($1) }) {
                        let shows = showing.contains(i)
                        let anchor = shows ? anchor(of: role, side: side, panel: i, placed: placed, panels: panels) : .nan
                        if let current = run, shows, abs(current.anchor - anchor) < 0.5 {
                            run!.panels.append(i)
                        } else {
                            if let current = run { groups.append(current) }
                            run = shows ? (anchor, [i]) : nil
                        }
                    }
                    if let current = run { groups.append(current) }
                }
            }
            let grouped = Set(groups.flatMap(\.panels))
            for i in showing where !grouped.contains(i) {
                groups.append((anchor(of: role, side: side, panel: i, placed: placed, panels: panels), [i]))
            }
            return try groups.map { group in
                let span = group.panels.map { bodies[$0] }
                let length = side == .left ? (span.map(\.maxY).max()! - span.map(\.minY).min()!)
                                           : (span.map(\.maxX).max()! - span.map(\.minX).min()!)
                var lines = try fitter.lines(text, width: length, font: axisTitleFont, maxLines: Self.maximumLines)
                wantedLines = max(wantedLines, lines.count)
                if lines.count > reservedLines {
                    lines = try fitter.lines(text, width: length, font: axisTitleFont, maxLines: reservedLines)
                }
                return AxisTitle(lines: lines, panels: group.panels)
            }
        }
        let xTitles = try axisTitles(labels.xTitle, role: "x-title", side: .bottom, shared: sharesX,
                                     reservedLines: reserved.xTitle, wantedLines: &wanted.xTitle)
        let yTitles = try axisTitles(labels.yTitle, role: "y-title", side: .left, shared: sharesY,
                                     reservedLines: reserved.yTitle, wantedLines: &wanted.yTitle)
        return PanelTexts(titles: titles, titleFont: font, xTitles: xTitles, yTitles: yTitles,
                          titleLift: reserved.titleLift, xRotated: reserved.xRotated, wanted: wanted)
    }

    /// Where the component `role` starts on `side` of panel `i`, across the side (a y title's
    /// left edge, an x title's top): panels with the same anchor share one title.
    private func anchor(of role: String, side: Side, panel i: Int, placed: FigureLayout, panels: [LayoutPanel]) -> Double {
        let body = placed.panels[i].body, decorations = panels[i].decorations
        let outer = placed.panels[i].outer.contains(side)
        let offset = decorations.offset(of: role, on: side, outer: outer) ?? 0
        let thickness = decorations[side].first { $0.role == role }?.thickness ?? 0
        switch side {
        case .left: return body.minX - offset - thickness
        case .bottom: return body.maxY + offset
        case .top: return body.minY - offset - thickness
        case .right: return body.maxX + offset
        }
    }

    /// The width each panel's title may take, centred on its body. Another panel beside the title
    /// bounds it: halfway to that panel's body (less half a gap) when both titles sit at the same
    /// height and share the gap, and at that panel's body or side stack (less a gap) when the title
    /// sits beside that body or its y title (centred on the body, it rises above a short one). With no
    /// panel beside it, the title may reach over its own tick labels, never into the legend area,
    /// its own colorbar or off the canvas.
    private func titleRooms(_ placed: FigureLayout, panels: [LayoutPanel]) -> [Double] {
        let gap = theme.titleSize / 2
        let bodies = placed.panels.map(\.body)
        let bands = bodies.indices.map { i in
            (top: bodies[i].minY - panels[i].decorations.thickness(.top, outer: placed.panels[i].outer.contains(.top)),
             bottom: bodies[i].minY)
        }
        func overlaps(_ a: (top: Double, bottom: Double), _ b: (top: Double, bottom: Double)) -> Bool {
            a.top < b.bottom && b.top < a.bottom
        }
        // A y title is centred on its body, and reaches above and below a body shorter than it.
        let yTitleReach = labels.yTitle.isEmpty ? 0 : ((try? measurer.measure(labels.yTitle, font: axisTitleFont).width) ?? 0) / 2
        return bodies.indices.map { i in
            let body = bodies[i], outer = placed.panels[i].outer, d = panels[i].decorations
            let overTicks = d.offset(of: "y-title", on: .left, outer: outer.contains(.left))
                ?? d.thickness(.left, outer: outer.contains(.left))
            var lo = max(theme.margin, body.minX - overTicks), hi = placed.size.width - theme.margin
            if let legend = placed.legendArea, legend.minX > body.maxX, legend.minY < bands[i].bottom + theme.tickLabelSize {
                hi = min(hi, legend.minX - gap / 2)
            }
            if d.right.contains(where: { $0.role == "colorbar" }) {
                hi = min(hi, body.maxX + theme.colorbarPad / 2)  // its own colorbar's top label rises beside the title
            }
            for j in bodies.indices where j != i {
                let other = bodies[j], sameBand = overlaps(bands[i], bands[j])
                let showsYTitle = panels[j].decorations.offset(of: "y-title", on: .left, outer: placed.panels[j].outer.contains(.left)) != nil
                let reach = showsYTitle ? yTitleReach : 0
                // Beside the other's body (or its y title): its side stacks are in the way too.
                let besideBody = overlaps(bands[i], (min(other.minY, other.midY - reach), max(other.maxY, other.midY + reach)))
                guard sameBand || besideBody else { continue }
                let otherRight = panels[j].decorations.thickness(.right, outer: placed.panels[j].outer.contains(.right))
                let otherLeft = panels[j].decorations.thickness(.left, outer: placed.panels[j].outer.contains(.left))
                if other.midX < body.midX {
                    if sameBand { lo = max(lo, (other.maxX + body.minX) / 2 + gap / 2) }
                    if besideBody { lo = max(lo, other.maxX + otherRight + gap) }
                } else {
                    if sameBand { hi = min(hi, (body.maxX + other.minX) / 2 - gap / 2) }
                    if besideBody { hi = min(hi, other.minX - otherLeft - gap) }
                }
            }
            return max(0, 2 * min(body.midX - lo, hi - body.midX))
        }
    }

    // MARK: Drawing

    /// Every panel's items: cells, frame, annotations, ticks, labels, titles and own colorbars.
    func draw(_ placed: FigureLayout, panels: [LayoutPanel], texts: PanelTexts) throws -> [SceneItem] {
        let text = TextPlacer(measurer: measurer, color: theme.textColor)
        let mappings = dataset.panels.indices.map { composer.mappings[min($0, composer.mappings.count - 1)] }
        // Annotations share one number format across panels, set by the largest magnitude.
        let largestMagnitude = labels.annotations == nil ? 0
            : dataset.finiteExtent.map { max(abs($0.lowerBound), abs($0.upperBound)) } ?? 0
        // Cell colours are the heavy part for big matrices: one panel per core.
        var colours = Array(zip(dataset.panels, mappings)).concurrentMap(cells: dataset.cellCount) {
            $1.rgbaBytes(for: $0.matrix.values)
        }
        // Masked cells are not drawn: fully transparent, the background shows.
        for mark in composer.marks where mark.prepared.hidesSelection {
            for (i, selection) in mark.selections.enumerated() {
                for (k, hidden) in selection.flags.enumerated() where hidden {
                    colours[i].replaceSubrange((4 * k)..<(4 * k + 4), with: [0, 0, 0, 0])
                }
            }
        }
        let markText = MarkText(measurer: measurer, theme: theme)
        var items: [SceneItem] = []
        for (i, panel) in dataset.panels.enumerated() {
            let placement = placed.panels[i], body = placement.body, matrix = panel.matrix
            let decorations = panels[i].decorations, grid = cells(panel, body)
            let blocks = grid.blocks
            // A split body is a block of cells per group pair, each framed; else one grid.
            for block in blocks {
                let whole = blocks.count == 1
                let rgba = whole ? colours[i] : CellFrames.slice(colours[i], columns: matrix.columns, stride: 4,
                                                                rows: block.rows, columns: block.columns)
                items.append(.cells(CellGrid(frame: block.rect, rows: block.rows.count, columns: block.columns.count, rgba: rgba)))
                items.append(.rect(RectItem(rect: block.rect, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
                if let annotations = labels.annotations {
                    let part = whole ? matrix : Matrix(rows: block.rows.count, columns: block.columns.count,
                        values: CellFrames.slice(matrix.values, columns: matrix.columns, stride: 1, rows: block.rows, columns: block.columns))
                    items += try CellAnnotator(spec: annotations, theme: theme, measurer: measurer)
                        .annotate(part, mapping: mappings[i], box: block.rect, largest: largestMagnitude)
                }
            }
            items += try tickItems(i, placement: placement, decorations: decorations, xRotated: texts.xRotated, text: text)
            items += dendrograms(panel, placement: placement, decorations: decorations)
            items += try groupLabels(grid, placement: placement, decorations: decorations, text: text)
            for (k, track) in composer.tracks.enumerated() {
                guard let offset = decorations.offset(of: Self.trackRole(k), on: track.side, outer: placement.outer.contains(track.side))
                else { continue }
                let keys = track.alongRows ? panel.rowKeys : panel.columnKeys
                items += TrackDrawer(track: track, theme: theme).items(grid: grid, keys: keys, offset: offset)
            }
            for mark in composer.marks {
                var offsets: [String: Double] = [:]
                for (side, component) in try mark.prepared.sideComponents(panel: i) {
                    offsets[component.role] = decorations.offset(of: mark.role(component.role), on: side,
                                                                 outer: placement.outer.contains(side))
                }
                items += try mark.prepared.draw(MarkRequest(panelIndex: i, panel: panel, cells: grid, selection: mark.selections[i],
                                                            mapping: mappings[i], theme: theme, text: markText, componentOffsets: offsets))
            }
            // Title lines stack upwards from the body: the last sits where a one-line title would.
            let titleOffset = decorations.offset(of: "panel-title", on: .top, outer: placement.outer.contains(.top)) ?? 0
            var bottom = body.minY - titleOffset - theme.titlePad - texts.titleLift
            for line in texts.titles[i].reversed() where !line.isEmpty {
                let height = try measurer.measure(line, font: texts.titleFont).height
                items.append(.text(try text.horizontal(line, font: texts.titleFont, x: body.midX, align: .center,
                                                       top: bottom - height, role: "panel-title")))
                bottom -= height
            }
            if let bar = colorbarFrame(placement: placement, decorations: decorations) {
                let ticks = ColorbarTicks(mapping: mappings[i], explicit: labels.colorbarTicks, format: labels.colorbarFormat)
                items += try ColorbarDrawer(mapping: mappings[i], ticks: ticks, theme: theme, title: [],
                                            text: text).draw(in: bar, vertical: true)
            }
        }
        items += try axisTitleItems(texts.xTitles, side: .bottom, placed: placed, panels: panels, text: text)
        items += try axisTitleItems(texts.yTitles, side: .left, placed: placed, panels: panels, text: text)
        return items
    }

    /// What panel `index` enlarged on its own shows beyond its region: the tick labels a shared
    /// axis leaves to the outer panels, and the axis titles centred on this panel alone (the drawn
    /// ones may span a row of panels, or sit by the outer ones), all placed as they would be were
    /// the panel outer on every side; and the bands of the axis titles drawn beside it, which the
    /// enlarged view covers (they show a piece of a shared title).
    func enlargedLabels(_ index: Int, placed: FigureLayout, panels: [LayoutPanel],
                        xRotated: Bool) throws -> (labels: [TextItem], titleBands: [Rect]) {
        let placement = placed.panels[index], decorations = panels[index].decorations, body = placement.body
        var alone = placed
        alone.panels[index].outer = .all
        let text = TextPlacer(measurer: measurer, color: theme.textColor)
        let hidesX = decorations.offset(of: "x-ticks", on: .bottom, outer: placement.outer.contains(.bottom)) == nil
        let hidesY = decorations.offset(of: "y-ticks", on: .left, outer: placement.outer.contains(.left)) == nil
        var shown = try tickItems(index, placement: alone.panels[index], decorations: decorations, xRotated: xRotated, text: text)
            .compactMap { item -> TextItem? in
                guard case .text(let label) = item, (hidesX && label.role == "x-tick") || (hidesY && label.role == "y-tick") else { return nil }
                return label
            }
        let fitter = TextFitter(measurer: measurer)
        var bands: [Rect] = []
        for (title, side, length) in [(labels.xTitle, Side.bottom, body.width), (labels.yTitle, Side.left, body.height)] where !title.isEmpty {
            let role = side == .left ? "y-title" : "x-title"
            let lines = try fitter.lines(title, width: length, font: axisTitleFont, maxLines: Self.maximumLines)
            for item in try axisTitleItems([AxisTitle(lines: lines, panels: [index])], side: side, placed: alone, panels: panels, text: text) {
                if case .text(let label) = item { shown.append(label) }
            }
            guard decorations.offset(of: role, on: side, outer: placement.outer.contains(side)) != nil,
                  let thickness = decorations[side].first(where: { $0.role == role })?.thickness else { continue }
            let start = anchor(of: role, side: side, panel: index, placed: placed, panels: panels)
            bands.append(side == .left ? Rect(x: start, y: 0, width: thickness, height: placed.size.height)
                                       : Rect(x: 0, y: start, width: placed.size.width, height: thickness))
        }
        return (shown, bands)
    }

    private func tickItems(_ index: Int, placement: PanelPlacement, decorations: PanelDecorations, xRotated: Bool,
                           text: TextPlacer) throws -> [SceneItem] {
        let panel = dataset.panels[index]
        let body = placement.body, matrix = panel.matrix
        // Ticks start past any annotation track on their side (shown where the labels are).
        let xOffset = decorations.offset(of: "x-ticks", on: .bottom, outer: placement.outer.contains(.bottom))
        let yOffset = decorations.offset(of: "y-ticks", on: .left, outer: placement.outer.contains(.left))
        let showsX = xOffset != nil, showsY = yOffset != nil
        let xBase = body.maxY + (xOffset ?? 0), yBase = body.minX - (yOffset ?? 0)
        let grid = cells(panel, body), cellWidth = grid.cellWidth, cellHeight = grid.cellHeight
        let tickHeight = try measurer.measure("0", font: tickFont).height
        let rotated = xRotated && columnNames[index] != nil
        let nameFont = rotated ? try uprightNameFont(cellWidth: cellWidth) : tickFont
        let nameHeight = try measurer.measure("0", font: nameFont).height
        // The gap between upright names scales with their size too.
        let xTicks = try ticks(cells: matrix.columns, step: xStep(panel), cellSize: cellWidth * tickFont.size / nameFont.size) {
            rotated ? tickHeight : try measurer.measure(columnLabel(index, $0), font: tickFont).width
        }
        let yTicks = ticks(cells: matrix.rows, step: yStep(panel), cellSize: cellHeight) { _ in tickHeight }
        var items: [SceneItem] = []
        for column in xTicks {
            let x = grid.x(Double(column) + 0.5)
            items.append(.line(LineItem(from: Point(x: x, y: xBase), to: Point(x: x, y: xBase + theme.tickLength),
                                        color: theme.axisColor, width: theme.tickWidth)))
            if showsX {
                let top = xBase + theme.tickLength + theme.tickPad
                if rotated {
                    // Read bottom to top, ending at the axis (matplotlib's rotation=90).
                    let width = try measurer.measure(columnLabel(index, column), font: nameFont).width
                    items.append(.text(try text.vertical(columnLabel(index, column), font: nameFont, left: x - nameHeight / 2,
                                                         centerY: top + width / 2, role: "x-tick")))
                } else {
                    items.append(.text(try text.horizontal(columnLabel(index, column), font: tickFont, x: x, align: .center,
                                                           top: top, role: "x-tick")))
                }
            }
        }
        for row in yTicks {
            let y = grid.y(Double(row) + 0.5)
            items.append(.line(LineItem(from: Point(x: yBase - theme.tickLength, y: y), to: Point(x: yBase, y: y),
                                        color: theme.axisColor, width: theme.tickWidth)))
            if showsY {
                items.append(.text(try text.horizontal(rowLabel(index, row), font: tickFont, x: yBase - theme.tickLength - theme.tickPad,
                                                       align: .end, centerY: y, role: "y-tick")))
            }
        }
        return items
    }

    /// The shared clustering trees beside an outer panel: rows to the left (root outermost),
    /// columns above (between the body and its title).
    private func dendrograms(_ panel: Panel, placement: PanelPlacement, decorations: PanelDecorations) -> [SceneItem] {
        let body = placement.body, grid = cells(panel, body)
        var items: [SceneItem] = []
        if let (tree, depth) = composer.rowTree,
           let offset = decorations.offset(of: "row-dendrogram", on: .left, outer: placement.outer.contains(.left)) {
            let base = body.minX - offset - theme.axisTitlePad
            items += DendrogramDrawer(tree: tree, color: theme.axisColor, lineWidth: theme.tickWidth)
                .lines { along, height in Point(x: base - height * depth, y: grid.y(along)) }
        }
        if let (tree, depth) = composer.columnTree,
           let offset = decorations.offset(of: "column-dendrogram", on: .top, outer: placement.outer.contains(.top)) {
            let base = body.minY - offset - theme.tickPad
            items += DendrogramDrawer(tree: tree, color: theme.axisColor, lineWidth: theme.tickWidth)
                .lines { along, height in Point(x: grid.x(along), y: base - height * depth) }
        }
        return items
    }

    /// The labels of a split's groups beside their blocks, in the tick labels' font: row groups
    /// read bottom to top left of the tick labels, column groups above the body; each cut with
    /// "…" to its block's length, left out where a block is too short even for that.
    private func groupLabels(_ grid: CellFrames, placement: PanelPlacement, decorations: PanelDecorations,
                             text: TextPlacer) throws -> [SceneItem] {
        let fitter = TextFitter(measurer: measurer), font = tickFont
        let pad = theme.tickLength + theme.tickPad   // as far from the body (or the component before) as tick labels
        /// `label` cut to `length`; nil when not even "…" fits (a block too short for any label).
        func fitted(_ label: String, _ length: Double) throws -> String? {
            let text = try fitter.ellipsised(label, width: length, font: font)
            let width = try measurer.measure(text, font: font).width
            return text.isEmpty || width > length ? nil : text
        }
        var items: [SceneItem] = []
        if let blocks = composer.rowBlocks, let labels = blocks.labels,
           let offset = decorations.offset(of: "row-groups", on: .left, outer: placement.outer.contains(.left)) {
            let line = try lineHeight(font)
            for (label, range) in zip(labels, blocks.ranges) where !label.isEmpty {
                let (start, end) = grid.rowSpan(range)
                guard let fitted = try fitted(label, end - start - theme.tickPad) else { continue }
                items.append(.text(try text.vertical(fitted, font: font, left: placement.body.minX - offset - pad - line,
                                                     centerY: (start + end) / 2, role: "row-group")))
            }
        }
        if let blocks = composer.columnBlocks, let labels = blocks.labels,
           let offset = decorations.offset(of: "column-groups", on: .top, outer: placement.outer.contains(.top)) {
            let line = try lineHeight(font)
            for (label, range) in zip(labels, blocks.ranges) where !label.isEmpty {
                let (start, end) = grid.columnSpan(range)
                guard let fitted = try fitted(label, end - start - theme.tickPad) else { continue }
                items.append(.text(try text.horizontal(fitted, font: font, x: (start + end) / 2, align: .center,
                                                       top: placement.body.minY - offset - pad - line, role: "column-group")))
            }
        }
        return items
    }

    /// Axis titles, each centred along its group's bodies: x titles below, y titles rotated left.
    private func axisTitleItems(_ titles: [AxisTitle], side: Side, placed: FigureLayout, panels: [LayoutPanel],
                                text: TextPlacer) throws -> [SceneItem] {
        var items: [SceneItem] = []
        let lineHeight = try lineHeight(axisTitleFont)
        for title in titles {
            let first = title.panels[0]
            let span = title.panels.map { placed.panels[$0].body }
            let role = side == .left ? "y-title" : "x-title"
            let start = anchor(of: role, side: side, panel: first, placed: placed, panels: panels)
            for (k, line) in title.lines.enumerated() {
                if side == .left {
                    // Rotated text reads bottom to top: the first line is outermost.
                    let centerY = (span.map(\.minY).min()! + span.map(\.maxY).max()!) / 2
                    items.append(.text(try text.vertical(line, font: axisTitleFont, left: start + Double(k) * lineHeight,
                                                         centerY: centerY, role: role)))
                } else {
                    let centerX = (span.map(\.minX).min()! + span.map(\.maxX).max()!) / 2
                    items.append(.text(try text.horizontal(line, font: axisTitleFont, x: centerX, align: .center,
                                                           top: start + theme.axisTitlePad + Double(k) * lineHeight, role: role)))
                }
            }
        }
        return items
    }
}
