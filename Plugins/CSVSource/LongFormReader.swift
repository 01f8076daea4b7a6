import HeatGridCore

/// Reads long-form data: a header line, then one line per cell naming its panel (optional),
/// row index, column index and value. Each panel is sized by its largest indices; panels keep
/// the order in which they first appear.
struct LongFormReader {
    let text: SourceText
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

    /// Reads everything after `header` (already read by `tokenizer`).
    ///
    /// Runs of ordinary lines are read by `PlainLineReader`, the fast path; each line it
    /// declines (quotes, blank lines, anything odd, every error) is read by the tokenizer, so
    /// both give the same cells and the same messages.
    func read(header: [Field], headerPlace: RecordPlace, tokenizer: inout ByteTokenizer) throws -> Dataset {
        let names = header.map { text.string($0) }
        let columns = try resolveColumns(names, headerLine: headerPlace.line)
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
        var lastPanel: (field: Field, index: Int)?

        let plainLines = PlainLineReader(text: text, delimiter: tokenizer.delimiter, columns: columns)
        var fields: [Field] = []
        fields.reserveCapacity(fieldCount + 1)
        var sawData = false
        while true {
            // The fast path, for as many lines as it takes.
            let panelBytes = lastPanel.flatMap { $0.field.isQuoted ? nil : $0.field.start..<$0.field.end }
            let fast = usesFastPath ? plainLines.read(from: &tokenizer, panelBytes: panelBytes, into: grid)
                : (lines: 0, stop: .declined)
            if fast.lines > 0 { sawData = true }
            if case .newPanel(let bytes) = fast.stop, let panelColumn = columns.panel {
                let field = Field(start: bytes.lowerBound, end: bytes.upperBound, origin: bytes.lowerBound,
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
                if lastPanel == nil || !sameBytes(lastPanel!.field, field) {
                    panel = try panels.index(of: field, in: text, columnName: names[panelColumn],
                                             linesLeft: linesLeft(after: tokenizer, dataStart: dataStart))
                    grid = panels.grids[panel]
                    lastPanel = (field, panel)
                }
            }
            let rowField = fields[columns.row], columnField = fields[columns.column]
            let row = try text.index(rowField, kind: "row", column: rowName)
            let column = try text.index(columnField, kind: "column", column: columnName)
            let value = try text.value(fields[columns.value], column: valueName)

            let claimed = grid.claimedCells(row: row, column: column)
            if claimed > grid.cellLimit {
                let culprit = row + 1 > grid.rows ? rowField : columnField
                let size = "\(describe(panel: panels.titles[panel], columns))row \(row), column \(column) would make the panel \(max(grid.rows, row + 1)) x \(max(grid.columns, column + 1)) cells"
                if claimed > DataLimits.maxCellsPerPanel {
                    throw text.error(culprit, "\(size), more than the limit of \(DataLimits.maxCellsPerPanel) (are the index columns right?)")
                }
                throw text.error(culprit, "\(size), more than this file has lines for, so cells would be missing (are the index columns right?); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
            }
            if !grid.set(row: row, column: column, value: value) {
                let at = columns.panel == nil ? "" : "panel '\(panels.titles[panel])', "
                let title = columns.panel == nil ? nil : panels.titles[panel]
                let first = firstLine(ofPanel: title, row: row, column: column, columns: columns, delimiter: tokenizer.delimiter)
                    .map { "first given on line \($0)" } ?? "given twice"
                throw text.error(rowField, "duplicate cell (\(at)row \(row), column \(column)); \(first)")
            }
        }
        guard sawData else {
            throw HeatGridError.data(file: text.displayPath, line: headerPlace.line + 1, column: 1,
                                     message: "no data rows after the header")
        }

        var result: [Panel] = []
        result.reserveCapacity(panels.titles.count)
        for (panel, grid) in panels.grids.enumerated() {
            if spec.missing == .error, let gap = grid.missingCells() {
                let which = columns.panel == nil ? "the data has" : "panel '\(panels.titles[panel])' has"
                throw HeatGridError.data(file: text.displayPath, line: nil, column: nil, message:
                    "\(which) no value for row \(gap.row), column \(gap.column) (\(gap.count) cells missing); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
            }
            // Taking the matrix empties the grid; its values are usually handed over as they are.
            let (rows, columns) = (grid.rows, grid.columns)
            result.append(Panel(title: panels.titles[panel],
                                matrix: Matrix(rows: rows, columns: columns, values: grid.takeMatrix())))
        }
        return Dataset(panels: result, rowName: rowName, columnName: columnName, valueName: valueName)
    }

    /// About how many lines follow the tokenizer's position, judging by the length of the data
    /// lines before it (a guess at a panel's size is never allowed past this).
    private func linesLeft(after tokenizer: ByteTokenizer, dataStart: (position: Int, line: Int)) -> Int {
        let bytesRead = tokenizer.position - dataStart.position, linesRead = tokenizer.line - dataStart.line
        guard linesRead > 0, bytesRead > 0 else { return 0 }
        return (text.bytes.count - tokenizer.position) / max(bytesRead / linesRead, 1)
    }

    /// The line that first gave a cell, found again by re-reading the file from the top (only
    /// when reporting a duplicate: the grids keep one bit per cell, not its line). Every record
    /// before the duplicate was read without error, so none fails here.
    private func firstLine(ofPanel title: String?, row: Int, column: Int, columns: Columns,
                           delimiter: Delimiter) -> Int? {
        var tokenizer = ByteTokenizer(text, delimiter: delimiter)
        var fields: [Field] = []
        _ = try? tokenizer.next(into: &fields)  // the header
        while let _ = try? tokenizer.next(into: &fields), fields.count == columns.fieldCount {
            if let title, let panelColumn = columns.panel, text.string(fields[panelColumn]) != title { continue }
            let rowField = fields[columns.row]
            if (try? text.index(rowField, kind: "row", column: "")) == row,
               (try? text.index(fields[columns.column], kind: "column", column: "")) == column {
                return rowField.line
            }
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

    /// Whether two fields have the same raw bytes (and the same quoting, which decides trimming).
    @inline(__always)
    private func sameBytes(_ a: Field, _ b: Field) -> Bool {
        let length = a.end - a.start
        guard length == b.end - b.start, a.isQuoted == b.isQuoted else { return false }
        let bytes = text.bytes
        for k in 0..<length where bytes[a.start + k] != bytes[b.start + k] { return false }
        return true
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
    mutating func index(of field: Field, in text: SourceText, columnName: String, linesLeft: Int) throws -> Int {
        let title = text.string(field)
        if let known = indexByTitle[title] { return known }
        guard titles.count < DataLimits.maxPanels else {
            throw text.error(field, "too many panels: more than \(DataLimits.maxPanels) distinct values in column '\(columnName)' (is it the right panel column?)")
        }
        add(title, linesLeft: linesLeft)
        return titles.count - 1
    }
}
