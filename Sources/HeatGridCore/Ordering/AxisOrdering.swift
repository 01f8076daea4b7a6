import Foundation

/// Puts a dataset's rows and columns in the order the spec's `rows` and `columns` sections ask
/// for, the same order in every panel so a row (column) lines up across the grid:
/// - `cluster`: hierarchical clustering (`Clustering.cluster`) of the rows of the panels set side
///   by side (for columns: of the columns, stacked), or of the `orderBy` panel's alone;
/// - `mean` / `max`: largest first over the finite values of the same panels, ties in data order;
/// - a list of keys: those first, in that order, the others after in data order.
/// `orderBy: "each"` orders every panel by its own values instead (each then has its own ticks).
/// Unnamed axes take their original indices as names, so the ticks keep telling which row is which.
public enum AxisOrdering {
    /// An ordered dataset and the clustering trees (in the new order's terms: leaf k is row k).
    public struct Result: Sendable {
        public var dataset: Dataset
        public var rowTree: Dendrogram?
        public var columnTree: Dendrogram?
    }

    /// `dataset` named by the `labels` of `rows` and `columns` (files relative to `baseURL`) and
    /// in their order; errors name `specFile` and the key.
    public static func apply(rows: OrderSpec, columns: OrderSpec, to dataset: Dataset, specFile: String,
                             baseURL: URL? = nil) throws -> Result {
        var dataset = dataset
        for (spec, axis) in [(rows, Axis.rows), (columns, Axis.columns)] {
            guard let labels = spec.labels else { continue }
            let names = try named(labels, axis: axis, baseURL: baseURL)
            for i in dataset.panels.indices {
                let panel = dataset.panels[i]
                let count = axis == .rows ? panel.matrix.rows : panel.matrix.columns
                guard names.count == count else {
                    throw HeatGridError.spec(file: specFile, key: "\(axis.rawValue).labels",
                        message: "\(names.count) name\(names.count == 1 ? "" : "s"), but panel '\(panel.title)' has \(count) \(axis.rawValue)")
                }
                dataset.panels[i] = Panel(title: panel.title, matrix: panel.matrix,
                                          rowLabels: axis == .rows ? names : panel.rowLabels,
                                          columnLabels: axis == .columns ? names : panel.columnLabels)
            }
        }
        var result = Result(dataset: dataset)
        if rows.order != .data {
            let (panels, tree) = try ordered(dataset, by: rows, axis: .rows, specFile: specFile)
            dataset.panels = panels
            result.rowTree = tree
        }
        if columns.order != .data {
            let flipped = Dataset(panels: dataset.panels.map(transposed), rowName: dataset.columnName,
                                  columnName: dataset.rowName, valueName: dataset.valueName)
            let (panels, tree) = try ordered(flipped, by: columns, axis: .columns, specFile: specFile)
            dataset.panels = panels.map(transposed)
            result.columnTree = tree
        }
        result.dataset = dataset
        return result
    }

    private enum Axis: String { case rows, columns }

    /// The names `labels` gives: its list, or its file's lines (relative to `baseURL`).
    private static func named(_ labels: OrderSpec.Labels, axis: Axis, baseURL: URL?) throws -> [String] {
        switch labels {
        case .list(let names): return names
        case .file(let path):
            let folder = baseURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            return try LabelFile.read(folder.resolvingSpecPath(path), displayPath: path, namedBy: "\(axis.rawValue).labels")
        }
    }

    /// `dataset`'s panels with their rows in the order `spec` asks for: one order for all, or with
    /// `orderBy: "each"` each panel its own (and no shared tree).
    private static func ordered(_ dataset: Dataset, by spec: OrderSpec, axis: Axis,
                                specFile: String) throws -> (panels: [Panel], tree: Dendrogram?) {
        guard spec.orderBy == OrderSpec.eachPanel else {
            let (order, tree) = try permutation(spec, of: dataset, axis: axis, specFile: specFile)
            return (dataset.panels.map { reorderRows($0, order) }, tree)
        }
        var own = spec
        own.orderBy = nil
        let panels = try dataset.panels.map { panel in
            let single = Dataset(panels: [panel], rowName: dataset.rowName, columnName: dataset.columnName,
                                 valueName: dataset.valueName)
            return reorderRows(panel, try permutation(own, of: single, axis: axis, specFile: specFile).0)
        }
        return (panels, nil)
    }

    /// The new order of `dataset`'s rows (new position -> old row), and the tree when clustered.
    private static func permutation(_ spec: OrderSpec, of dataset: Dataset, axis: Axis,
                                    specFile: String) throws -> ([Int], Dendrogram?) {
        func fail(_ key: String, _ message: String) -> HeatGridError {
            .spec(file: specFile, key: "\(axis.rawValue).\(key)", message: message)
        }
        var panels = dataset.panels
        if let title = spec.orderBy {
            guard let panel = panels.first(where: { $0.title == title }) else {
                let hint = nearest(to: title, in: panels.map(\.title)).map { "; did you mean '\($0)'?" } ?? ""
                throw fail("orderBy", "no panel is titled '\(title)'\(hint)")
            }
            panels = [panel]
        }
        let counts = Set(dataset.panels.map(\.matrix.rows))
        guard counts.count == 1, let count = counts.first else {
            throw fail("order", "the panels have different numbers of \(axis.rawValue) (\(counts.sorted().map(String.init).joined(separator: ", "))), so no one order fits them all")
        }
        // The panels side by side: row r of every panel, one after another.
        let width = panels.reduce(0) { $0 + $1.matrix.columns }
        func row(_ r: Int) -> [Double] {
            panels.flatMap { p in (0..<p.matrix.columns).map { p.matrix[r, $0] } }
        }
        switch spec.order {
        case .data:
            return (Array(0..<count), nil)
        case .cluster:
            let values = (0..<count).flatMap(row)
            let tree = try Clustering.cluster(values, rows: count, columns: width, method: spec.linkage,
                                              metric: spec.metric, optimalLeafOrder: spec.optimalLeafOrder)
            return (tree.leafOrder, relabelled(tree))
        case .mean, .max:
            let scores = (0..<count).map { r -> Double in
                let finite = row(r).filter(\.isFinite)
                guard !finite.isEmpty else { return -.infinity }
                return spec.order == .mean ? finite.reduce(0, +) / Double(finite.count) : finite.max()!
            }
            return ((0..<count).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }, nil)
        case .keys(let keys):
            let names = dataset.panels[0].rowLabels ?? (0..<count).map(String.init)
            var position: [String: Int] = [:]
            for (i, name) in names.enumerated() where position[name] == nil { position[name] = i }
            var first: [Int] = []
            for key in keys {
                guard let i = position[key] else {
                    let hint = nearest(to: key, in: names).map { "; did you mean '\($0)'?" } ?? ""
                    throw fail("order", "no \(axis == .rows ? "row" : "column") is named '\(key)'\(hint)")
                }
                guard !first.contains(i) else { throw fail("order", "'\(key)' is listed twice") }
                first.append(i)
            }
            let listed = Set(first)
            return (first + (0..<count).filter { !listed.contains($0) }, nil)
        }
    }

    /// `tree` with its observations renumbered by their position in its leaf order, so leaf k of
    /// the drawn tree is row k of the reordered panels.
    private static func relabelled(_ tree: Dendrogram) -> Dendrogram {
        var position = [Int](repeating: 0, count: tree.observationCount)
        for (k, observation) in tree.leafOrder.enumerated() { position[observation] = k }
        let n = tree.observationCount
        let merges = tree.merges.map { m in
            Merge(left: m.left < n ? position[m.left] : m.left, right: m.right < n ? position[m.right] : m.right,
                  distance: m.distance, size: m.size)
        }
        return Dendrogram(merges: merges, leafOrder: Array(0..<n), observationCount: n)
    }

    /// `panel` with its rows in `order`; unnamed rows keep their old indices as names.
    private static func reorderRows(_ panel: Panel, _ order: [Int]) -> Panel {
        let m = panel.matrix
        var values = [Double]()
        values.reserveCapacity(m.rows * m.columns)
        for r in order { for c in 0..<m.columns { values.append(m[r, c]) } }
        let names = panel.rowLabels ?? (0..<m.rows).map(String.init)
        return Panel(title: panel.title, matrix: Matrix(rows: m.rows, columns: m.columns, values: values),
                     rowLabels: order.map { names[$0] }, columnLabels: panel.columnLabels)
    }

    private static func transposed(_ panel: Panel) -> Panel {
        let m = panel.matrix
        var values = [Double]()
        values.reserveCapacity(m.rows * m.columns)
        for c in 0..<m.columns { for r in 0..<m.rows { values.append(m[r, c]) } }
        return Panel(title: panel.title, matrix: Matrix(rows: m.columns, columns: m.rows, values: values),
                     rowLabels: panel.columnLabels, columnLabels: panel.rowLabels)
    }
}
