import Foundation
import HeatGridCore

/// Reads NumPy arrays (`format` "npy"; files ending .npy or .npz).
///
/// - A **.npy** file (format versions 1.0, 2.0 and 3.0, C or Fortran order) holding a 2-D
///   array gives one untitled panel; a 3-D array gives one panel per index of its first axis,
///   titled "0", "1", ...
/// - A **.npz** archive (as `np.savez` and `np.savez_compressed` write it: a zip of .npy
///   members, stored or deflated) gives one panel per 2-D array, in the archive's order, titled
///   by the array's name ("Knowledge Recall" for the member `Knowledge Recall.npy`); a 3-D
///   array gives panels titled "name[0]", "name[1]", .... Members not ending in .npy are skipped.
///
/// In every array the first remaining axis is the panel's rows (row 0 first) and the last axis
/// its columns. Float (float16/32/64), integer (8 to 64 bits, signed or not) and bool data of
/// either byte order are read as `Double`; NaN is a bad cell. The dimensions are named "row",
/// "column" and "value". Object arrays (pickles), structured and complex dtypes are refused.
///
/// The arrays hold numbers only, so the spec's data section may name the rows and columns:
/// `"rowLabels": ["L0", "L1", ...]` and `"columnLabels": [...]`, or the path of a text file with
/// one label per line (`"rowLabels": "layers.txt"`, relative to the spec). They name every panel's
/// rows (columns), so each panel must have as many.
///
/// Files are memory-mapped and decoded straight from the mapping, so a few hundred megabytes
/// load at close to memory speed.
public struct NumPySource: DataSource {
    /// "npy".
    public let format = "npy"
    /// npy and npz.
    public let fileExtensions = ["npy", "npz"]

    public let summary = "NumPy .npy (2-D: one panel; 3-D: one per first index) and .npz archives (one panel per array)"

    public let options = [
        PluginOption("rowLabels", .any, default: "none (row indices)",
                     doc: "names of the rows, row 0 first: a list of strings, or a text file with one per line (relative to the spec)"),
        PluginOption("columnLabels", .any, default: "none (column indices)",
                     doc: "names of the columns, column 0 first: a list of strings, or a text file with one per line (relative to the spec)"),
    ]

    /// A NumPy source; it has no settings (labels come from the request's spec).
    public init() {}

    /// Loads the array or archive; errors are `HeatGridError.data` naming the file (without a
    /// line or column: the file is binary) and, for an .npz, the array at fault.
    public func load(_ request: DataRequest) throws -> Dataset {
        let isArchiveName = request.url.pathExtension.lowercased() == "npz"
        // The labels first: a mistake in the spec is reported before a large file is read.
        let rowLabels = try request.option("rowLabels", as: LabelOption.self)?.labels(for: request)
        let columnLabels = try request.option("columnLabels", as: LabelOption.self)?.labels(for: request)
        let panels: [Panel]
        do {
            panels = try request.withFileBytes { bytes -> [Panel] in
                switch FileKind.detect(bytes) {
                case .npy:
                    return try NPYReader.panels(in: bytes, arrayName: nil)
                case .npz:
                    return try NPZReader.panels(in: bytes)
                case .empty:
                    throw NumPyFormatError("the file is empty; expected a NumPy \(isArchiveName ? ".npz archive" : ".npy file")")
                case .unknown:
                    throw NumPyFormatError(isArchiveName
                        ? "not a NumPy .npz file (not a zip archive: bad magic bytes)"
                        : "not a NumPy .npy file (bad magic bytes; expected \"\\x93NUMPY\")")
                }
            }
        } catch let error as NumPyFormatError {
            throw HeatGridError.data(file: request.displayPath, line: nil, column: nil, message: error.message)
        }
        return Dataset(panels: try panels.map { panel in
            var panel = panel
            let which = panel.title.isEmpty ? "the array" : "panel '\(panel.title)'"
            if let (labels, what) = rowLabels {
                guard labels.count == panel.matrix.rows else {
                    throw HeatGridError.spec(file: request.specFile, key: "data.rowLabels",
                                             message: "\(what), but \(which) has \(panel.matrix.rows) rows; give one label per row")
                }
                panel.rowLabels = labels
            }
            if let (labels, what) = columnLabels {
                guard labels.count == panel.matrix.columns else {
                    throw HeatGridError.spec(file: request.specFile, key: "data.columnLabels",
                                             message: "\(what), but \(which) has \(panel.matrix.columns) columns; give one label per column")
                }
                panel.columnLabels = labels
            }
            return panel
        })
    }
}
