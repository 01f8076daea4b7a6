import HeatGridCore

/// Reads long-form data: a header line, then one line per cell naming its panel (optional),
/// row index, column index and value. Each panel is sized by its largest indices; panels keep
/// the order in which they first appear.
struct LongFormReader {
    let text: SourceText
    let spec: DataSpec
    /// Title of the only panel when there is no panel column.
    let singlePanelTitle: String

    /// Which header column holds each part of a cell.
    private struct Columns {
        var panel: Int?
        var row: Int
        var column: Int
        var value: Int
    }

    /// Reads everything after `header` (already read by `tokenizer`).
    func read(header: [Field], headerPlace: RecordPlace, tokenizer: inout ByteTokenizer) throws -> Dataset {
        let names = header.map { text.string($0) }
        let columns = try resolveColumns(names, headerLine: headerPlace.line)
        let rowName = names[columns.row], columnName = names[columns.column], valueName = names[columns.value]
        let fieldCount = names.count

        var titles: [String] = []
        var grids: [GrowingGrid] = []
        var panelByTitle: [String: Int] = [:]
        // The previous row's panel field; consecutive rows nearly always share it, so a byte
        // comparison usually replaces a String and a dictionary lookup.
        var lastPanel: (field: Field, index: Int)?

        if columns.panel == nil {
            titles = [singlePanelTitle]
            grids = [GrowingGrid()]
        }

        var fields: [Field] = []
        fields.reserveCapacity(fieldCount + 1)
        var sawData = false
        while let place = try tokenizer.next(into: &fields) {
            sawData = true
            guard fields.count == fieldCount else {
                let offset = fields.count > fieldCount ? fields[fieldCount].origin : place.end
                throw text.error(line: place.line, at: offset,
                                 "expected \(fieldCount) fields like the header, found \(fields.count)")
            }

            var panel = 0
            if let panelColumn = columns.panel {
                let field = fields[panelColumn]
                if let last = lastPanel, sameBytes(last.field, field) {
                    panel = last.index
                } else {
                    let title = text.string(field)
                    if let known = panelByTitle[title] {
                        panel = known
                    } else {
                        guard titles.count < DataLimits.maxPanels else {
                            throw text.error(field, "too many panels: more than \(DataLimits.maxPanels) distinct values in column '\(names[panelColumn])' (is it the right panel column?)")
                        }
                        panel = titles.count
                        panelByTitle[title] = panel
                        titles.append(title)
                        grids.append(GrowingGrid())
                    }
                    lastPanel = (field, panel)
                }
            }

            let rowField = fields[columns.row], columnField = fields[columns.column]
            let row = try text.index(rowField, kind: "row", column: rowName)
            let column = try text.index(columnField, kind: "column", column: columnName)
            let value = try text.value(fields[columns.value], column: valueName)

            if grids[panel].claimedCells(row: row, column: column) > DataLimits.maxCellsPerPanel {
                let culprit = row + 1 > grids[panel].rows ? rowField : columnField
                throw text.error(culprit, "\(describe(panel: titles[panel], columns))row \(row), column \(column) would make the panel \(max(grids[panel].rows, row + 1)) x \(max(grids[panel].columns, column + 1)) cells, more than the limit of \(DataLimits.maxCellsPerPanel) (are the index columns right?)")
            }
            if let firstLine = grids[panel].set(row: row, column: column, value: value, line: rowField.line) {
                let at = columns.panel == nil ? "" : "panel '\(titles[panel])', "
                throw text.error(rowField, "duplicate cell (\(at)row \(row), column \(column)); first given on line \(firstLine)")
            }
        }
        guard sawData else {
            throw HeatGridError.data(file: text.displayPath, line: headerPlace.line + 1, column: 1,
                                     message: "no data rows after the header")
        }

        var panels: [Panel] = []
        panels.reserveCapacity(titles.count)
        for (panel, grid) in grids.enumerated() {
            if spec.missing == .error, let gap = grid.missingCells() {
                let which = columns.panel == nil ? "the data has" : "panel '\(titles[panel])' has"
                throw HeatGridError.data(file: text.displayPath, line: nil, column: nil, message:
                    "\(which) no value for row \(gap.row), column \(gap.column) (\(gap.count) cells missing); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour")
            }
            panels.append(Panel(title: titles[panel],
                                matrix: Matrix(rows: grid.rows, columns: grid.columns, values: grid.matrix())))
        }
        return Dataset(panels: panels, rowName: rowName, columnName: columnName, valueName: valueName)
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
        return Columns(panel: panel,
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
