import HeatGridCore

/// The panels layout, decoded by `JSONDecoder` (whose number parsing rounds correctly, unlike
/// `JSONSerialization` on Linux) with hand-walked containers, so anything out of shape gets a
/// message naming the panel and row.
struct JSONDocument: Decodable {
    /// What the file holds.
    let dataset: Dataset

    /// The expected layout, quoted in messages about a wrong one.
    static let shape = #"{"panels": [{"title": "...", "values": [[row 0 ...], [row 1 ...]]}]}"#

    /// Any object key.
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        guard let top = try? decoder.container(keyedBy: Key.self) else {
            throw JSONShapeError("expected a JSON object at the top level, found \(JSONValueKind.describe(decoder)); the shape is \(Self.shape)")
        }
        guard top.contains(Key("panels")) else {
            let keys = top.allKeys.map { "\"\($0.stringValue)\"" }.sorted().joined(separator: ", ")
            throw JSONShapeError("missing the \"panels\" key (the object has \(keys.isEmpty ? "no keys" : keys)); the shape is \(Self.shape)")
        }
        let panelsValue = try top.superDecoder(forKey: Key("panels"))
        guard var list = try? panelsValue.unkeyedContainer() else {
            throw JSONShapeError("\"panels\" must be an array of panels, found \(JSONValueKind.describe(panelsValue))")
        }
        guard !list.isAtEnd else {
            throw JSONShapeError("\"panels\" is empty; expected at least one panel like {\"title\": \"...\", \"values\": [[...]]}")
        }
        let rowLabels = try Self.labels(top, "rowLabels", in: "")
        let columnLabels = try Self.labels(top, "columnLabels", in: "")
        var panels: [Panel] = []
        while !list.isAtEnd {
            var panel = try Self.panel(list.superDecoder(), index: panels.count)
            // The top level's labels are every panel's that gives none.
            let label = panel.title.isEmpty ? "panels[\(panels.count)]" : "panel '\(panel.title)'"
            if panel.rowLabels == nil, let rowLabels {
                try Self.check(rowLabels, "\"rowLabels\"", count: panel.matrix.rows, "rows", of: label)
                panel.rowLabels = rowLabels
            }
            if panel.columnLabels == nil, let columnLabels {
                try Self.check(columnLabels, "\"columnLabels\"", count: panel.matrix.columns, "columns", of: label)
                panel.columnLabels = columnLabels
            }
            panels.append(panel)
        }
        dataset = Dataset(panels: panels,
                          rowName: try Self.name(top, "rowName", default: "row"),
                          columnName: try Self.name(top, "columnName", default: "column"),
                          valueName: try Self.name(top, "valueName", default: "value"))
    }

    /// One entry of "panels".
    private static func panel(_ decoder: Decoder, index: Int) throws -> Panel {
        guard let object = try? decoder.container(keyedBy: Key.self) else {
            throw JSONShapeError("panels[\(index)] must be an object like {\"title\": \"...\", \"values\": [[...]]}, found \(JSONValueKind.describe(decoder))")
        }
        var title = ""
        if object.contains(Key("title")), try !object.decodeNil(forKey: Key("title")) {
            guard let text = try? object.decode(String.self, forKey: Key("title")) else {
                let found = JSONValueKind.describe(try object.superDecoder(forKey: Key("title")))
                throw JSONShapeError("panels[\(index)].title must be a string, found \(found)")
            }
            title = text
        }
        let label = title.isEmpty ? "panels[\(index)]" : "panel '\(title)'"
        guard object.contains(Key("values")) else {
            throw JSONShapeError("\(label) has no \"values\" (an array of rows, each an array of numbers)")
        }
        let valuesDecoder = try object.superDecoder(forKey: Key("values"))
        guard var rows = try? valuesDecoder.unkeyedContainer() else {
            throw JSONShapeError("\(label) \"values\" must be an array of rows, found \(JSONValueKind.describe(valuesDecoder))")
        }
        guard !rows.isAtEnd else { throw JSONShapeError("\(label) has no values (\"values\" is empty)") }

        var columns = 0
        var rowCount = 0
        var values: [Double] = []
        while !rows.isAtEnd {
            let rowDecoder = try rows.superDecoder()
            guard var row = try? rowDecoder.unkeyedContainer() else {
                throw JSONShapeError("\(label) row \(rowCount) must be an array of numbers, found \(JSONValueKind.describe(rowDecoder))")
            }
            let count = row.count ?? 0
            if rowCount == 0 {
                guard count > 0 else { throw JSONShapeError("\(label) has no values (row 0 is empty)") }
                columns = count
                values.reserveCapacity((rows.count ?? 1) * columns)
            } else if count != columns {
                throw JSONShapeError("\(label) row \(rowCount) has \(count) values, expected \(columns) like row 0")
            }
            var column = 0
            while !row.isAtEnd {
                if try row.decodeNil() {
                    values.append(.nan)
                } else {
                    do {
                        values.append(try row.decode(Double.self))
                    } catch is DecodingError {
                        let found = JSONValueKind.describe(try row.superDecoder())
                        throw JSONShapeError("\(label) row \(rowCount), column \(column): expected a number or null, found \(found)")
                    } catch {
                        // Foundation's own error for a number beyond Double's range,
                        // e.g. numberIsNotRepresentableInSwift(parsed: "1e400").
                        let literal = "\(error)".split(separator: "\"").dropFirst().first.map(String.init)
                        throw JSONShapeError("\(label) row \(rowCount), column \(column): number \(literal ?? "") is out of range for a double; values must be finite numbers",
                                             locatingText: literal)
                    }
                }
                column += 1
            }
            rowCount += 1
        }
        let rowLabels = try labels(object, "rowLabels", in: "\(label) ")
        let columnLabels = try labels(object, "columnLabels", in: "\(label) ")
        if let rowLabels { try check(rowLabels, "\(label) \"rowLabels\"", count: rowCount, "rows", of: "the panel") }
        if let columnLabels { try check(columnLabels, "\(label) \"columnLabels\"", count: columns, "columns", of: "the panel") }
        return Panel(title: title, matrix: Matrix(rows: rowCount, columns: columns, values: values),
                     rowLabels: rowLabels, columnLabels: columnLabels)
    }

    /// Optional labels: an array of strings, or null for none. `place` starts messages ("panel 'A' ").
    private static func labels(_ object: KeyedDecodingContainer<Key>, _ key: String, in place: String) throws -> [String]? {
        guard object.contains(Key(key)), try !object.decodeNil(forKey: Key(key)) else { return nil }
        let decoder = try object.superDecoder(forKey: Key(key))
        guard var list = try? decoder.unkeyedContainer() else {
            throw JSONShapeError("\(place)\"\(key)\" must be an array of strings (one label per \(key == "rowLabels" ? "row" : "column")), found \(JSONValueKind.describe(decoder))")
        }
        var labels: [String] = []
        while !list.isAtEnd {
            let item = try list.superDecoder()
            guard let text = try? item.singleValueContainer().decode(String.self) else {
                throw JSONShapeError("\(place)\"\(key)\"[\(labels.count)] must be a string, found \(JSONValueKind.describe(item))")
            }
            labels.append(text)
        }
        return labels
    }

    /// Labels must name every row (column): "panel 'A' "rowLabels" has 3 labels, but the panel has 4 rows".
    private static func check(_ labels: [String], _ key: String, count: Int, _ what: String, of owner: String) throws {
        guard labels.count != count else { return }
        throw JSONShapeError("\(key) has \(labels.count) label\(labels.count == 1 ? "" : "s"), but \(owner) has \(count) \(what); give one label per \(what.dropLast())")
    }

    /// One of the optional dimension names, or its default.
    private static func name(_ top: KeyedDecodingContainer<Key>, _ key: String, default fallback: String) throws -> String {
        guard top.contains(Key(key)), try !top.decodeNil(forKey: Key(key)) else { return fallback }
        guard let text = try? top.decode(String.self, forKey: Key(key)) else {
            throw JSONShapeError("\"\(key)\" must be a string, found \(JSONValueKind.describe(try top.superDecoder(forKey: Key(key))))")
        }
        return text
    }
}
