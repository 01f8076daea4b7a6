import HeatGridCore

/// A minimal layout, so the core's composition is tested without the GridLayout plugin: panels
/// row by row in `layout.columns` columns (up to 4 by default), every grid slot as big as the
/// biggest matrix with the thickest side stacks of any panel, the cells sized by the core's
/// `CellSizing`, the legend area right of the bodies or below them.
///
/// Simpler than the plugin on purpose (it does not align unequal matrices or spread spare room),
/// but a layout's duties are kept: it reports the sides on which each panel is outer and its grid
/// place, and throws the core's size error when the cells do not fit.
struct UniformGridLayout: Layout {
    let type = "uniform-grid"

    func place(_ request: LayoutRequest) throws -> FigureLayout {
        let panels = request.panels, count = panels.count
        let columns = min(request.spec.columns ?? 4, count), rows = (count + columns - 1) / columns
        // Every slot reserves what the largest panel needs on each side, outer-only parts included:
        // wasteful, but nothing can overlap.
        func most(_ need: (LayoutPanel) -> Double) -> Double { panels.map(need).max() ?? 0 }
        let left = most { $0.decorations.thickness(.left, outer: true) }, right = most { $0.decorations.thickness(.right, outer: true) }
        let top = most { $0.decorations.thickness(.top, outer: true) }, bottom = most { $0.decorations.thickness(.bottom, outer: true) }
        let cellsAcross = Int(most { Double($0.columns) }), cellsDown = Int(most { Double($0.rows) })
        let gapsAcross = most(\.columnGaps), gapsDown = most(\.rowGaps)

        let legend = request.legend, legendRoom = legend.map { $0.gap + $0.thickness } ?? 0
        let margin = request.margin, spacing = request.spacing
        let fixed = Size(
            width: 2 * margin + Double(columns) * (left + gapsAcross + right) + Double(columns - 1) * spacing.width
                + (legend?.placement == .right ? legendRoom : 0),
            height: 2 * margin + Double(rows) * (top + gapsDown + bottom) + Double(rows - 1) * spacing.height
                + (legend?.placement == .bottom ? legendRoom : 0))
        let columnCells = columns * cellsAcross, rowCells = rows * cellsDown
        let tooSmall = request.tooSmall(fixed: fixed, columnCells: columnCells, rowCells: rowCells,
                                        what: "a \(rows)x\(columns) grid of panels")
        let cell = request.cellSizing.cellSize(
            columnCells: Double(columnCells), rowCells: Double(rowCells), width: request.figureSize.width - fixed.width,
            height: request.autoHeight ? nil : request.figureSize.height - fixed.height,
            maximumHeight: request.figureSize.height - fixed.height,
            fewestRows: panels.map(\.rows).min() ?? 1, fewestColumns: panels.map(\.columns).min() ?? 1)
        guard cell.width >= CellSizing.smallestCell, cell.height >= CellSizing.smallestCell else { throw tooSmall }
        let size = Size(width: request.figureSize.width,
                        height: request.autoHeight ? fixed.height + cell.height * Double(rowCells) : request.figureSize.height)

        let slot = Size(width: left + cell.width * Double(cellsAcross) + gapsAcross + right + spacing.width,
                        height: top + cell.height * Double(cellsDown) + gapsDown + bottom + spacing.height)
        let placements = panels.enumerated().map { i, panel in
            let (row, column) = (i / columns, i % columns)
            var outer: SideSet = []
            if row == 0 { outer.insert(.top) }
            if column == 0 { outer.insert(.left) }
            if i + columns >= count { outer.insert(.bottom) }
            if column == columns - 1 || i == count - 1 { outer.insert(.right) }
            let body = Rect(x: margin + Double(column) * slot.width + left, y: margin + Double(row) * slot.height + top,
                            width: cell.width * Double(panel.columns) + panel.columnGaps,
                            height: cell.height * Double(panel.rows) + panel.rowGaps)
            return PanelPlacement(body: body, outer: outer, gridRow: row, gridColumn: column)
        }
        guard let legend else { return FigureLayout(size: size, panels: placements, legendArea: nil) }

        // The legend area runs along the bodies, at least its minimum length, and must stay on the canvas.
        let bodies = placements.map(\.body)
        let along = legend.placement == .right
            ? (bodies.map(\.minY).min()!, bodies.map(\.maxY).max()!, size.height)
            : (bodies.map(\.minX).min()!, bodies.map(\.maxX).max()!, size.width)
        let length = max(along.1 - along.0, legend.minimumLength)
        let start = (along.0 + along.1 - length) / 2
        guard start >= margin + legend.endOverhang, start + length <= along.2 - margin - legend.endOverhang else { throw tooSmall }
        let area = legend.placement == .right
            ? Rect(x: margin + Double(columns) * slot.width - spacing.width + legend.gap, y: start,
                   width: legend.thickness, height: length)
            : Rect(x: start, y: margin + Double(rows) * slot.height - spacing.height + legend.gap,
                   width: length, height: legend.thickness)
        return FigureLayout(size: size, panels: placements, legendArea: area)
    }
}
