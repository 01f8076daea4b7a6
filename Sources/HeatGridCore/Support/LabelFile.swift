import Foundation

/// A text file of labels, one per line (row or column names for data that has none), as named by
/// `data.rowLabels` of the NumPy source or by `rows.labels` / `columns.labels` of any spec.
public enum LabelFile {
    /// One label per line, trimmed of spaces and tabs; LF or CRLF; a BOM and blank lines at the
    /// end are ignored (a blank line before the last label is an empty label: lines are rows).
    public static func read(_ url: URL, displayPath: String, namedBy key: String) throws -> [String] {
        let bytes = try SideFile.bytes(url, displayPath: displayPath, expected: "a text file of labels", namedBy: key)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        var labels: [String] = []
        for (index, line) in lines.enumerated() {
            guard let text = String(validating: line, as: UTF8.self) else {
                throw HeatGridError.data(file: displayPath, line: index + 1, column: nil, message: "not UTF-8 text; expected one label per line")
            }
            labels.append(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
        }
        while labels.last?.isEmpty == true { labels.removeLast() }
        return labels
    }
}
