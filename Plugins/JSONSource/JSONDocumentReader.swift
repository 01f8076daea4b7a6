import Foundation
import HeatGridCore

/// Walks the object `JSONSerialization` produced and builds the dataset, with a message
/// naming the panel and row for anything out of shape.
struct JSONDocumentReader {
    /// The path for error messages.
    let file: String

    /// The expected layout, quoted in messages about a wrong one.
    private static let shape = #"{"panels": [{"title": "...", "values": [[row 0 ...], [row 1 ...]]}]}"#

    /// The dataset in `document` (the top-level value of the file).
    func dataset(from document: Any) throws -> Dataset {
        guard let top = document as? [String: Any] else {
            throw fail("expected a JSON object at the top level, found \(kind(of: document)); the shape is \(Self.shape)")
        }
        guard let rawPanels = top["panels"] else {
            let keys = top.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw fail("missing the \"panels\" key (the object has \(keys.isEmpty ? "no keys" : keys)); the shape is \(Self.shape)")
        }
        guard let panelList = rawPanels as? [Any] else {
            throw fail("\"panels\" must be an array of panels, found \(kind(of: rawPanels))")
        }
        guard !panelList.isEmpty else {
            throw fail("\"panels\" is empty; expected at least one panel like {\"title\": \"...\", \"values\": [[...]]}")
        }
        let panels = try panelList.enumerated().map { try panel($1, index: $0) }
        return Dataset(panels: panels,
                       rowName: try name(top, "rowName", default: "row"),
                       columnName: try name(top, "columnName", default: "column"),
                       valueName: try name(top, "valueName", default: "value"))
    }

    /// One entry of "panels".
    private func panel(_ raw: Any, index: Int) throws -> Panel {
        guard let object = raw as? [String: Any] else {
            throw fail("panels[\(index)] must be an object like {\"title\": \"...\", \"values\": [[...]]}, found \(kind(of: raw))")
        }
        var title = ""
        if let rawTitle = object["title"], !(rawTitle is NSNull) {
            guard let text = rawTitle as? String else {
                throw fail("panels[\(index)].title must be a string, found \(kind(of: rawTitle))")
            }
            title = text
        }
        let label = title.isEmpty ? "panels[\(index)]" : "panel '\(title)'"
        guard let rawValues = object["values"] else {
            throw fail("\(label) has no \"values\" (an array of rows, each an array of numbers)")
        }
        guard let rows = rawValues as? [Any] else {
            throw fail("\(label) \"values\" must be an array of rows, found \(kind(of: rawValues))")
        }
        guard !rows.isEmpty else { throw fail("\(label) has no values (\"values\" is empty)") }

        var columns = 0
        var values: [Double] = []
        for (r, rawRow) in rows.enumerated() {
            guard let row = rawRow as? [Any] else {
                throw fail("\(label) row \(r) must be an array of numbers, found \(kind(of: rawRow))")
            }
            if r == 0 {
                guard !row.isEmpty else { throw fail("\(label) has no values (row 0 is empty)") }
                columns = row.count
                values.reserveCapacity(rows.count * columns)
            } else if row.count != columns {
                throw fail("\(label) row \(r) has \(row.count) values, expected \(columns) like row 0")
            }
            for (c, item) in row.enumerated() {
                values.append(try number(item, at: "\(label) row \(r), column \(c)"))
            }
        }
        return Panel(title: title, matrix: Matrix(rows: rows.count, columns: columns, values: values))
    }

    /// A cell: a number, or NaN for null.
    @inline(__always)
    private func number(_ item: Any, at place: String) throws -> Double {
        if let number = item as? NSNumber, !isBoolean(number) {
            let value = number.doubleValue
            guard value.isFinite else { throw fail("\(place): values must be finite, found \(number)") }
            return value
        }
        if item is NSNull { return .nan }
        throw fail("\(place): expected a number or null, found \(kind(of: item))")
    }

    /// One of the optional dimension names, or its default.
    private func name(_ top: [String: Any], _ key: String, default fallback: String) throws -> String {
        guard let raw = top[key], !(raw is NSNull) else { return fallback }
        guard let text = raw as? String else { throw fail("\"\(key)\" must be a string, found \(kind(of: raw))") }
        return text
    }

    /// JSON true/false arrive as NSNumber too; Foundation marks them with the C type "c".
    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// What a value is, for messages ("a string ('abc')", "true", "an object", ...).
    private func kind(of value: Any) -> String {
        if let number = value as? NSNumber {
            return isBoolean(number) ? (number.boolValue ? "true" : "false") : "a number"
        }
        if let text = value as? String {
            return "a string ('\(text.count > 40 ? text.prefix(40) + "..." : Substring(text))')"
        }
        if value is NSNull { return "null" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(type(of: value))"
    }

    /// A data error without a place (Foundation's parse tree keeps no positions).
    private func fail(_ message: String) -> HeatGridError {
        .data(file: file, line: nil, column: nil, message: message)
    }
}
