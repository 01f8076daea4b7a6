/// A dense 2-D grid of values, stored row-major. Row 0 is the first row of the data
/// (drawn at the top of a panel). `Double.nan` marks a bad or missing cell.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (the y axis of a panel).
    public let rows: Int
    /// Number of columns (the x axis of a panel).
    public let columns: Int
    /// `rows * columns` values, row after row.
    public private(set) var values: [Double]

    /// A matrix of the given shape filled with `value` (NaN by default: every cell missing).
    public init(rows: Int, columns: Int, repeating value: Double = .nan) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from row-major values; `values.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "values must hold rows * columns entries")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The smallest and largest finite values, or nil when there are none.
    public var finiteExtent: ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return lo <= hi ? lo...hi : nil
    }
}
