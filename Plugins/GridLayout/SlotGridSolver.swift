import Foundation
import HeatGridCore

/// Places panels in their grid slots: square cells of one size for the whole figure, plot boxes
/// aligned along grid rows and columns, decorations measured up front (see `GridLayout`).
struct SlotGridSolver {
    let request: LayoutRequest
    let arrangement: SlotArrangement

    private var rows: Int { arrangement.rows }
    private var columns: Int { arrangement.columns }

    /// Whether panel `i` shows its y title: always, or for "outer" only with no panel to its left.
    private func showsY(_ i: Int) -> Bool {
        let slot = arrangement.slots[i]
        return request.axisTitles == .all || slot.column == 0 || arrangement.panel(at: slot.row, slot.column - 1) == nil
    }

    private func showsX(_ i: Int) -> Bool {
        let slot = arrangement.slots[i]
        return request.axisTitles == .all || arrangement.panel(at: slot.lastRow + 1, slot.column) == nil
    }

    func place() throws -> FigureLayout {
        let p = request.panel
        let bar = request.colorbar
        let eachBar = bar?.placement == .eachPanel ? bar!.total : 0

        // 1. Cells per grid column and row, and fixed protrusions. A spanning panel spreads its
        //    cells over the slots it spans.
        var columnCells = [Int](repeating: 0, count: columns), rowCells = [Int](repeating: 0, count: rows)
        var left = [Double](repeating: 0, count: columns), right = [Double](repeating: 0, count: columns)
        var top = [Double](repeating: 0, count: rows), bottom = [Double](repeating: 0, count: rows)
        for (i, shape) in request.panelShapes.enumerated() {
            let slot = arrangement.slots[i]
            for c in slot.column...slot.lastColumn {
                columnCells[c] = max(columnCells[c], (shape.columns + slot.columnSpan - 1) / slot.columnSpan)
            }
            for r in slot.row...slot.lastRow {
                rowCells[r] = max(rowCells[r], (shape.rows + slot.rowSpan - 1) / slot.rowSpan)
            }
            left[slot.column] = max(left[slot.column], p.leftTicks + (showsY(i) ? p.leftTitle : 0))
            right[slot.lastColumn] = max(right[slot.lastColumn], eachBar)
            top[slot.row] = max(top[slot.row], p.top)
            bottom[slot.lastRow] = max(bottom[slot.lastRow], p.bottomTicks + (showsX(i) ? p.bottomTitle : 0))
        }
        // Empty grid columns or rows (a template's "."): give them the size of a typical one.
        let typicalColumn = columnCells.max() ?? 1, typicalRow = rowCells.max() ?? 1
        columnCells = columnCells.map { $0 == 0 ? typicalColumn : $0 }
        rowCells = rowCells.map { $0 == 0 ? typicalRow : $0 }

        let sharedRight = bar?.placement == .right ? bar!.total : 0
        let sharedBottom = bar?.placement == .bottom ? bar!.total : 0
        let fixedWidth = 2 * request.margin + left.reduce(0, +) + right.reduce(0, +)
            + Double(columns - 1) * request.spacing.width + sharedRight
        let fixedHeight = 2 * request.margin + top.reduce(0, +) + bottom.reduce(0, +)
            + Double(rows - 1) * request.spacing.height + sharedBottom

        // 2. The largest square cell that fits.
        let size = request.figureSize
        let totalColumnCells = Double(columnCells.reduce(0, +)), totalRowCells = Double(rowCells.reduce(0, +))
        let cellSize = min((size.width - fixedWidth) / totalColumnCells, (size.height - fixedHeight) / totalRowCells)
        guard cellSize >= 0.05 else {
            throw HeatGridError.layout(message: String(format:
                "a %.0fx%.0f pt figure is too small for a %dx%d grid: its labels, spacing and colorbar alone need %.0fx%.0f pt; make the figure larger or the theme's text smaller",
                size.width, size.height, rows, columns, fixedWidth, fixedHeight))
        }

        // 3. Centre the grid and place the boxes.
        let leftoverWidth = size.width - fixedWidth - cellSize * totalColumnCells
        let leftoverHeight = size.height - fixedHeight - cellSize * totalRowCells
        let extraColumnGap = columns > 1 ? min(leftoverWidth / Double(columns + 1), 1.5 * request.spacing.width) : 0
        let extraRowGap = rows > 1 ? min(leftoverHeight / Double(rows + 1), 1.5 * request.spacing.height) : 0
        let columnX = starts(from: request.margin + (leftoverWidth - extraColumnGap * Double(columns - 1)) / 2,
                             before: left, cells: columnCells, after: right, cellSize: cellSize,
                             gap: request.spacing.width + extraColumnGap)
        let rowY = starts(from: request.margin + (leftoverHeight - extraRowGap * Double(rows - 1)) / 2,
                          before: top, cells: rowCells, after: bottom, cellSize: cellSize,
                          gap: request.spacing.height + extraRowGap)
        let panels = request.panelShapes.enumerated().map { i, shape in
            let slot = arrangement.slots[i]
            // The slots' area, including the gaps between spanned slots.
            let x0 = columnX[slot.column], x1 = columnX[slot.lastColumn] + cellSize * Double(columnCells[slot.lastColumn])
            let y0 = rowY[slot.row], y1 = rowY[slot.lastRow] + cellSize * Double(rowCells[slot.lastRow])
            // Square cells: as big as the area allows for a spanning panel, the shared size otherwise.
            let cell = slot.rowSpan == 1 && slot.columnSpan == 1 ? cellSize
                : min((x1 - x0) / Double(shape.columns), (y1 - y0) / Double(shape.rows))
            let width = cell * Double(shape.columns), height = cell * Double(shape.rows)
            // A smaller matrix sits centred in its slot, cells the same size as its neighbours'.
            let box = Rect(x: x0 + (x1 - x0 - width) / 2, y: y0 + (y1 - y0 - height) / 2, width: width, height: height)
            return PanelPlacement(plotBox: box, showsXTitle: showsX(i), showsYTitle: showsY(i))
        }

        let boxes = panels.map(\.plotBox)
        var colorbar: Rect?
        var panelColorbars: [Rect] = []
        if let bar {
            let minX = boxes.map(\.minX).min() ?? 0, maxX = boxes.map(\.maxX).max() ?? 0
            let minY = boxes.map(\.minY).min() ?? 0, maxY = boxes.map(\.maxY).max() ?? 0
            switch bar.placement {
            case .right:
                colorbar = Rect(x: maxX + bar.gap, y: minY, width: bar.barWidth, height: maxY - minY)
            case .bottom:
                let below = zip(panels, arrangement.slots).map { $0.plotBox.maxY + bottom[$1.lastRow] }.max() ?? maxY
                colorbar = Rect(x: minX, y: below + bar.gap, width: maxX - minX, height: bar.barWidth)
            case .eachPanel:
                panelColorbars = boxes.map { Rect(x: $0.maxX + bar.gap, y: $0.minY, width: bar.barWidth, height: $0.height) }
            }
        }
        return FigureLayout(panels: panels, colorbar: colorbar, panelColorbars: panelColorbars)
    }

    /// Where each grid column's (or row's) plot area starts along its axis, from `origin`: each
    /// slot takes its leading protrusion, its cells, its trailing protrusion and the gap.
    private func starts(from origin: Double, before: [Double], cells: [Int], after: [Double],
                        cellSize: Double, gap: Double) -> [Double] {
        var position = origin
        return cells.indices.map { i in
            position += before[i]
            defer { position += cellSize * Double(cells[i]) + after[i] + gap }
            return position
        }
    }
}
