import HeatGridCore

/// Panels in a grid of `rows x columns` (2x4 by default for 8 panels), filled row by row, with one
/// shared colorbar on the right spanning all rows and exactly as tall as the plot boxes.
///
/// The algorithm (in the spirit of matplotlib's constrained layout, without iteration because
/// every protrusion is known up front):
/// 1. Each grid column needs its panels' left protrusion (tick labels, plus the y title where
///    shown); each grid row needs its top (title) and bottom (ticks, plus the x title where shown).
/// 2. Cells are square, so one cell size `s` sets every plot box. `s` is the largest size for
///    which the boxes, the fixed protrusions, the spacing and the colorbar fit inside the margins.
/// 3. Leftover space first widens the gaps between panels (up to 1.5x the theme's spacing, so
///    long titles get air), the rest centres the grid. Boxes in a grid row share top and bottom
///    edges, boxes in a grid column share left and right edges.
public struct GridLayout: Layout {
    public let type = "grid"

    public init() {}

    /// Rows and columns for `count` panels from the spec (default: up to 4 columns).
    public static func shape(for count: Int, spec: LayoutSpec, specFile: String = "spec") throws -> (rows: Int, columns: Int) {
        for (key, value) in [("layout.rows", spec.rows), ("layout.columns", spec.columns)] {
            if let value, value < 1 {
                throw HeatGridError.spec(file: specFile, key: key, message: "expected a positive whole number, found \(value)")
            }
        }
        let columns = spec.columns ?? spec.rows.map { (count + $0 - 1) / $0 } ?? min(4, count)
        let rows = spec.rows ?? (count + columns - 1) / columns
        guard rows * columns >= count else {
            throw HeatGridError.spec(file: specFile, key: "layout",
                message: "a \(rows)x\(columns) grid holds \(rows * columns) panels but the data has \(count); raise layout.rows or layout.columns")
        }
        return (rows, columns)
    }

    public func place(_ request: LayoutRequest) throws -> FigureLayout {
        let count = request.panelShapes.count
        let (gridRows, gridColumns) = try Self.shape(for: count, spec: request.spec, specFile: request.specFile)
        let slot = { (i: Int) in (row: i / gridColumns, column: i % gridColumns) }
        let hasPanel = { (row: Int, column: Int) in row >= 0 && column >= 0 && column < gridColumns
            && row * gridColumns + column < count }
        let p = request.panel
        let outer = request.axisTitles == .outer
        let showsY = { (row: Int, column: Int) in !outer || !hasPanel(row, column - 1) }
        let showsX = { (row: Int, column: Int) in !outer || !hasPanel(row + 1, column) }

        // 1. Cells per grid column and row (the biggest matrix there), and fixed protrusions.
        var columnCells = [Int](repeating: 0, count: gridColumns), rowCells = [Int](repeating: 0, count: gridRows)
        var left = [Double](repeating: 0, count: gridColumns), bottom = [Double](repeating: 0, count: gridRows)
        var top = [Double](repeating: 0, count: gridRows)
        for (i, shape) in request.panelShapes.enumerated() {
            let (r, c) = slot(i)
            columnCells[c] = max(columnCells[c], shape.columns)
            rowCells[r] = max(rowCells[r], shape.rows)
            left[c] = max(left[c], p.leftTicks + (showsY(r, c) ? p.leftTitle : 0))
            top[r] = max(top[r], p.top)
            bottom[r] = max(bottom[r], p.bottomTicks + (showsX(r, c) ? p.bottomTitle : 0))
        }
        let colorbarWidth = request.colorbar.map { $0.gap + $0.barWidth + $0.outside } ?? 0
        let fixedWidth = 2 * request.margin + left.reduce(0, +) + Double(gridColumns - 1) * request.spacing.width
            + colorbarWidth
        let fixedHeight = 2 * request.margin + top.reduce(0, +) + bottom.reduce(0, +)
            + Double(gridRows - 1) * request.spacing.height

        // 2. The largest square cell that fits.
        let size = request.figureSize
        let cellSize = min((size.width - fixedWidth) / Double(columnCells.reduce(0, +)),
                           (size.height - fixedHeight) / Double(rowCells.reduce(0, +)))
        guard cellSize >= 0.05 else {
            throw HeatGridError.layout(message: String(format:
                "a %.0fx%.0f pt figure is too small for a %dx%d grid: its labels, spacing and colorbar alone need %.0fx%.0f pt; make the figure larger or the theme's text smaller",
                size.width, size.height, gridRows, gridColumns, fixedWidth, fixedHeight))
        }

        // 3. Centre the grid and place the boxes.
        let leftoverWidth = size.width - fixedWidth - cellSize * Double(columnCells.reduce(0, +))
        let leftoverHeight = size.height - fixedHeight - cellSize * Double(rowCells.reduce(0, +))
        let extraColumnGap = min(leftoverWidth / Double(gridColumns + 1), 1.5 * request.spacing.width)
        let extraRowGap = min(leftoverHeight / Double(gridRows + 1), 1.5 * request.spacing.height)
        var columnX: [Double] = []
        var x = request.margin + (leftoverWidth - extraColumnGap * Double(gridColumns - 1)) / 2
        for c in 0..<gridColumns {
            x += left[c]
            columnX.append(x)
            x += cellSize * Double(columnCells[c]) + request.spacing.width + extraColumnGap
        }
        var rowY: [Double] = []
        var y = request.margin + (leftoverHeight - extraRowGap * Double(gridRows - 1)) / 2
        for r in 0..<gridRows {
            y += top[r]
            rowY.append(y)
            y += cellSize * Double(rowCells[r]) + bottom[r] + request.spacing.height + extraRowGap
        }
        let panels = request.panelShapes.enumerated().map { i, shape in
            let (r, c) = slot(i)
            let width = cellSize * Double(shape.columns), height = cellSize * Double(shape.rows)
            // A smaller matrix sits centred in its grid slot, cells the same size as its neighbours'.
            let box = Rect(x: columnX[c] + (cellSize * Double(columnCells[c]) - width) / 2,
                           y: rowY[r] + (cellSize * Double(rowCells[r]) - height) / 2, width: width, height: height)
            return PanelPlacement(plotBox: box, showsXTitle: showsX(r, c), showsYTitle: showsY(r, c))
        }
        let colorbar = request.colorbar.map { bar in
            let top = rowY[0], bottom = rowY[gridRows - 1] + cellSize * Double(rowCells[gridRows - 1])
            let lastColumnRight = columnX[gridColumns - 1] + cellSize * Double(columnCells[gridColumns - 1])
            return Rect(x: lastColumnRight + bar.gap, y: top, width: bar.barWidth, height: bottom - top)
        }
        return FigureLayout(panels: panels, colorbar: colorbar)
    }
}
