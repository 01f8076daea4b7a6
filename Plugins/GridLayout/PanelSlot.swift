import HeatGridCore

/// The grid cells a panel occupies: a rectangle of rows and columns (more than one for a panel
/// that spans template areas).
struct PanelSlot: Equatable {
    var row: Int
    var column: Int
    var rowSpan = 1
    var columnSpan = 1
    var lastRow: Int { row + rowSpan - 1 }
    var lastColumn: Int { column + columnSpan - 1 }

    func contains(row r: Int, column c: Int) -> Bool {
        (row...lastRow).contains(r) && (column...lastColumn).contains(c)
    }
}

/// Where `count` panels go in a `rows x columns` grid, filled row by row or column by column.
struct SlotArrangement {
    var rows: Int
    var columns: Int
    var slots: [PanelSlot]

    static func filled(count: Int, rows: Int, columns: Int, order: LayoutSpec.Order) -> SlotArrangement {
        let slots = (0..<count).map { i in
            order == .row ? PanelSlot(row: i / columns, column: i % columns) : PanelSlot(row: i % rows, column: i / rows)
        }
        return SlotArrangement(rows: rows, columns: columns, slots: slots)
    }

    /// The panel occupying grid cell (`row`, `column`), if any.
    func panel(at row: Int, _ column: Int) -> Int? {
        slots.firstIndex { $0.contains(row: row, column: column) }
    }
}

/// CSS grid-template-areas for panels: `["A A B C", "A A D E"]` makes the first panel span a 2x2
/// block. Names are taken in reading order; "." leaves a cell empty.
enum TemplateAreas {
    static func arrangement(_ areas: [String], count: Int, specFile: String) throws -> SlotArrangement {
        func fail(_ message: String) -> HeatGridError { .spec(file: specFile, key: "layout.areas", message: message) }
        let grid = areas.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
        guard let columns = grid.first?.count, columns > 0 else { throw fail("expected rows of area names like \"A A B\"") }
        if let (i, row) = grid.enumerated().first(where: { $0.element.count != columns }) {
            throw fail("row \(i + 1) has \(row.count) areas but row 1 has \(columns); every row needs the same number")
        }
        var order: [String] = []
        for row in grid { for name in row where name != "." && !order.contains(name) { order.append(name) } }
        var slots: [PanelSlot] = []
        for name in order {
            let cells = grid.enumerated().flatMap { r, row in row.enumerated().filter { $0.element == name }.map { (r, $0.offset) } }
            let rows = cells.map(\.0), columnsOf = cells.map(\.1)
            let slot = PanelSlot(row: rows.min()!, column: columnsOf.min()!, rowSpan: rows.max()! - rows.min()! + 1,
                                 columnSpan: columnsOf.max()! - columnsOf.min()! + 1)
            guard cells.count == slot.rowSpan * slot.columnSpan else {
                throw fail("area '\(name)' is not a rectangle; an area must fill a whole block of rows and columns")
            }
            slots.append(slot)
        }
        guard slots.count >= count else {
            throw fail("the template has \(slots.count) areas (\(order.joined(separator: ", "))) but the data has \(count) panels")
        }
        return SlotArrangement(rows: grid.count, columns: columns, slots: Array(slots.prefix(count)))
    }
}
