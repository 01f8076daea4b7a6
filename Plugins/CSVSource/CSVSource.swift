import HeatGridCore

/// Reads comma- or tab-separated text (`format` "csv"; files ending .csv, .tsv or .txt).
///
/// Two shapes are accepted:
/// - **Long form** (a header line, then one line per cell): the columns named by the spec's
///   `data.panel`, `data.row`, `data.column` and `data.value` (by default "panel" if the header
///   has it, "row", "column" and "value"). A row or column key column whose every value is a
///   whole number of at least 0 holds 0-based indices, and each panel is sized by its largest
///   ones; any other key column holds names ("llama-3", "gsm8k"): its names are the rows
///   (columns) of every panel, in the order they first appear in the file, and the panels'
///   `rowLabels` (`columnLabels`). Panels keep the order they first appear in. Without a panel
///   column there is one panel, titled by the file name.
/// - **A grid of numbers** (the first line is all numbers, so there is no header): read as by
///   `MatrixSource`.
///
/// The delimiter is a tab when the first line has a tab and no comma, else a comma. Quoted
/// fields follow RFC 4180; LF and CRLF line ends, a UTF-8 byte order mark and blank lines are
/// fine. "nan" or an empty value is a bad cell; infinities are rejected.
public struct CSVSource: DataSource {
    /// "csv".
    public let format = "csv"
    /// csv, tsv and txt.
    public let fileExtensions = ["csv", "tsv", "txt"]

    public let summary = "comma- or tab-separated text: long form (a header, then one line per cell) or a headerless grid of numbers"
    public let options = [
        PluginOption("panel", .string, default: "\"panel\" if present",
                     doc: "long-form column naming each cell's panel; without one, one panel titled by the file name"),
        PluginOption("row", .string, default: "\"row\"", doc: "long-form column holding the row key: a 0-based index, or a name (rows in order of first appearance)"),
        PluginOption("column", .string, default: "\"column\"", doc: "long-form column holding the column key: a 0-based index, or a name (columns in order of first appearance)"),
        PluginOption("value", .string, default: "\"value\"", doc: "long-form column holding the cell's value"),
        PluginOption("categories", .boolean, default: "with a categorical scale", doc: "read the long-form values as text categories (\"up\", \"down\", \"n.s.\")"),
        PluginOption("missing", .choice(MissingCellPolicy.allCases.map(\.rawValue)), default: "error",
                     doc: "cells the long-form file does not give: an error, or bad (drawn in the bad colour)"),
    ]

    /// A CSV source; it has no settings (everything comes from the request's spec).
    public init() {}

    /// Loads long-form or grid data; errors are `HeatGridError.data` with line and column.
    public func load(_ request: DataRequest) throws -> Dataset {
        try TableLoader.load(request, matrixOnly: false)
    }
}
