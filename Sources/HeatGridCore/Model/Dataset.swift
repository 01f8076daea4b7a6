/// One titled matrix: a panel of the figure.
public struct Panel: Sendable, Equatable {
    /// The panel's title (e.g. the task name).
    public var title: String
    /// The panel's values.
    public var matrix: Matrix

    public init(title: String, matrix: Matrix) {
        self.title = title
        self.matrix = matrix
    }
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

    public init(panels: [Panel], rowName: String = "row", columnName: String = "column",
                valueName: String = "value") {
        self.panels = panels
        self.rowName = rowName
        self.columnName = columnName
        self.valueName = valueName
    }

    /// Cells in all panels.
    public var cellCount: Int { panels.reduce(0) { $0 + $1.matrix.values.count } }

    /// Smallest and largest finite value over all panels, or nil when every cell is bad.
    public var finiteExtent: ClosedRange<Double>? {
        let extents = panels.compactMap { $0.matrix.finiteExtent }
        guard let lo = extents.map(\.lowerBound).min(), let hi = extents.map(\.upperBound).max() else {
            return nil
        }
        return lo...hi
    }
}
