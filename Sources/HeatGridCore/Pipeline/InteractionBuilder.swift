/// Builds a figure's `InteractionModel` from what the composer placed and drew: each panel's cells
/// (the blocks of its `CellFrames`) and region (the body with the side stacks shown around it), the
/// colorbars' gradients with the scale sampled along them, the names the axis and colorbar titles
/// show, the value format the colorbar's labels use, the marks' second matrices, and what a panel
/// enlarged on its own shows besides (the tick labels a shared axis hides, its own axis titles).
struct InteractionBuilder {
    let composer: FigureComposer
    let panels: PanelDrawer

    /// Positions along a continuous colorbar at which its scale is sampled (collinear stops are
    /// dropped afterwards, so a linear scale keeps its two ends).
    static let samples = 256

    func model(placed: FigureLayout, layoutPanels: [LayoutPanel], legend: LegendStack?, xRotated: Bool) throws -> InteractionModel {
        let dataset = composer.dataset, labels = composer.labels
        var colorbars: [InteractiveColorbar] = []
        var shared: Int?
        if let legend, let area = placed.legendArea, let frame = legend.colorbarFrame(in: area) {
            colorbars.append(Self.colorbar(in: frame, mapping: composer.mapping, vertical: legend.placement == .right))
            shared = 0
        }
        let interactive = try dataset.panels.enumerated().map { i, panel -> InteractivePanel in
            let enlarged = try panels.enlargedLabels(i, placed: placed, panels: layoutPanels, xRotated: xRotated)
            let placement = placed.panels[i], decorations = layoutPanels[i].decorations
            let mapping = composer.mappings[min(i, composer.mappings.count - 1)]
            var colorbar = shared
            if composer.showsColorbar, let frame = panels.colorbarFrame(placement: placement, decorations: decorations) {
                colorbars.append(Self.colorbar(in: frame, mapping: mapping, vertical: true))
                colorbar = colorbars.count - 1
            }
            let blocks = panels.cells(panel, placement.body).blocks.map {
                CellBlock(rect: $0.rect, row: $0.rows.lowerBound, column: $0.columns.lowerBound,
                          rows: $0.rows.count, columns: $0.columns.count)
            }
            // Tick marks stand out of every side, labelled or not.
            let theme = composer.theme
            func reach(_ side: Side) -> Double {
                max(decorations.thickness(side, outer: placement.outer.contains(side)), theme.tickLength + theme.tickPad)
            }
            let body = placement.body
            let region = Rect(x: body.minX - reach(.left), y: body.minY - reach(.top),
                              width: body.width + reach(.left) + reach(.right), height: body.height + reach(.top) + reach(.bottom))
            return InteractivePanel(title: panel.title, body: body, region: region, blocks: blocks,
                                    rows: panel.matrix.rows, columns: panel.matrix.columns, values: panel.matrix.values,
                                    rowLabels: panel.rowLabels, columnLabels: panel.columnLabels, colorbar: colorbar,
                                    format: Self.valueFormat(labels, mapping: mapping),
                                    markValues: composer.marks.compactMap { $0.prepared.cellValues(panel: i) },
                                    enlargedLabels: enlarged.labels, coveredWhenEnlarged: enlarged.titleBands)
        }
        func named(_ title: String, _ fallback: String) -> String { title.isEmpty ? Renderer.titleCase(fallback) : title }
        return InteractionModel(rowName: named(labels.yTitle, dataset.rowName), columnName: named(labels.xTitle, dataset.columnName),
                                valueName: named(labels.colorbarTitle, dataset.valueName), panels: interactive, colorbars: colorbars,
                                categories: composer.mapping.scale.categories.map { categories in
                                    let rows = placed.legendArea.flatMap { legend?.categoryRows(in: $0) }
                                    return categories.enumerated().map { k, category in
                                        ScaleCategoryName(name: category.name, value: category.value, legendRow: rows?[k])
                                    }
                                })
    }

    /// A colorbar drawn in `frame`: its gradient's rectangle and the values along it.
    static func colorbar(in frame: Rect, mapping: ColorMapping, vertical: Bool) -> InteractiveColorbar {
        let gradient = ColorbarDrawer.gradientFrame(in: frame, mapping: mapping, vertical: vertical)
        let scale = mapping.scale
        var stops: [ColorbarStop], bins: Int?
        if let edges = scale.boundaries, edges.count >= 2 {
            // A binned bar: equal blocks, edge k at k / n.
            bins = edges.count - 1
            stops = edges.enumerated().map { ColorbarStop(position: Double($0) / Double(edges.count - 1), value: $1) }
        } else {
            stops = (0...samples).map { k in
                let t = Double(k) / Double(samples)
                return ColorbarStop(position: t, value: scale.value(at: t))
            }
            stops = withoutCollinear(stops, tolerance: 1e-9 * max(abs(scale.domain.upperBound - scale.domain.lowerBound), .leastNormalMagnitude))
        }
        return InteractiveColorbar(frame: gradient, vertical: vertical, stops: stops, bins: bins,
                                   clampsBelow: mapping.under == .clamp, clampsAbove: mapping.over == .clamp)
    }

    /// `stops` less those lying on the straight line between the stops kept around them (within
    /// `tolerance`), so interpolating the kept ones gives every dropped one back.
    static func withoutCollinear(_ stops: [ColorbarStop], tolerance: Double) -> [ColorbarStop] {
        guard stops.count > 2 else { return stops }
        func straight(_ from: Int, _ to: Int) -> Bool {
            let a = stops[from], b = stops[to]
            return stops[from...to].allSatisfy { stop in
                abs(a.value + (b.value - a.value) * (stop.position - a.position) / (b.position - a.position) - stop.value) <= tolerance
            }
        }
        var kept = [stops[0]], anchor = 0
        for end in 2..<stops.count where !straight(anchor, end) {
            anchor = end - 1
            kept.append(stops[anchor])
        }
        kept.append(stops[stops.count - 1])
        return kept
    }

    /// How values are printed: the colorbar's format; `auto` becomes what its labels show
    /// (powers of ten: scientific; else plain decimals).
    static func valueFormat(_ labels: FigureComposer.Labels, mapping: ColorMapping) -> TickFormat {
        if let format = labels.colorbarFormat, format != .automatic { return format }
        let ticks = ColorbarTicks(mapping: mapping, explicit: labels.colorbarTicks, format: labels.colorbarFormat)
        let powers = Set("⁰¹²³⁴⁵⁶⁷⁸⁹⁻×")
        return ticks.labels.contains { $0.contains(where: powers.contains) } ? .scientific : .plain
    }
}
