import HeatGridCore

/// `"layout": {"type": "feature"}`: the first panel big on the left, as tall as the whole figure
/// allows, and the other panels as small multiples in a grid on its right; one shared colorbar on
/// the far right, exactly as tall as the big panel. `layout.rows` / `layout.columns` set the small
/// multiples' grid; by default the shape with the largest cells (at least two rows) is chosen.
///
/// Every cell is square. The small multiples' grid spans the big panel's height: the top of its
/// first row of plot boxes is level with the big panel's top, the bottom of its last row with the
/// big panel's bottom. That ties the big panel's cell size `B` to the small one `s`:
///
///     featureRows * B = smallCells * s + gaps      (gaps: the decorations between grid rows)
///
/// so one number, `s`, sets every box; it is the largest for which everything fits the figure.
public struct FeatureLayout: Layout {
    public let type = "feature"
    public let summary = "the first panel big on the left, the others as small multiples in a grid on its right"
    public let options = [
        PluginOption("rows", .integer, default: "the best fit, at least 2", doc: "rows of the small multiples' grid"),
        PluginOption("columns", .integer, default: "the best fit", doc: "columns of the small multiples' grid"),
        PluginOption("gap", .length, default: "2 x the theme's panelSpacing",
                     doc: "space between the big panel's decorations and the small multiples' (\"6mm\", 12)"),
    ]

    public init() {}

    public func place(_ request: LayoutRequest) throws -> FigureLayout {
        guard let feature = request.panels.first.map({ (rows: $0.rows, columns: $0.columns) }) else {
            return FigureLayout(size: request.figureSize, panels: [], legendArea: nil)
        }
        if request.legend?.placement == .bottom || request.panels.contains(where: { $0.decorations.right.contains { $0.role == "colorbar" } }) {
            throw HeatGridError.spec(file: request.specFile, key: "colorbar.position",
                message: "the feature layout draws one shared colorbar on the right")
        }
        let small = request.panels.dropFirst().map { (rows: $0.rows, columns: $0.columns) }
        // The layout's own option, read and type-checked by the core ("layout.gap: expected a length ...").
        let gap = try request.option("gap", as: Length.self)?.points ?? 2 * request.spacing.width
        let shapes = try gridShapes(for: small.count, request: request)
        let plans = shapes.compactMap { plan(feature: feature, small: small, rows: $0.rows, columns: $0.columns, gap: gap, request: request) }
        guard let best = plans.max(by: { $0.inkedArea < $1.inkedArea }) else {
            let size = request.figureSize
            throw HeatGridError.layout(message: String(format:
                "a %.0fx%.0f pt figure is too small for the feature layout of %d panels: its labels, spacing and colorbar leave no room for the cells; make the figure larger or the theme's text smaller",
                size.width, size.height, request.panels.count))
        }
        return best.layout
    }

    /// The small multiples' grid shapes to try: the spec's, or every row count from 2 up.
    private func gridShapes(for count: Int, request: LayoutRequest) throws -> [(rows: Int, columns: Int)] {
        let spec = request.spec
        for (key, value) in [("layout.rows", spec.rows), ("layout.columns", spec.columns)] {
            if let value, value < 1 {
                throw HeatGridError.spec(file: request.specFile, key: key, message: "expected a positive whole number, found \(value)")
            }
        }
        guard count > 0 else { return [(0, 0)] }
        if spec.rows != nil || spec.columns != nil {
            let columns = spec.columns ?? spec.rows.map { (count + $0 - 1) / $0 }!
            let rows = spec.rows ?? (count + columns - 1) / columns
            guard rows * columns >= count else {
                throw HeatGridError.spec(file: request.specFile, key: "layout",
                    message: "a \(rows)x\(columns) grid of small multiples holds \(rows * columns) panels but \(count) follow the big one; raise layout.rows or layout.columns")
            }
            return [(rows, columns)]
        }
        // No empty rows or columns: each row count gives the fewest columns that hold the panels.
        return (min(2, count)...count).map { rows in
            let columns = (count + rows - 1) / rows
            return ((count + columns - 1) / columns, columns)
        }
    }

    private struct Plan {
        var layout: FigureLayout
        var inkedArea: Double
    }

    /// The placement for a small-multiples grid of `rows x columns`, or nil when it does not fit.
    private func plan(feature: (rows: Int, columns: Int), small: [(rows: Int, columns: Int)],
                      rows gridRows: Int, columns gridColumns: Int, gap: Double, request: LayoutRequest) -> Plan? {
        let spacing = request.spacing, margin = request.margin, size = request.figureSize
        let slot = { (i: Int) in (row: i / gridColumns, column: i % gridColumns) }
        let hasSmall = { (row: Int, column: Int) in
            row >= 0 && column >= 0 && column < gridColumns && row * gridColumns + column < small.count
        }
        // The big panel is outer on every side. The small multiples are outer below where no panel
        // sits below them; their left side faces the big panel or a neighbour, so it is never outer.
        let outerSides = { (row: Int, column: Int) -> SideSet in
            var sides: SideSet = [.right]
            if row == 0 { sides.insert(.top) }
            if !hasSmall(row + 1, column) { sides.insert(.bottom) }
            return sides
        }
        // One title band for every row (the tallest), so bodies of a row stay level.
        let d = request.panels[0].decorations
        let top = request.panels.map { $0.decorations.thickness(.top, outer: true) }.max() ?? 0

        // Cells and fixed protrusions per grid column and row of small multiples.
        var columnCells = [Int](repeating: 0, count: gridColumns), rowCells = [Int](repeating: 0, count: gridRows)
        var left = [Double](repeating: 0, count: gridColumns), bottom = [Double](repeating: 0, count: gridRows)
        for (i, shape) in small.enumerated() {
            let (r, c) = slot(i)
            columnCells[c] = max(columnCells[c], shape.columns)
            rowCells[r] = max(rowCells[r], shape.rows)
            let outer = outerSides(r, c), decorations = request.panels[i + 1].decorations
            left[c] = max(left[c], decorations.thickness(.left, outer: outer.contains(.left)))
            bottom[r] = max(bottom[r], decorations.thickness(.bottom, outer: outer.contains(.bottom)))
        }
        let featureLeft = d.thickness(.left, outer: true), featureBottom = d.thickness(.bottom, outer: true)
        // Fixed heights between the small rows' boxes; the grid's box span is cells * s + gaps.
        let gaps = gridRows < 2 ? 0 : (0..<(gridRows - 1)).map { bottom[$0] + spacing.height + top }.reduce(0, +)
        let smallRowCells = Double(rowCells.reduce(0, +)), smallColumnCells = Double(columnCells.reduce(0, +))
        // The gap between the big panel and the small multiples: a wider one sets them apart.
        let featureGap = small.isEmpty ? 0 : gap
        let colorbarWidth = request.legend.map { $0.gap + $0.thickness } ?? 0
        let availableHeight = size.height - 2 * margin - top - max(featureBottom, bottom.last ?? 0)
        let fixedWidth = 2 * margin + featureLeft + featureGap + left.reduce(0, +)
            + Double(max(gridColumns - 1, 0)) * spacing.width + colorbarWidth
        let aspect = Double(feature.columns) / Double(feature.rows)

        // The big panel's box height as a function of s, and the largest s that fits.
        let featureHeight: (Double) -> Double
        let s: Double
        if small.isEmpty {
            let b = min(availableHeight / Double(feature.rows), (size.width - fixedWidth) / Double(feature.columns))
            featureHeight = { _ in b * Double(feature.rows) }
            s = b
        } else {
            featureHeight = { smallRowCells * $0 + gaps }
            s = min((availableHeight - gaps) / smallRowCells,
                    (size.width - fixedWidth - aspect * gaps) / (aspect * smallRowCells + smallColumnCells))
        }
        guard s >= 0.05, featureHeight(s) > 0 else { return nil }
        let height = featureHeight(s), width = aspect * height

        // Centre everything in the leftover space and place the boxes.
        let usedWidth = fixedWidth + width + smallColumnCells * (small.isEmpty ? 0 : s)
        let x0 = margin + max(0, size.width - usedWidth) / 2
        let y0 = margin + top + max(0, availableHeight - height) / 2
        let featureBox = Rect(x: x0 + featureLeft, y: y0, width: width, height: height)
        var columnX: [Double] = [], x = featureBox.maxX + featureGap
        for c in 0..<gridColumns {
            x += left[c]
            columnX.append(x)
            x += s * Double(columnCells[c]) + spacing.width
        }
        var rowY: [Double] = [], y = y0
        for r in 0..<gridRows {
            rowY.append(y)
            y += s * Double(rowCells[r]) + bottom[r] + spacing.height + top
        }
        var panels = [PanelPlacement(body: featureBox, outer: .all)]
        for (i, shape) in small.enumerated() {
            let (r, c) = slot(i)
            let w = s * Double(shape.columns), h = s * Double(shape.rows)
            // A smaller matrix sits centred in its slot, its cells as big as its neighbours'.
            let box = Rect(x: columnX[c] + (s * Double(columnCells[c]) - w) / 2,
                           y: rowY[r] + (s * Double(rowCells[r]) - h) / 2, width: w, height: h)
            panels.append(PanelPlacement(body: box, outer: outerSides(r, c)))
        }
        let right = small.isEmpty ? featureBox.maxX : columnX[gridColumns - 1] + s * Double(columnCells[gridColumns - 1])
        let legendArea = request.legend.map { Rect(x: right + $0.gap, y: featureBox.minY, width: $0.thickness, height: height) }
        let inked = panels.map { $0.body.width * $0.body.height }.reduce(0, +)
        return Plan(layout: FigureLayout(size: size, panels: panels, legendArea: legendArea), inkedArea: inked)
    }
}
