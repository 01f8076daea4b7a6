import HeatGridCore

/// Reads a headerless grid of numbers (`format` "matrix"): each line is one matrix row, values
/// separated by commas, tabs, or (when there are neither) spaces, all lines the same length.
/// The result is one panel titled by the file name without its extension, with dimensions
/// named "row", "column" and "value". "nan" or an empty field is a bad cell.
///
/// It claims no file extensions: name it with `"format": "matrix"` in the spec (a .csv or .tsv
/// grid is also recognised by `CSVSource` when its first line is all numbers).
public struct MatrixSource: DataSource {
    /// "matrix".
    public let format = "matrix"
    /// None: a matrix file looks like any other text file.
    public let fileExtensions: [String] = []

    public let summary = "a headerless grid of numbers, one matrix row per line (comma, tab or space separated)"

    /// A matrix source; it has no settings.
    public init() {}

    /// Loads the grid; errors are `HeatGridError.data` with line and column.
    public func load(_ request: DataRequest) throws -> Dataset {
        try TableLoader.load(request, matrixOnly: true)
    }
}
