/// The cells a mark's `select` chose in one panel, in drawing order (row-major), and how each
/// kind of `select` is resolved:
/// - `top` / `bottom` k: the k largest (smallest) finite values of each panel, or of the whole
///   figure with `per: figure`; every cell tied with the k-th is selected too, so ties never
///   depend on order (a panel with fewer finite cells selects them all);
/// - `above` / `below` x: values strictly above (below) x;
/// - `cells`: [row, column] keys (names, or indices of unnamed axes) in every panel or the one named;
/// - `path`: the nonzero cells of a second matrix with the data's keys (`SecondMatrix`);
/// - `triangle`: above (below) the diagonal as drawn, the diagonal itself with `diagonal: true`.
public struct CellSelection: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// One flag per cell, row after row.
    public private(set) var flags: [Bool]

    public init(rows: Int, columns: Int, flags: [Bool]? = nil) {
        self.rows = rows; self.columns = columns
        self.flags = flags ?? Array(repeating: false, count: rows * columns)
    }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns && flags[row * columns + column]
    }

    public mutating func insert(row: Int, column: Int) { flags[row * columns + column] = true }

    /// How many cells are selected.
    public var count: Int { flags.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Each panel's selection for `spec` (nil selects nothing); `second` loads a second matrix
    /// per panel for `path` selections; errors name `specFile` and `key` (`marks[0].select`).
    public static func resolve(_ spec: SelectSpec?, in dataset: Dataset, specFile: String, key: String,
                               second: (SpecValue) throws -> [Matrix]) throws -> [CellSelection] {
        let panels = dataset.panels
        func empty(_ p: Panel) -> CellSelection { CellSelection(rows: p.matrix.rows, columns: p.matrix.columns) }
        func fail(_ message: String) -> HeatGridError { .spec(file: specFile, key: key, message: message) }
        func matching(_ test: (Double) -> Bool) -> [CellSelection] {
            panels.map { CellSelection(rows: $0.matrix.rows, columns: $0.matrix.columns, flags: $0.matrix.values.map(test)) }
        }
        guard let spec else { return panels.map(empty) }
        switch spec {
        case .top(let k, let perFigure), .bottom(let k, let perFigure):
            let top: Bool = if case .top = spec { true } else { false }
            // The k-th value from the top (bottom), of each panel or of all.
            func threshold(_ values: [Double]) -> Double? {
                let finite = values.filter(\.isFinite).sorted(by: top ? (>) : (<))
                return finite.isEmpty ? nil : finite[min(k, finite.count) - 1]
            }
            let figure = perFigure ? threshold(panels.flatMap(\.matrix.values)) : nil
            return panels.map { panel in
                guard let t = perFigure ? figure : threshold(panel.matrix.values) else { return empty(panel) }
                return CellSelection(rows: panel.matrix.rows, columns: panel.matrix.columns,
                                     flags: panel.matrix.values.map { $0.isFinite && (top ? $0 >= t : $0 <= t) })
            }
        case .above(let x): return matching { $0 > x }
        case .below(let x): return matching { $0 < x }
        case .triangle(let upper, let diagonal):
            return panels.map { panel in
                var s = empty(panel)
                for r in 0..<s.rows { for c in 0..<s.columns where upper ? (c > r || (diagonal && c == r)) : (c < r || (diagonal && c == r)) {
                    s.insert(row: r, column: c)
                } }
                return s
            }
        case .cells(let cells, let title):
            if let title, !panels.contains(where: { $0.title == title }) {
                let hint = nearest(to: title, in: panels.map(\.title)).map { "; did you mean '\($0)'?" } ?? ""
                throw fail("no panel is titled '\(title)'\(hint)")
            }
            return try panels.map { panel in
                var s = empty(panel)
                guard title == nil || panel.title == title else { return s }
                for cell in cells {
                    let r = try index(of: cell[0], in: panel.rowKeys, axis: "row", panel: panel, fail: fail)
                    let c = try index(of: cell[1], in: panel.columnKeys, axis: "column", panel: panel, fail: fail)
                    s.insert(row: r, column: c)
                }
                return s
            }
        case .file(let source):
            let matrices = try second(source)
            return zip(panels, matrices).map { panel, m in
                CellSelection(rows: panel.matrix.rows, columns: panel.matrix.columns, flags: m.values.map { $0.isFinite && $0 != 0 })
            }
        }
    }

    /// The drawn position of the row (column) named `key`: its name, or for an unnamed axis its index.
    private static func index(of key: String, in names: [String], axis: String, panel: Panel,
                              fail: (String) -> HeatGridError) throws -> Int {
        let count = names.count
        if let i = names.firstIndex(of: key) { return i }
        if let n = Int(key), names.allSatisfy({ Int($0) != nil }) {
            throw fail("\(axis) \(n) is outside panel '\(panel.title)', which has \(count) \(axis)s (0 to \(count - 1))")
        }
        let hint = nearest(to: key, in: names).map { "; did you mean '\($0)'?" } ?? ""
        throw fail("panel '\(panel.title)' has no \(axis) '\(key)'\(hint)")
    }
}
