/// Where a placed body's cells lie: its row and column blocks (one each when the axis is not
/// split) with the gaps between them, and the one cell size that fills the rest. Cells, frames,
/// annotations, ticks, trees, group labels, tracks and marks all ask it, so they stay in register.
public struct CellFrames: Sendable {
    public let body: Rect
    public let rowBlocks: AxisBlocks
    public let columnBlocks: AxisBlocks
    public let rows: Int
    public let columns: Int

    /// `body` holding a `rows` x `columns` matrix split by `rowBlocks` / `columnBlocks` (nil: whole).
    public init(body: Rect, rows: Int, columns: Int, rowBlocks: AxisBlocks?, columnBlocks: AxisBlocks?) {
        self.body = body; self.rows = rows; self.columns = columns
        self.rowBlocks = rowBlocks ?? AxisBlocks(counts: [rows], gap: 0)
        self.columnBlocks = columnBlocks ?? AxisBlocks(counts: [columns], gap: 0)
    }

    public var cellWidth: Double { columnBlocks.cellSize(length: body.width, cells: columns) }
    public var cellHeight: Double { rowBlocks.cellSize(length: body.height, cells: rows) }

    /// The page x of a spot `along` columns from the left edge (a column's centre is k + 0.5).
    public func x(_ along: Double) -> Double { body.minX + columnBlocks.offset(along: along, cellSize: cellWidth) }
    /// The page y of a spot `along` rows from the top edge.
    public func y(_ along: Double) -> Double { body.minY + rowBlocks.offset(along: along, cellSize: cellHeight) }

    /// The extent of a block of consecutive rows (columns) along the page's y (x).
    /// Blocks at the body's edges end exactly on them (no rounding drift).
    public func rowSpan(_ block: Range<Int>) -> (start: Double, end: Double) {
        let start = block.lowerBound == 0 ? body.minY : y(Double(block.lowerBound))
        return (start, block.upperBound >= rows ? body.maxY : start + Double(block.count) * cellHeight)
    }
    public func columnSpan(_ block: Range<Int>) -> (start: Double, end: Double) {
        let start = block.lowerBound == 0 ? body.minX : x(Double(block.lowerBound))
        return (start, block.upperBound >= columns ? body.maxX : start + Double(block.count) * cellWidth)
    }

    /// Every block of cells: its rectangle and the rows and columns it holds.
    public var blocks: [(rect: Rect, rows: Range<Int>, columns: Range<Int>)] {
        rowBlocks.ranges.flatMap { rows in
            columnBlocks.ranges.map { columns in
                let (x0, x1) = columnSpan(columns), (y0, y1) = rowSpan(rows)
                // An unsplit axis keeps the body's own extent exactly.
                let wholeX = columns.count == self.columns, wholeY = rows.count == self.rows
                return (Rect(x: x0, y: y0, width: wholeX ? body.width : x1 - x0, height: wholeY ? body.height : y1 - y0),
                        rows, columns)
            }
        }
    }

    /// The rectangle of the cell at `row`, `column` (drawing order).
    public func rect(row: Int, column: Int) -> Rect {
        let x0 = x(Double(column)), y0 = y(Double(row))
        return Rect(x: x0, y: y0, width: cellWidth, height: cellHeight)
    }

    /// Whether two neighbouring cells lie in one block (no gap between them).
    public func sameBlock(row: Int, _ otherRow: Int) -> Bool { rowBlocks.block(of: row) == rowBlocks.block(of: otherRow) }
    public func sameBlock(column: Int, _ otherColumn: Int) -> Bool {
        columnBlocks.block(of: column) == columnBlocks.block(of: otherColumn)
    }

    /// The cells of `block` of a row-major `matrix`-shaped array of `stride` entries per cell.
    static func slice<T>(_ values: [T], columns: Int, stride: Int, rows block: Range<Int>, columns part: Range<Int>) -> [T] {
        var out: [T] = []
        out.reserveCapacity(block.count * part.count * stride)
        for r in block {
            let start = (r * columns + part.lowerBound) * stride
            out += values[start..<(start + part.count * stride)]
        }
        return out
    }
}
