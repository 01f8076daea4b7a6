import Foundation
import HeatGridCore

/// `data.rowLabels` or `data.columnLabels` for a NumPy file, which holds numbers only: the labels
/// themselves (`["L0", "L1", ...]`), or the path of a UTF-8 text file holding one label per line
/// (`"layers.txt"`, relative to the spec like `data.path`).
enum LabelOption: SpecOptionValue, Equatable {
    case list([String])
    case file(String)

    init?(specValue value: SpecValue) {
        if let list = [String](specValue: value) {
            self = .list(list)
        } else if let path = String(specValue: value) {
            self = .file(path)
        } else {
            return nil
        }
    }

    var specValue: SpecValue {
        switch self {
        case .list(let labels): return labels.specValue
        case .file(let path): return path.specValue
        }
    }

    static var expectation: String { "a list of strings, or the path of a text file with one label per line" }

    /// The labels, read from the file when the option names one; `what` is how count messages
    /// name them. Errors name the file (and line) like data errors.
    func labels(for request: DataRequest) throws -> (labels: [String], what: String) {
        switch self {
        case .list(let labels):
            return (labels, "\(labels.count) label\(labels.count == 1 ? "" : "s")")
        case .file(let path):
            let url = request.resolvingSpecPath(path)
            let cwd = FileManager.default.currentDirectoryPath + "/"
            let shown = url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
            let labels = try Self.readLines(url: url, displayPath: shown)
            return (labels, "\(shown) has \(labels.count) label\(labels.count == 1 ? "" : "s") (one per line)")
        }
    }

    /// One label per line, trimmed of spaces and tabs; LF or CRLF; a BOM and blank lines at the
    /// end are ignored (a blank line before the last label is an empty label: lines are rows).
    static func readLines(url: URL, displayPath: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw HeatGridError.io(path: displayPath, message: !exists ? "no such file (a label file named by the spec's data section)"
                                   : isDirectory.boolValue ? "is a directory, expected a text file of labels" : "cannot be read (permission denied?)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
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
