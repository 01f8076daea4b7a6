/// A panel's cells while long-form rows arrive in any order: a row-major grid whose capacity
/// doubles as indices grow, with the line each cell came from (0 = not given yet) so a
/// duplicate can name its first line and gaps can be found at the end.
struct GrowingGrid {
    /// Rows and columns claimed so far (largest index + 1).
    private(set) var rows = 0
    private(set) var columns = 0
    private var rowCapacity = 0
    private var columnCapacity = 0
    private var values: [Double] = []
    private var lines: [UInt32] = []

    /// The size the grid would have after holding (`row`, `column`).
    func claimedCells(row: Int, column: Int) -> Int {
        max(rows, row + 1) * max(columns, column + 1)
    }

    /// Stores a value given on `line`. Returns the line of an earlier value for the same cell
    /// (and keeps that value), or nil. The caller has checked `claimedCells` against the limit.
    mutating func set(row: Int, column: Int, value: Double, line: Int) -> Int? {
        if row >= rowCapacity || column >= columnCapacity { grow(toHold: row, column) }
        rows = max(rows, row + 1)
        columns = max(columns, column + 1)
        let index = row * columnCapacity + column
        let earlier = lines[index]
        if earlier != 0 { return Int(earlier) }
        values[index] = value
        lines[index] = UInt32(clamping: line)
        return nil
    }

    /// The first cell never given (row-major), and how many there are.
    func missingCells() -> (row: Int, column: Int, count: Int)? {
        var first: (Int, Int)?
        var count = 0
        for row in 0..<rows {
            let base = row * columnCapacity
            for column in 0..<columns where lines[base + column] == 0 {
                if first == nil { first = (row, column) }
                count += 1
            }
        }
        guard let first else { return nil }
        return (first.0, first.1, count)
    }

    /// The claimed rows x columns as a matrix; cells never given are NaN.
    func matrix() -> [Double] {
        if columns == columnCapacity { return Array(values[0..<(rows * columns)]) }
        var cropped: [Double] = []
        cropped.reserveCapacity(rows * columns)
        for row in 0..<rows {
            let base = row * columnCapacity
            cropped.append(contentsOf: values[base..<(base + columns)])
        }
        return cropped
    }

    /// Makes room for (`row`, `column`), doubling each dimension that is too small, but never
    /// past what the cell limit allows (the exact size is always within it).
    private mutating func grow(toHold row: Int, _ column: Int) {
        var newColumns = columnCapacity
        if column >= columnCapacity { newColumns = max(column + 1, columnCapacity * 2, 4) }
        var newRows = rowCapacity
        if row >= rowCapacity { newRows = max(row + 1, rowCapacity * 2, 4) }
        if newRows * newColumns > DataLimits.maxCellsPerPanel {
            newRows = max(rowCapacity, row + 1, rows)
            newColumns = max(columnCapacity, column + 1, columns)
            if newRows * newColumns > DataLimits.maxCellsPerPanel {
                newRows = max(row + 1, rows)
                newColumns = max(column + 1, columns)
            }
        }
        if newColumns == columnCapacity {
            // Rows are contiguous: appending keeps every cell where it was.
            let added = (newRows - rowCapacity) * newColumns
            values.append(contentsOf: repeatElement(.nan, count: added))
            lines.append(contentsOf: repeatElement(0, count: added))
        } else {
            var newValues = [Double](repeating: .nan, count: newRows * newColumns)
            var newLines = [UInt32](repeating: 0, count: newRows * newColumns)
            for r in 0..<min(rows, newRows) {
                for c in 0..<min(columns, newColumns) {
                    newValues[r * newColumns + c] = values[r * columnCapacity + c]
                    newLines[r * newColumns + c] = lines[r * columnCapacity + c]
                }
            }
            values = newValues
            lines = newLines
        }
        rowCapacity = newRows
        columnCapacity = newColumns
    }
}
