/// One titled matrix: a panel of the figure.
public struct Panel: Sendable, Equatable {
    /// The panel's title (e.g. the task name).
    public var title: String
    /// The panel's values.
    public var matrix: Matrix
    /// The names of the matrix's rows, row 0 first (e.g. model names), or nil when the rows are
    /// known by their 0-based indices only. When set, it holds exactly `matrix.rows` names.
    public var rowLabels: [String]?
    /// The names of the matrix's columns, column 0 first (e.g. benchmark names), or nil when the
    /// columns are known by their 0-based indices only. When set, it holds exactly
    /// `matrix.columns` names.
    public var columnLabels: [String]?

    /// The rows' keys as text, row 0 first: their names, or for rows known by index their
    /// indices ("0", "1", ...): how side files, selections and second matrices name them.
    public var rowKeys: [String] { rowLabels ?? (0..<matrix.rows).map(String.init) }
    /// The columns' keys as text (see `rowKeys`).
    public var columnKeys: [String] { columnLabels ?? (0..<matrix.columns).map(String.init) }

    /// A panel; labels, when given, must name every row (column) of `matrix`.
    public init(title: String, matrix: Matrix, rowLabels: [String]? = nil, columnLabels: [String]? = nil) {
        precondition(rowLabels.map { $0.count == matrix.rows } ?? true,
                     "rowLabels must hold one label per matrix row")
        precondition(columnLabels.map { $0.count == matrix.columns } ?? true,
                     "columnLabels must hold one label per matrix column")
        self.title = title
        self.matrix = matrix
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
    }

    /// The name of row `row`: its label, or its 0-based index ("3") when the rows have none.
    public func rowLabel(_ row: Int) -> String { rowLabels?[row] ?? String(row) }

    /// The name of column `column`: its label, or its 0-based index when the columns have none.
    public func columnLabel(_ column: Int) -> String { columnLabels?[column] ?? String(column) }
}

/// What a `DataSource` produces: panels in display order, and the names of the row, column
/// and value dimensions (used as default axis and colorbar titles).
public struct Dataset: Sendable, Equatable {
    public var panels: [Panel]
    /// Name of the row dimension, e.g. "layer".
    public var rowName: String
    /// Name of the column dimension, e.g. "head".
    public var columnName: String
    /// Name of the values, e.g. "importance".
    public var valueName: String
    /// When the values are text categories ("up", "down", "n.s."; a categorical scale): their
    /// names, a cell's value k standing for `categories[k]`. Nil for numbers.
    public var categories: [String]?

    public init(panels: [Panel], rowName: String = "row", columnName: String = "column",
                valueName: String = "value", categories: [String]? = nil) {
        self.panels = panels
        self.rowName = rowName
        self.columnName = columnName
        self.valueName = valueName
        self.categories = categories
    }

    /// Cells in all panels.
    public var cellCount: Int { panels.reduce(0) { $0 + $1.matrix.values.count } }

    /// Whether any panel names its rows or columns (`Panel.rowLabels`, `columnLabels`); false
    /// when every panel's keys are plain indices.
    public var hasLabels: Bool { panels.contains { $0.rowLabels != nil || $0.columnLabels != nil } }

    /// Smallest and largest finite value over all panels, or nil when every cell is bad.
    public var finiteExtent: ClosedRange<Double>? {
        let extents = panels.compactMap { $0.matrix.finiteExtent }
        guard let lo = extents.map(\.lowerBound).min(), let hi = extents.map(\.upperBound).max() else {
            return nil
        }
        return lo...hi
    }
}
