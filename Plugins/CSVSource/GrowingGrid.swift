/// A panel's cells while long-form rows arrive in any order: a row-major grid whose capacity
/// doubles as indices grow, with one bit per cell saying whether it was given, so a duplicate
/// is caught and gaps can be found at the end.
///
/// Which line gave a cell is not kept (it would cost 4 bytes a cell); a duplicate's first line
/// is found by re-reading the file. Cells never given hold NaN from the start.
///
/// The values are kept in the array that becomes the panel's matrix, so when the grid's
/// capacity is exactly the panel's shape the matrix is handed over without a copy. Panels in
/// a file are usually all the same shape, so a grid can be created expecting the previous
/// panel's shape and then never grows.
///
/// A class, so that the reader's current grid and its list of panels share one grid (copies
/// of a struct holding arrays would copy them on the next write).
final class GrowingGrid {
    /// Rows and columns claimed so far (largest index + 1).
    private(set) var rows = 0
    private(set) var columns = 0
    /// The allocated shape; cell (r, c) lives at r * columnCapacity + c.
    private var rowCapacity = 0
    private var columnCapacity = 0
    /// rowCapacity x columnCapacity values, NaN where not given.
    private var values: [Double] = []
    /// One bit per cell of the same layout, set once the cell is given.
    private var given: [UInt64] = []

    /// An empty grid; with `expected`, room for that shape is made at once (when within the
    /// cell limit).
    /// The most cells the panel may claim: the data limit, or less (see `LongFormReader`).
    let cellLimit: Int

    init(expecting expected: (rows: Int, columns: Int)? = nil, cellLimit: Int = DataLimits.maxCellsPerPanel) {
        self.cellLimit = min(cellLimit, DataLimits.maxCellsPerPanel)
        if let expected, expected.rows > 0, expected.columns > 0,
           expected.rows * expected.columns <= self.cellLimit {
            allocate(rows: expected.rows, columns: expected.columns)
        }
    }

    /// The size the grid would have after holding (`row`, `column`).
    func claimedCells(row: Int, column: Int) -> Int {
        max(rows, row + 1) * max(columns, column + 1)
    }

    /// Stores a value; returns false (keeping the earlier value) when the cell was already
    /// given. The caller has checked `claimedCells` against the limit.
    func set(row: Int, column: Int, value: Double) -> Bool {
        _ = makeRoom(row: row, column: column)
        return withCells { $0.set(row: row, column: column, value: value) } == .stored
    }

    /// Makes the allocated grid hold (`row`, `column`), unless the panel would then be larger
    /// than `cellLimit`: returns false and changes nothing then.
    func makeRoom(row: Int, column: Int) -> Bool {
        guard claimedCells(row: row, column: column) <= cellLimit else { return false }
        if row >= rowCapacity || column >= columnCapacity { grow(toHold: row, column) }
        return true
    }

    /// Claims at least `rows` x `columns` (each at least 1), cells not given staying NaN: with
    /// named keys every panel has a row for every row name in the file, given in it or not.
    /// Returns false and changes nothing when the panel would then be larger than `cellLimit`.
    func claim(rows: Int, columns: Int) -> Bool {
        guard makeRoom(row: rows - 1, column: columns - 1) else { return false }
        self.rows = max(self.rows, rows)
        self.columns = max(self.columns, columns)
        return true
    }

    /// Direct access to the cells for a run of stores (`PlainLineReader`'s loop): array
    /// stores would check uniqueness every time, this once per run.
    @inline(__always)
    func withCells<Result>(_ body: (inout Cells) throws -> Result) rethrows -> Result {
        let (rowCapacity, columnCapacity, rows, columns) = (self.rowCapacity, self.columnCapacity, self.rows, self.columns)
        return try values.withUnsafeMutableBufferPointer { values in
            try given.withUnsafeMutableBufferPointer { given in
                var cells = Cells(values: values.baseAddress, given: given.baseAddress,
                                  rowCapacity: rowCapacity, columnCapacity: columnCapacity, rows: rows, columns: columns)
                defer { (self.rows, self.columns) = (cells.rows, cells.columns) }
                return try body(&cells)
            }
        }
    }

    /// The allocated cells, valid inside `withCells`.
    struct Cells {
        /// What `set` did.
        enum Outcome {
            case stored
            /// The cell was given before; nothing changed.
            case alreadyGiven
            /// The cell is outside the allocated grid: `makeRoom` first.
            case outside
        }

        fileprivate let values: UnsafeMutablePointer<Double>?
        fileprivate let given: UnsafeMutablePointer<UInt64>?
        fileprivate let rowCapacity: Int
        fileprivate let columnCapacity: Int
        fileprivate(set) var rows: Int
        fileprivate(set) var columns: Int

        /// Stores a value in a cell not given before, when the cell is allocated.
        @inline(__always)
        mutating func set(row: Int, column: Int, value: Double) -> Outcome {
            guard row < rowCapacity, column < columnCapacity else { return .outside }
            if row >= rows { rows = row &+ 1 }
            if column >= columns { columns = column &+ 1 }
            let index = row &* columnCapacity &+ column
            let word = given.unsafelyUnwrapped + (index &>> 6)
            let bit: UInt64 = 1 &<< UInt64(index & 63)
            if word.pointee & bit != 0 { return .alreadyGiven }
            word.pointee |= bit
            values.unsafelyUnwrapped[index] = value
            return .stored
        }
    }

    /// The first cell never given (row-major), and how many there are.
    func missingCells() -> (row: Int, column: Int, count: Int)? {
        var first: (row: Int, column: Int)?
        var count = 0
        for row in 0..<rows {
            let base = row * columnCapacity
            let missing = columns - countGiven(from: base, to: base + columns)
            if missing > 0 {
                if first == nil { first = (row, firstMissing(from: base, to: base + columns) - base) }
                count += missing
            }
        }
        return first.map { ($0.row, $0.column, count) }
    }

    /// The claimed rows x columns as a matrix (cells never given are NaN), leaving the grid
    /// empty. No copy is made when the allocated shape is the claimed one.
    func takeMatrix() -> [Double] {
        defer {
            values = []
            given = []
            (rows, columns, rowCapacity, columnCapacity) = (0, 0, 0, 0)
        }
        if rows == rowCapacity && columns == columnCapacity { return values }
        var matrix: [Double] = []
        matrix.reserveCapacity(rows * columns)
        for row in 0..<rows {
            let base = row * columnCapacity
            matrix.append(contentsOf: values[base..<(base + columns)])
        }
        return matrix
    }

    @inline(__always)
    private func isGiven(_ index: Int) -> Bool {
        given[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// How many cells in `start..<end` (one row's span) are given, a word at a time.
    private func countGiven(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            let offset = index & 63
            let take = min(64 - offset, end - index)
            let mask: UInt64 = take == 64 ? ~0 : ((1 << UInt64(take)) - 1) << UInt64(offset)
            count += (given[index >> 6] & mask).nonzeroBitCount
            index += take
        }
        return count
    }

    /// The first index in `start..<end` that is not given (the caller knows there is one).
    private func firstMissing(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, isGiven(index) { index += 1 }
        return index
    }

    /// Makes room for (`row`, `column`), doubling each dimension that is too small, but never
    /// past what the cell limit allows (the exact size is always within it).
    private func grow(toHold row: Int, _ column: Int) {
        var newColumns = columnCapacity
        if column >= columnCapacity { newColumns = max(column + 1, columnCapacity * 2, 4) }
        var newRows = rowCapacity
        if row >= rowCapacity { newRows = max(row + 1, rowCapacity * 2, 4) }
        if newRows * newColumns > cellLimit {
            newRows = max(rowCapacity, row + 1, rows)
            newColumns = max(columnCapacity, column + 1, columns)
            if newRows * newColumns > cellLimit {
                newRows = max(row + 1, rows)
                newColumns = max(column + 1, columns)
            }
        }
        allocate(rows: newRows, columns: newColumns)
    }

    /// Reallocates to `newRows` x `newColumns` (each at least the current capacity), keeping
    /// every cell.
    private func allocate(rows newRows: Int, columns newColumns: Int) {
        let cells = newRows * newColumns
        let words = (cells + 63) / 64
        if newColumns == columnCapacity {
            // Rows are contiguous, so adding rows keeps every cell where it was.
            values.append(contentsOf: repeatElement(.nan, count: cells - values.count))
            given.append(contentsOf: repeatElement(0, count: words - given.count))
        } else {
            // A new row length: copy each claimed row to its new place.
            var newValues = [Double](repeating: .nan, count: cells)
            var newGiven = [UInt64](repeating: 0, count: words)
            for r in 0..<rows {
                let from = r * columnCapacity, to = r * newColumns
                for c in 0..<columns where isGiven(from + c) {
                    newValues[to + c] = values[from + c]
                    newGiven[(to + c) >> 6] |= 1 << UInt64((to + c) & 63)
                }
            }
            values = newValues
            given = newGiven
        }
        rowCapacity = newRows
        columnCapacity = newColumns
    }
}
