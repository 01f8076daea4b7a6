import Foundation

/// A small table read from a side file (a CSV with a header row; tab-separated for .tsv/.tab)
/// that names something about an axis's keys: the group of each row (`split`), its category or
/// value for an annotation track. Split by `CSVTokenizer` as data files are: RFC 4180 quoting
/// ("" for a quote), unquoted fields trimmed of spaces and tabs, blank lines skipped, errors with
/// line and column. Side files are small, so fields become Strings.
public struct SideTable: Sendable {
    /// The file as the spec names it, for messages.
    public var displayPath: String
    public var header: [String]
    /// Each record's fields and the 1-based line it starts on.
    public var records: [(line: Int, fields: [String])]

    /// Reads `url`; `specKey` (e.g. "rows.split") names who asked for it in messages.
    public static func read(_ url: URL, displayPath: String, specKey: String) throws -> SideTable {
        let bytes = try SideFile.bytes(url, displayPath: displayPath, expected: "a CSV file", namedBy: specKey)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw HeatGridError.data(file: displayPath, line: nil, column: nil, message: "not UTF-8 text; expected a CSV table")
        }
        let tabbed = ["tsv", "tab"].contains(url.pathExtension.lowercased())
        var rows = try bytes.withUnsafeBufferPointer {
            try Self.records(CSVText(bytes: $0, displayPath: displayPath), delimiter: tabbed ? .tab : .comma)
        }
        guard !rows.isEmpty else {
            throw HeatGridError.data(file: displayPath, line: 1, column: nil, message: "the file is empty; expected a header row naming its columns")
        }
        let header = rows.removeFirst().fields
        for row in rows where row.fields.count != header.count {
            throw HeatGridError.data(file: displayPath, line: row.line, column: nil,
                message: "\(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), but the header names \(header.count)")
        }
        return SideTable(displayPath: displayPath, header: header, records: rows)
    }

    /// The index of the column named `name`; an error naming `specKey` and the nearest column otherwise.
    public func columnIndex(_ name: String, specKey: String, specFile: String) throws -> Int {
        if let index = header.firstIndex(of: name) { return index }
        let hint = nearest(to: name, in: header).map { "did you mean '\($0)'? " } ?? ""
        throw HeatGridError.spec(file: specFile, key: specKey,
            message: "\(displayPath) has no column '\(name)'; \(hint)its columns are \(header.joined(separator: ", "))")
    }

    /// What column `value` says of each of `keys` (matched against column `key`): extra rows of
    /// the file are ignored; a key missing from it, or given two different values, is an error
    /// naming the key and the file.
    public func values(of value: String, byKey key: String, for keys: [String], specKey: String,
                       specFile: String) throws -> [String] {
        let k = try columnIndex(key, specKey: "\(specKey).key", specFile: specFile)
        let v = try columnIndex(value, specKey: "\(specKey).column", specFile: specFile)
        var found: [String: (value: String, line: Int)] = [:]
        for record in records {
            let name = record.fields[k], text = record.fields[v]
            if let earlier = found[name], earlier.value != text {
                throw HeatGridError.data(file: displayPath, line: record.line, column: nil,
                    message: "key '\(name)' has '\(text)' in column '\(value)' here but '\(earlier.value)' on line \(earlier.line)")
            }
            found[name] = (text, record.line)
        }
        return try keys.map { name in
            guard let entry = found[name] else {
                let hint = nearest(to: name, in: Array(found.keys).sorted()).map { " (nearest: '\($0)')" } ?? ""
                throw HeatGridError.data(file: displayPath, line: nil, column: nil,
                    message: "no row has '\(name)' in column '\(key)'\(hint); every key of the data needs one (named by the spec's \(specKey))")
            }
            return entry.value
        }
    }

    /// Every record of `text`: the line it starts on and its fields as Strings.
    private static func records(_ text: CSVText, delimiter: CSVDelimiter) throws -> [(line: Int, fields: [String])] {
        var tokenizer = CSVTokenizer(text, delimiter: delimiter)
        var fields: [CSVField] = [], records: [(line: Int, fields: [String])] = []
        while let place = try tokenizer.next(into: &fields) {
            records.append((place.line, fields.map(text.string)))
        }
        return records
    }
}
