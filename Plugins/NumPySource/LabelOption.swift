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
            let labels = try LabelFile.read(url, displayPath: shown, namedBy: "data section")
            return (labels, "\(shown) has \(labels.count) label\(labels.count == 1 ? "" : "s") (one per line)")
        }
    }
}
