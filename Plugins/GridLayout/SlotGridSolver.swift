import Foundation
import HeatGridCore

/// Places panels in their grid slots (see `GridLayout` for the algorithm): one cell width for
/// every grid column and one cell height for every grid row (`CellSizing`), bodies aligned along
/// grid rows and columns, side stacks measured up front, the legend area beside the bodies.
///
/// Even slots: cells of one size make a wide matrix's slot as many times wider than a narrow
/// one's as it has more columns, so a 13x900 panel beside 8x8 ones would need a figure metres
/// wide before the small bodies reach `minBody`. When HeatGrid picks the cells' proportions
/// (`cells.aspect` auto or fill) and cells of one size do not fit, every grid column and row
/// counts as one unit instead: slots of equal size, each body filling its slot with cells of its
/// own size. Figures that fit with cells of one size are unchanged.
struct SlotGridSolver {
    let request: LayoutRequest
    let arrangement: SlotArrangement

    private var rows: Int { arrangement.rows }
    private var columns: Int { arrangement.columns }

    /// The sides on which panel `i` has no neighbour: its outer-only components show there.
    func outerSides(_ i: Int) -> SideSet {
        let slot = arrangement.slots[i]
        var outer: SideSet = []
        if arrangement.panel(at: slot.row - 1, slot.column) == nil { outer.insert(.top) }
        if arrangement.panel(at: slot.row, slot.column - 1) == nil { outer.insert(.left) }
        if arrangement.panel(at: slot.lastRow + 1, slot.column) == nil { outer.insert(.bottom) }
        if arrangement.panel(at: slot.row, slot.lastColumn + 1) == nil { outer.insert(.right) }
        return outer
    }

    /// What the grid needs before any cell is drawn: cells per grid column and row, the side
    /// stacks each grid column and row must hold, and the fixed extent of it all.
    private struct Needs {
        var outer: [SideSet]
        var columnCells: [Int], rowCells: [Int]
        var left: [Double], right: [Double], top: [Double], bottom: [Double]
        /// Gaps inside the bodies of each grid column and row (a split's blocks).
        var columnGaps: [Double], rowGaps: [Double]
        var fixed: Size
        /// Every grid column and row one unit (`columnCells` and `rowCells` all 1): bodies fill their slots.
        var evenSlots = false
        var totalColumnCells: Int { columnCells.reduce(0, +) }
        var totalRowCells: Int { rowCells.reduce(0, +) }
    }

    /// 1. Cells per grid column and row, and the side stacks each grid column and row must hold.
    ///    A spanning panel spreads its cells over the slots it spans.
    private func needs() -> Needs {
        let outer = request.panels.indices.map(outerSides)
        var columnCells = [Int](repeating: 0, count: columns), rowCells = [Int](repeating: 0, count: rows)
        var left = [Double](repeating: 0, count: columns), right = [Double](repeating: 0, count: columns)
        var top = [Double](repeating: 0, count: rows), bottom = [Double](repeating: 0, count: rows)
        var columnGaps = [Double](repeating: 0, count: columns), rowGaps = [Double](repeating: 0, count: rows)
        for (i, panel) in request.panels.enumerated() {
            let slot = arrangement.slots[i], decorations = panel.decorations
            for c in slot.column...slot.lastColumn {
                columnCells[c] = max(columnCells[c], (panel.columns + slot.columnSpan - 1) / slot.columnSpan)
            }
            for r in slot.row...slot.lastRow {
                rowCells[r] = max(rowCells[r], (panel.rows + slot.rowSpan - 1) / slot.rowSpan)
                rowGaps[r] = max(rowGaps[r], panel.rowGaps / Double(slot.rowSpan))
            }
            for c in slot.column...slot.lastColumn {
                columnGaps[c] = max(columnGaps[c], panel.columnGaps / Double(slot.columnSpan))
            }
            left[slot.column] = max(left[slot.column], decorations.thickness(.left, outer: outer[i].contains(.left)))
            right[slot.lastColumn] = max(right[slot.lastColumn], decorations.thickness(.right, outer: outer[i].contains(.right)))
            top[slot.row] = max(top[slot.row], decorations.thickness(.top, outer: outer[i].contains(.top)))
            bottom[slot.lastRow] = max(bottom[slot.lastRow], decorations.thickness(.bottom, outer: outer[i].contains(.bottom)))
        }
        // Empty grid columns or rows (a template's "."): give them the size of a typical one.
        let typicalColumn = columnCells.max() ?? 1, typicalRow = rowCells.max() ?? 1
        columnCells = columnCells.map { $0 == 0 ? typicalColumn : $0 }
        rowCells = rowCells.map { $0 == 0 ? typicalRow : $0 }

        let legend = request.legend
        let legendRight = legend?.placement == .right ? legend!.gap + legend!.thickness : 0
        let legendBottom = legend?.placement == .bottom ? legend!.gap + legend!.thickness : 0
        let margin = request.margin, spacing = request.spacing
        let fixed = Size(
            width: 2 * margin + left.reduce(0, +) + right.reduce(0, +) + columnGaps.reduce(0, +)
                + Double(columns - 1) * spacing.width + legendRight,
            height: 2 * margin + top.reduce(0, +) + bottom.reduce(0, +) + rowGaps.reduce(0, +)
                + Double(rows - 1) * spacing.height + legendBottom)
        return Needs(outer: outer, columnCells: columnCells, rowCells: rowCells, left: left, right: right,
                     top: top, bottom: bottom, columnGaps: columnGaps, rowGaps: rowGaps, fixed: fixed)
    }

    /// Whether even slots may stand in for cells of one size: HeatGrid picks the proportions, the
    /// panels' matrices differ in size (else the two are the same), and no row must hold a name.
    private var allowsEvenSlots: Bool {
        let sizing = request.cellSizing
        return sizing.requiresMinimumBody && sizing.minimumCellHeight == 0
            && Set(request.panels.map { [$0.rows, $0.columns] }).count > 1
    }

    /// `n` with every grid column and row one unit.
    private func evenSlots(_ n: Needs) -> Needs {
        var even = n
        even.columnCells = n.columnCells.map { _ in 1 }
        even.rowCells = n.rowCells.map { _ in 1 }
        even.evenSlots = true
        return even
    }

    /// The needs to report when nothing fits: even slots where allowed and smaller.
    private func reportedNeeds() -> Needs {
        let n = needs()
        guard allowsEvenSlots else { return n }
        let even = evenSlots(n)
        let a = neededSize(n), b = neededSize(even)
        return b.width * b.height < a.width * a.height ? even : n
    }

    private func neededSize(_ n: Needs) -> Size {
        request.neededSize(fixed: n.fixed, columnCells: n.totalColumnCells, rowCells: n.totalRowCells,
                           fewestRows: n.evenSlots ? 1 : nil, fewestColumns: n.evenSlots ? 1 : nil)
    }

    /// The smallest figure this arrangement fits in, bodies at the theme's minimum.
    func neededSize() -> Size { neededSize(reportedNeeds()) }

    /// The error for a figure too small for this arrangement, naming the size that would hold it.
    func tooSmall() -> HeatGridError { tooSmall(reportedNeeds()) }

    private func tooSmall(_ n: Needs) -> HeatGridError {
        request.tooSmall(fixed: n.fixed, columnCells: n.totalColumnCells, rowCells: n.totalRowCells,
                         what: "a \(rows)x\(columns) grid of panels",
                         fewestRows: n.evenSlots ? 1 : nil, fewestColumns: n.evenSlots ? 1 : nil)
    }

    /// The layout with cells of one size, or else with even slots (where allowed).
    func place() throws -> FigureLayout {
        let n = needs()
        do {
            return try place(n)
        } catch HeatGridError.tooSmall where allowsEvenSlots {
            do { return try place(evenSlots(n)) } catch HeatGridError.tooSmall { throw tooSmall() }
        }
    }

    private func place(_ n: Needs) throws -> FigureLayout {
        let (outer, columnCells, rowCells) = (n.outer, n.columnCells, n.rowCells)
        let (left, right, top, bottom, fixed) = (n.left, n.right, n.top, n.bottom, n.fixed)
        let legend = request.legend
        let margin = request.margin, spacing = request.spacing
        let totalColumnCells = n.totalColumnCells, totalRowCells = n.totalRowCells
        let fail = { tooSmall(n) }

        // 2. The cells' size, and the figure's height when it follows from the content.
        let width = request.figureSize.width
        let cell = request.cellSizing.cellSize(
            columnCells: Double(totalColumnCells), rowCells: Double(totalRowCells), width: width - fixed.width,
            height: request.autoHeight ? nil : request.figureSize.height - fixed.height,
            maximumHeight: request.figureSize.height - fixed.height,
            fewestRows: n.evenSlots ? 1 : request.panels.map(\.rows).min() ?? 1,
            fewestColumns: n.evenSlots ? 1 : request.panels.map(\.columns).min() ?? 1)
        guard cell.width >= CellSizing.smallestCell, cell.height >= CellSizing.smallestCell else { throw fail() }
        var height = request.autoHeight ? fixed.height + cell.height * Double(totalRowCells) : request.figureSize.height
        // A right legend must be at least its minimum length tall (a bottom one that long).
        if let legend {
            let needed = 2 * margin + legend.minimumLength + 2 * legend.endOverhang
            if legend.placement == .right {
                if request.autoHeight { height = max(height, needed) } else if height < needed { throw fail() }
            } else if width < needed { throw fail() }
        }

        // 3. Centre the grid and place the bodies. Leftover space first widens the gaps between
        //    panels (up to 1.5x the spacing, so long titles get air), the rest centres the grid.
        let leftoverWidth = width - fixed.width - cell.width * Double(totalColumnCells)
        let leftoverHeight = height - fixed.height - cell.height * Double(totalRowCells)
        let extraColumnGap = columns > 1 ? max(0, min(leftoverWidth / Double(columns + 1), 1.5 * spacing.width)) : 0
        let extraRowGap = rows > 1 ? max(0, min(leftoverHeight / Double(rows + 1), 1.5 * spacing.height)) : 0
        let columnX = starts(from: margin + max(0, leftoverWidth - extraColumnGap * Double(columns - 1)) / 2,
                             before: left, cells: columnCells, inner: n.columnGaps, after: right, cellSize: cell.width,
                             gap: spacing.width + extraColumnGap)
        let rowY = starts(from: margin + max(0, leftoverHeight - extraRowGap * Double(rows - 1)) / 2,
                          before: top, cells: rowCells, inner: n.rowGaps, after: bottom, cellSize: cell.height,
                          gap: spacing.height + extraRowGap)
        let panels = request.panels.enumerated().map { i, panel in
            let slot = arrangement.slots[i]
            // The slots' area, including the gaps between spanned slots.
            let x0 = columnX[slot.column]
            let x1 = columnX[slot.lastColumn] + cell.width * Double(columnCells[slot.lastColumn]) + n.columnGaps[slot.lastColumn]
            let y0 = rowY[slot.row], y1 = rowY[slot.lastRow] + cell.height * Double(rowCells[slot.lastRow]) + n.rowGaps[slot.lastRow]
            // A spanning panel: cells of the same proportions, as big as its area allows.
            let scale = slot.rowSpan == 1 && slot.columnSpan == 1 ? 1
                : min((x1 - x0 - panel.columnGaps) / (cell.width * Double(panel.columns)),
                      (y1 - y0 - panel.rowGaps) / (cell.height * Double(panel.rows)))
            let bodyWidth = n.evenSlots ? x1 - x0 : scale * cell.width * Double(panel.columns) + panel.columnGaps
            let bodyHeight = n.evenSlots ? y1 - y0 : scale * cell.height * Double(panel.rows) + panel.rowGaps
            // A smaller matrix sits centred in its slot, its cells the size of its neighbours'.
            let body = Rect(x: x0 + (x1 - x0 - bodyWidth) / 2, y: y0 + (y1 - y0 - bodyHeight) / 2,
                            width: bodyWidth, height: bodyHeight)
            return PanelPlacement(body: body, outer: outer[i], gridRow: slot.lastRow, gridColumn: slot.column)
        }

        if request.cellSizing.requiresMinimumBody,
           let thinnest = zip(panels, request.panels).map({ min($0.body.width - $1.columnGaps, $0.body.height - $1.rowGaps) }).min(),
           thinnest < request.cellSizing.minimumBody - 1e-6 {
            throw fail()
        }

        // 4. The legend area: beside the bodies, as long as they are (or its minimum, centred on them).
        var legendArea: Rect?
        if let legend {
            let bodies = panels.map(\.body)
            let minX = bodies.map(\.minX).min() ?? 0, maxX = bodies.map(\.maxX).max() ?? 0
            let minY = bodies.map(\.minY).min() ?? 0, maxY = bodies.map(\.maxY).max() ?? 0
            // As long as the bodies (at least its minimum), centred on them, and shortened where
            // its end labels would otherwise leave the canvas.
            func span(_ lo: Double, _ hi: Double, limit: Double) -> (Double, Double) {
                let room = limit - 2 * (margin + legend.endOverhang)
                let length = min(max(hi - lo, legend.minimumLength), room)
                let low = margin + legend.endOverhang, high = limit - margin - legend.endOverhang - length
                return (min(max((lo + hi - length) / 2, low), max(high, low)), length)
            }
            switch legend.placement {
            case .right:
                let x = zip(panels, arrangement.slots).map { $0.body.maxX + right[$1.lastColumn] }.max() ?? maxX
                let (y, length) = span(minY, maxY, limit: height)
                legendArea = Rect(x: x + legend.gap, y: y, width: legend.thickness, height: length)
            case .bottom:
                let y = zip(panels, arrangement.slots).map { $0.body.maxY + bottom[$1.lastRow] }.max() ?? maxY
                let (x, length) = span(minX, maxX, limit: width)
                legendArea = Rect(x: x, y: y + legend.gap, width: length, height: legend.thickness)
            }
        }
        return FigureLayout(size: Size(width: width, height: height), panels: panels, legendArea: legendArea)
    }

    /// Where each grid column's (or row's) bodies start along its axis, from `origin`: each slot
    /// takes its leading stack, its cells and the gaps between their blocks, its trailing stack
    /// and the gap to the next slot.
    private func starts(from origin: Double, before: [Double], cells: [Int], inner: [Double], after: [Double],
                        cellSize: Double, gap: Double) -> [Double] {
        var position = origin
        return cells.indices.map { i in
            position += before[i]
            defer { position += cellSize * Double(cells[i]) + inner[i] + after[i] + gap }
            return position
        }
    }
}
