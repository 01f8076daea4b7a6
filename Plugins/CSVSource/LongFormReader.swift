import HeatGridCore

/// Reads long-form data: a header line, then one line per cell naming its panel (optional),
/// row key, column key and value. Panels keep the order in which they first appear.
///
/// A key column is read as 0-based indices when every value in it is a whole number of at
/// least 0 ("3", also "3.0"): each panel is then sized by its largest indices, and has no
/// labels on that axis. Any other key column holds names (as written, trimmed like every unquoted
/// field): its distinct names are the rows (columns) in the order they first appear in the
/// whole file, shared by every panel, so a name is the same row in each panel, and they become
/// the panels' `rowLabels` (`columnLabels`). Rows and columns are judged separately.
struct LongFormReader {
    let text: CSVText
    let spec: DataSpec
    /// Title of the only panel when there is no panel column.
    let singlePanelTitle: String
    /// Whether ordinary lines go to `PlainLineReader` (tests turn it off to compare).
    var usesFastPath = true

    /// Which header column holds each part of a cell.
    struct Columns {
        /// How many fields every record has (the header's count).
        var fieldCount: Int
        var panel: Int?
        var row: Int
        var column: Int
        var value: Int
    }

    /// Which key columns are read as names (the others as indices).
    struct KeyKinds: Equatable {
        var rowsNamed = false
        var columnsNamed = false
        var anyNamed: Bool { rowsNamed || columnsNamed }
    }

    /// Thrown by a pass reading a key column as indices when that column holds a name after
    /// all: the data is read again from the top with the columns in `kinds` read as names.
    private struct NamesFound: Error {
        var kinds: KeyKinds
    }

    /// The row or column key of a cell, for messages.
    private enum Axis: String {
        case row, column
    }

    /// Reads everything after `header` (already read by `tokenizer`).
    ///
    /// Key columns are first read as indices, so integer files (the usual kind, and the big
    /// ones) are read once, by the fast path, exactly as before names were possible. The first
    /// key that is not an index (or, before an error that only indices can cause, a name further
    /// on) makes its column one of names, and the data is read again from the top: at most
    /// three passes, and a file of names is usually found out on its first data line.
    func read(header: [CSVField], headerPlace: CSVRecordPlace, tokenizer: inout CSVTokenizer) throws -> Dataset {
        let names = header.map { text.string($0) }
        let columns = try resolveColumns(names, headerLine: headerPlace.line)
        var kinds = KeyKinds()
        while true {
            var pass = tokenizer
            do {
                return try read(names: names, columns: columns, headerPlace: headerPlace, kinds: kinds, tokenizer: &pass)
            } catch let found as NamesFound {
                precondition(found.kinds != kinds, "a pass must find a new column of names")
                kinds = found.kinds
            }
        }
    }

    /// One pass over the data lines, the key columns read as `kinds` says.
    private func read(names: [String], columns: Columns, headerPlace: CSVRecordPlace, kinds: KeyKinds,
                      tokenizer: inout CSVTokenizer) throws -> Dataset {
        let rowName = names[columns.row], columnName = names[columns.column], valueName = names[columns.value]
        let fieldCount = columns.fieldCount

        var panels = Panels()
        // Each line gives one cell and takes at least a byte per field, so when gaps are errors a
        // panel claiming more cells than the file has room for lines must have gaps: it fails at
        // its first such line instead of allocating the claim (a 600-byte file once asked for
        // 12 million rows).
        if spec.missing == .error { panels.cellLimit = text.bytes.count / fieldCount + 1 }
        if columns.panel == nil { panels.add(singlePanelTitle, linesLeft: 0) }
        let dataStart = (position: tokenizer.position, line: tokenizer.line)
        // The previous row's panel and grid: consecutive rows nearly always share them, so a
        // byte comparison of the panel field usually replaces a String and a lookup.
        var panel = 0
        var grid = panels.grids.first ?? GrowingGrid()
        var lastPanel: (field: CSVField, index: Int)?
        // The names of key columns read as names, in order of first appearance.
        var rowKeys = KeyNames(), columnKeys = KeyNames()
        // With "categories": true the values are text categories, coded 0, 1, ... in order of
        // first appearance ("nan" or an empty field: a bad cell).
        let categorical = spec.options["categories"] == .bool(true)
        var categories = KeyNames()

        /// A cell for messages: "row 2, column 5", or by its names: "model 'a', benchmark 'b'"
        /// (joined by `joiner`: ", " or " and ").
        func cellName(row: Int, column: Int, joiner: String) -> String {
            guard kinds.anyNamed else { return "row \(row), column \(column)" }
            let rowPart = kinds.rowsNamed ? "\(rowName) '\(rowKeys.labels[row])'" : "row \(row)"
            let columnPart = kinds.columnsNamed ? "\(columnName) '\(columnKeys.labels[column])'" : "column \(column)"
            return rowPart + joiner + columnPart
        }

        /// The row or column a key field stands for.
        func key(_ field: CSVField, _ axis: Axis) throws -> Int {
            let named = axis == .row ? kinds.rowsNamed : kinds.columnsNamed
            let column = axis == .row ? rowName : columnName
            if named {
                let index = axis == .row ? rowKeys.index(of: field, in: text) : columnKeys.index(of: field, in: text)
                guard let index else { throw emptyKey(field, axis, column: column) }
                return index
            }
            switch text.key(field) {
            case .index(let index):
                return index
            case .empty:
                throw emptyKey(field, axis, column: column)
            case .name:
                var found = kinds
                if axis == .row { found.rowsNamed = true } else { found.columnsNamed = true }
                throw NamesFound(kinds: found)
            case .tooLarge:
                try checkForLaterNames(after: tokenizer, kinds: kinds, columns: columns)
                throw text.error(field, "\(axis) index \(text.quoted(field)) is too large: a panel may hold at most \(DataLimits.maxCellsPerPanel) cells")
            }
        }

        let plainLines = PlainLineReader(text: text, delimiter: tokenizer.delimiter, columns: columns)
        // The fast path reads indices and numbers only.
        let usesFastPath = self.usesFastPath && !kinds.anyNamed && !categorical
        var fields: [CSVField] = []
        fields.reserveCapacity(fieldCount + 1)
        var sawData = false
        while true {
            // The fast path, for as many lines as it takes.
            let panelBytes = lastPanel.flatMap { $0.field.isQuoted ? nil : $0.field.start..<$0.field.end }
            let fast = usesFastPath ? plainLines.read(from: &tokenizer, panelBytes: panelBytes, into: grid)
                : (lines: 0, stop: .declined)
            if fast.lines > 0 { sawData = true }
            if case .newPanel(let bytes) = fast.stop, let panelColumn = columns.panel {
                let field = CSVField(start: bytes.lowerBound, end: bytes.upperBound, origin: bytes.lowerBound,
                                  line: tokenizer.line, isQuoted: false, hasEscapedQuotes: false)
                panel = try panels.index(of: field, in: text, columnName: names[panelColumn],
                                         linesLeft: linesLeft(after: tokenizer, dataStart: dataStart))
                grid = panels.grids[panel]
                lastPanel = (field, panel)
                continue
            }

            // One line for the tokenizer.
            guard let place = try tokenizer.next(into: &fields) else { break }
            sawData = true
            guard fields.count == fieldCount else {
                let offset = fields.count > fieldCount ? fields[fieldCount].origin : place.end
                throw text.error(line: place.line, at: offset,
                                 "expected \(fieldCount) fields like the header, found \(fields.count)")
            }
            if let panelColumn = columns.panel {
                let field = fields[panelColumn]
                if lastPanel == nil || !text.sameBytes(lastPanel!.field, field) {
                    panel = try panels.index(of: field, in: text, columnName: names[panelColumn],
                                             linesLeft: linesLeft(after: tokenizer, dataStart: dataStart))
                    grid = panels.grids[panel]
                    lastPanel = (field, panel)
                }
            }
            let rowField = fields[columns.row], columnField = fields[columns.column]
            let row = try key(rowField, .row)
            let column = try key(columnField, .column)
            let valueField = fields[columns.value]
            let value = categorical
                ? (text.string(valueField).lowercased() == "nan" ? .nan : categories.index(of: valueField, in: text).map(Double.init) ?? .nan)
                : try text.value(valueField, column: valueName)

            let claimed = grid.claimedCells(row: row, column: column)
            if claimed > grid.cellLimit {
                try checkForLaterNames(after: tokenizer, kinds: kinds, columns: columns)
                let culprit = row + 1 > grid.rows ? rowField : columnField
                let size = "\(describe(panel: panels.titles[panel], columns))\(cellName(row: row, column: column, joiner: ", ")) would make the panel \(max(grid.rows, row + 1)) x \(max(grid.columns, column + 1)) cells"
                let check = kinds.anyNamed ? "are the key columns right?" : "are the index columns right?"
                if claimed > DataLimits.maxCellsPerPanel {
                    throw text.error(culprit, "\(size), more than the limit of \(DataLimits.maxCellsPerPanel) (\(check))")
                }
                throw text.error(culprit, "\(size), more than this file has lines for, so cells would be missing (\(check)); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
            }
            if !grid.set(row: row, column: column, value: value) {
                try checkForLaterNames(after: tokenizer, kinds: kinds, columns: columns)
                let at = columns.panel == nil ? "" : "panel '\(panels.titles[panel])', "
                let title = columns.panel == nil ? nil : panels.titles[panel]
                let first = firstLine(ofPanel: title, columns: columns, delimiter: tokenizer.delimiter,
                                      row: { kinds.rowsNamed ? text.string($0) == rowKeys.labels[row] : text.key($0) == .index(row) },
                                      column: { kinds.columnsNamed ? text.string($0) == columnKeys.labels[column] : text.key($0) == .index(column) })
                    .map { "first given on line \($0)" } ?? "given twice"
                throw text.error(rowField, "duplicate cell (\(at)\(cellName(row: row, column: column, joiner: ", "))); \(first)")
            }
        }
        guard sawData else {
            throw HeatGridError.data(file: text.displayPath, line: headerPlace.line + 1, column: 1,
                                     message: "no data rows after the header")
        }

        // Why a key column with index-like values holds names: for messages about gaps, which a
        // stray name in a column of indices causes.
        let namesNote = [(rowKeys, rowName), (columnKeys, columnName)].compactMap { keys, column -> String? in
            guard keys.hasIndexLikeNames, let first = keys.firstName else { return nil }
            return "; column '\(column)' holds names, not indices, because line \(first.line), column \(text.column(at: first.origin)) gives \(text.quoted(first))"
        }.joined()
        let fillIn = "give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour"

        var result: [Panel] = []
        result.reserveCapacity(panels.titles.count)
        for (panel, grid) in panels.grids.enumerated() {
            let which = columns.panel == nil ? "the data" : "panel '\(panels.titles[panel])'"
            if kinds.anyNamed {
                // Every panel has a row (column) for each name in the file, in the same order.
                let rows = kinds.rowsNamed ? rowKeys.labels.count : grid.rows
                let width = kinds.columnsNamed ? columnKeys.labels.count : grid.columns
                if !grid.claim(rows: rows, columns: width) {
                    let counts = [kinds.rowsNamed ? "\(rows) names in column '\(rowName)'" : nil,
                                  kinds.columnsNamed ? "\(width) names in column '\(columnName)'" : nil]
                    let shape = "\(which) would be \(rows) x \(width) cells (\(counts.compactMap { $0 }.joined(separator: ", ")))"
                    if rows * width > DataLimits.maxCellsPerPanel {
                        throw HeatGridError.data(file: text.displayPath, line: nil, column: nil, message:
                            "\(shape), more than the limit of \(DataLimits.maxCellsPerPanel) (are the key columns right?)\(namesNote)")
                    }
                    throw HeatGridError.data(file: text.displayPath, line: nil, column: nil, message:
                        "\(shape), more than this file has lines for, so cells would be missing\(namesNote); \(fillIn)")
                }
            }
            if spec.missing == .error, let gap = grid.missingCells() {
                throw HeatGridError.data(file: text.displayPath, line: nil, column: nil, message:
                    "\(which) has no value for \(cellName(row: gap.row, column: gap.column, joiner: " and ")) (\(gap.count) cells missing)\(namesNote); \(fillIn)")
            }
            // Taking the matrix empties the grid; its values are usually handed over as they are.
            let (rows, columns) = (grid.rows, grid.columns)
            result.append(Panel(title: panels.titles[panel],
                                matrix: Matrix(rows: rows, columns: columns, values: grid.takeMatrix()),
                                rowLabels: kinds.rowsNamed ? rowKeys.labels : nil,
                                columnLabels: kinds.columnsNamed ? columnKeys.labels : nil))
        }
        return Dataset(panels: result, rowName: rowName, columnName: columnName, valueName: valueName,
                       categories: categorical ? categories.labels : nil)
    }

    /// An empty key field: neither an index nor a name.
    private func emptyKey(_ field: CSVField, _ axis: Axis, column: String) -> HeatGridError {
        text.error(field, "expected a \(axis) index (0, 1, 2, ...) or a \(axis) name in column '\(column)', found an empty field")
    }

    /// Before an error only indices can cause (a duplicate, a panel too large): if a key column
    /// read as indices holds a name further on, it is a column of names and the error is void,
    /// so the pass throws `NamesFound` to start again. (Only on the way to an error.)
    private func checkForLaterNames(after tokenizer: CSVTokenizer, kinds: KeyKinds, columns: Columns) throws {
        var scan = tokenizer
        var fields: [CSVField] = []
        var found = kinds
        // A line the tokenizer cannot read ends the search: the pass stops there too.
        while let _ = try? scan.next(into: &fields) {
            guard fields.count == columns.fieldCount else { break }
            if !found.rowsNamed, text.key(fields[columns.row]) == .name { found.rowsNamed = true }
            if !found.columnsNamed, text.key(fields[columns.column]) == .name { found.columnsNamed = true }
            if found.rowsNamed && found.columnsNamed { break }
        }
        if found != kinds { throw NamesFound(kinds: found) }
    }

    /// About how many lines follow the tokenizer's position, judging by the length of the data
    /// lines before it (a guess at a panel's size is never allowed past this).
    private func linesLeft(after tokenizer: CSVTokenizer, dataStart: (position: Int, line: Int)) -> Int {
        let bytesRead = tokenizer.position - dataStart.position, linesRead = tokenizer.line - dataStart.line
        guard linesRead > 0, bytesRead > 0 else { return 0 }
        return (text.bytes.count - tokenizer.position) / max(bytesRead / linesRead, 1)
    }

    /// The line that first gave a cell (of the panel titled `title`, with a row key field that
    /// `row` accepts and a column key field that `column` accepts), found again by re-reading
    /// the file from the top (only when reporting a duplicate: the grids keep one bit per cell,
    /// not its line). Every record before the duplicate was read without error, so none fails here.
    private func firstLine(ofPanel title: String?, columns: Columns, delimiter: CSVDelimiter,
                           row: (CSVField) -> Bool, column: (CSVField) -> Bool) -> Int? {
        var tokenizer = CSVTokenizer(text, delimiter: delimiter)
        var fields: [CSVField] = []
        _ = try? tokenizer.next(into: &fields)  // the header
        while let _ = try? tokenizer.next(into: &fields), fields.count == columns.fieldCount {
            if let title, let panelColumn = columns.panel, text.string(fields[panelColumn]) != title { continue }
            let rowField = fields[columns.row]
            if row(rowField), column(fields[columns.column]) { return rowField.line }
        }
        return nil
    }

    /// Finds the spec's (or the default) column names in the header.
    private func resolveColumns(_ names: [String], headerLine: Int) throws -> Columns {
        func find(_ key: String, _ given: String?, default name: String) throws -> Int {
            let wanted = given ?? name
            let matches = names.indices.filter { names[$0] == wanted }
            let listing = names.map { "'\($0)'" }.joined(separator: ", ")
            guard let first = matches.first else {
                let why = given == nil
                    ? "no '\(wanted)' column in the header (set \"\(key)\" in the spec's data section to name the \(key) column)"
                    : "the spec's data.\(key) names column '\(wanted)', but the header has no such column"
                throw HeatGridError.data(file: text.displayPath, line: headerLine, column: 1,
                                         message: "\(why); the header's columns are \(listing)")
            }
            guard matches.count == 1 else {
                throw HeatGridError.data(file: text.displayPath, line: headerLine, column: 1,
                                         message: "the header names column '\(wanted)' \(matches.count) times (fields \(matches.map { String($0 + 1) }.joined(separator: ", "))); column names must be unique")
            }
            return first
        }
        var panel: Int?
        if spec.panel != nil || names.contains("panel") {
            panel = try find("panel", spec.panel, default: "panel")
        }
        return Columns(fieldCount: names.count, panel: panel,
                       row: try find("row", spec.row, default: "row"),
                       column: try find("column", spec.column, default: "column"),
                       value: try find("value", spec.value, default: "value"))
    }

    /// "panel 'X': " for messages when there is a panel column.
    private func describe(panel title: String, _ columns: Columns) -> String {
        columns.panel == nil ? "" : "panel '\(title)': "
    }
}

extension CSVText {
    /// Whether two fields have the same raw bytes (and the same quoting, which decides trimming).
    @inline(__always)
    func sameBytes(_ a: CSVField, _ b: CSVField) -> Bool {
        let length = a.end - a.start
        guard length == b.end - b.start, a.isQuoted == b.isQuoted else { return false }
        for k in 0..<length where bytes[a.start + k] != bytes[b.start + k] { return false }
        return true
    }
}

/// The names of a key column read as names, in order of first appearance in the file.
private struct KeyNames {
    /// The names, row (column) 0 first.
    private(set) var labels: [String] = []
    private var indexByName: [String: Int] = [:]
    /// Where each name was first given (its raw bytes).
    private var firstFields: [CSVField] = []
    /// The last field looked up: long-form files repeat a key on consecutive lines or cycle
    /// through the keys in order, and a byte comparison with the last name or the one after it
    /// is cheaper than a String and a lookup.
    private var last: (field: CSVField, index: Int)?
    /// The first field that is not an index, and whether some names look like indices ("3"):
    /// such a column was likely meant to hold indices, and messages about gaps say why it holds names.
    private(set) var firstName: CSVField?
    private(set) var hasIndexLikeNames = false

    /// The row (column) of the name in `field`, added when new; nil for an empty field.
    mutating func index(of field: CSVField, in text: CSVText) -> Int? {
        if let last {
            if text.sameBytes(last.field, field) { return last.index }
            let next = last.index + 1 < labels.count ? last.index + 1 : 0
            if text.sameBytes(firstFields[next], field) {
                self.last = (field, next)
                return next
            }
        }
        let name = text.string(field)
        let index: Int
        if let known = indexByName[name] {
            index = known
        } else {
            switch text.key(field) {
            case .empty: return nil
            case .name: if firstName == nil { firstName = field }
            case .index, .tooLarge: hasIndexLikeNames = true
            }
            index = labels.count
            labels.append(name)
            firstFields.append(field)
            indexByName[name] = index
        }
        last = (field, index)
        return index
    }
}

/// The panels met so far, in order of first appearance, with a grid each.
private struct Panels {
    var titles: [String] = []
    var grids: [GrowingGrid] = []
    /// The most cells a panel may claim.
    var cellLimit = DataLimits.maxCellsPerPanel
    private var indexByTitle: [String: Int] = [:]

    /// Adds a panel (the caller knows the title is new), about `linesLeft` lines before the
    /// end of the file.
    ///
    /// Panels in a file are usually all alike, so when the panel before is complete (every
    /// cell given) and the rest of the file could fill another like it, the new grid is made
    /// that shape at once: it then never grows and its values become the matrix as they are.
    mutating func add(_ title: String, linesLeft: Int) {
        var expected: (rows: Int, columns: Int)?
        if let previous = grids.last, previous.rows * previous.columns <= linesLeft, previous.missingCells() == nil {
            expected = (previous.rows, previous.columns)
        }
        indexByTitle[title] = titles.count
        titles.append(title)
        grids.append(GrowingGrid(expecting: expected, cellLimit: cellLimit))
    }

    /// The index of the panel a panel field names, adding it when new.
    mutating func index(of field: CSVField, in text: CSVText, columnName: String, linesLeft: Int) throws -> Int {
        let title = text.string(field)
        if let known = indexByTitle[title] { return known }
        guard titles.count < DataLimits.maxPanels else {
            throw text.error(field, "too many panels: more than \(DataLimits.maxPanels) distinct values in column '\(columnName)' (is it the right panel column?)")
        }
        add(title, linesLeft: linesLeft)
        return titles.count - 1
    }
}
