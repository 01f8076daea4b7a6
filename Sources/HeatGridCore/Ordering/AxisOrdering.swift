import Foundation

/// Puts a dataset's rows and columns in the order the spec's `rows` and `columns` sections ask
/// for, the same order in every panel so a row (column) lines up across the grid:
/// - `cluster`: hierarchical clustering (`Clustering.cluster`) of the rows of the panels set side
///   by side (for columns: of the columns, stacked), or of the `orderBy` panel's alone;
/// - `mean` / `max`: largest first over the finite values of the same panels, ties in data order;
/// - a list of keys: those first, in that order, the others after in data order.
/// `orderBy: "each"` orders every panel by its own values instead (each then has its own ticks).
/// A `split` makes groups first: with `cluster` and a number k, the tree cut into k clusters
/// (runs of its leaf order); else k equal runs of the data order, or the groups a side file names
/// (in order of their first row). Each group is then ordered by the rule on its own (clustered
/// group by group, the trees drawn side by side).
/// Unnamed axes take their original indices as names, so the ticks keep telling which row is which.
public enum AxisOrdering {
    /// An ordered dataset, the clustering trees (in the new order's terms: leaf k is row k; a
    /// split clustered group by group gives one tree per group, side by side) and the groups of
    /// a split (consecutive in the new order).
    public struct Result: Sendable {
        public var dataset: Dataset
        public var rowTree: Dendrogram?
        public var columnTree: Dendrogram?
        public var rowGroups: Groups?
        public var columnGroups: Groups?
    }

    /// The groups of a split, in order along the axis: how many rows (columns) each holds, and
    /// its label (empty when the spec's `groupLabels` is false).
    public struct Groups: Sendable, Equatable {
        public var counts: [Int]
        public var labels: [String]
    }

    /// `dataset` named by the `labels` of `rows` and `columns` (files relative to `baseURL`) and
    /// in their order, split into their groups; errors name `specFile` and the key.
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
        if rows.order != .data || rows.split != nil {
            let ordered = try self.ordered(dataset, by: rows, axis: .rows, specFile: specFile, baseURL: baseURL)
            dataset.panels = ordered.panels
            (result.rowTree, result.rowGroups) = (ordered.tree, ordered.groups)
        }
        if columns.order != .data || columns.split != nil {
            let flipped = Dataset(panels: dataset.panels.map(transposed), rowName: dataset.columnName,
                                  columnName: dataset.rowName, valueName: dataset.valueName)
            let ordered = try self.ordered(flipped, by: columns, axis: .columns, specFile: specFile, baseURL: baseURL)
            dataset.panels = ordered.panels.map(transposed)
            (result.columnTree, result.columnGroups) = (ordered.tree, ordered.groups)
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
            return try LabelFile.read(folder(baseURL).resolvingSpecPath(path), displayPath: path, namedBy: "\(axis.rawValue).labels")
        }
    }

    private static func folder(_ baseURL: URL?) -> URL {
        baseURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `dataset`'s panels with their rows in the order `spec` asks for, group by group: one order
    /// for all, or with `orderBy: "each"` each panel its own (and no shared tree).
    private static func ordered(_ dataset: Dataset, by spec: OrderSpec, axis: Axis, specFile: String,
                                baseURL: URL?) throws -> (panels: [Panel], tree: Dendrogram?, groups: Groups?) {
        func fail(_ key: String, _ message: String) -> HeatGridError {
            .spec(file: specFile, key: "\(axis.rawValue).\(key)", message: message)
        }
        let counts = Set(dataset.panels.map(\.matrix.rows))
        guard counts.count == 1, let count = counts.first else {
            throw fail(spec.split != nil ? "split" : "order", "the panels have different numbers of \(axis.rawValue) (\(counts.sorted().map(String.init).joined(separator: ", "))), so no one \(spec.split != nil ? "split" : "order") fits them all")
        }
        let names = dataset.panels[0].rowKeys

        // A tree cut into k clusters: cluster all rows, then the clusters are runs of its leaf order.
        if case .count(let k) = spec.split, spec.order == .cluster {
            guard k <= count else { throw fail("split", "\(k) groups, but there are only \(count) \(axis.rawValue)") }
            let (order, tree) = try permutation(spec, of: dataset, members: Array(0..<count), axis: axis, specFile: specFile)
            let sizes = tree.map { clusterSizes($0, k: k) } ?? [count]
            let groups = try Groups(counts: sizes, labels: groupLabels(spec, (1...sizes.count).map(String.init), axis: axis, specFile: specFile))
            return (dataset.panels.map { reorderRows($0, order) }, tree, groups)
        }

        // The groups as runs of rows in data order, then each group ordered by itself.
        var members: [[Int]], labels: [String]
        switch spec.split {
        case nil:
            (members, labels) = ([Array(0..<count)], [""])
        case .count(let k):
            guard k <= count else { throw fail("split", "\(k) groups, but there are only \(count) \(axis.rawValue)") }
            members = (0..<k).map { g in Array((g * count / k)..<((g + 1) * count / k)) }
            labels = members.map { $0.count == 1 ? names[$0[0]] : "\(names[$0.first!])–\(names[$0.last!])" }
        case .file(let side):
            let table = try SideTable.read(folder(baseURL).resolvingSpecPath(side.path), displayPath: side.path,
                                           specKey: "\(axis.rawValue).split")
            let values = try table.values(of: side.column, byKey: side.key, for: names, specKey: "\(axis.rawValue).split",
                                          specFile: specFile)
            var index: [String: Int] = [:]
            (members, labels) = ([], [])
            for (row, value) in values.enumerated() {
                if let g = index[value] { members[g].append(row); continue }
                index[value] = members.count
                members.append([row]); labels.append(value)
            }
        }
        let groups = spec.split == nil ? nil
            : try Groups(counts: members.map(\.count), labels: groupLabels(spec, labels, axis: axis, specFile: specFile))

        // Rows left in their order (a split into runs, nothing else) stay unnamed if they were.
        func reordered(_ orders: [[Int]]) -> [Panel] {
            if orders.allSatisfy({ $0.elementsEqual(0..<count) }) { return dataset.panels }
            return zip(dataset.panels, orders).map { reorderRows($0, $1) }
        }
        guard spec.orderBy != OrderSpec.eachPanel else {
            var own = spec
            own.orderBy = nil
            let orders = try dataset.panels.map { panel in
                let single = Dataset(panels: [panel], rowName: dataset.rowName, columnName: dataset.columnName,
                                     valueName: dataset.valueName)
                return try members.flatMap { try permutation(own, of: single, members: $0, axis: axis, specFile: specFile).0 }
            }
            return (reordered(orders), nil, groups)
        }
        var order: [Int] = [], trees: [Dendrogram] = []
        for group in members {
            let (part, tree) = try permutation(spec, of: dataset, members: group, axis: axis, specFile: specFile)
            order += part
            if let tree { trees.append(tree) }
        }
        return (reordered(dataset.panels.map { _ in order }), trees.isEmpty ? nil : forest(trees), groups)
    }

    /// The labels `spec.groupLabels` gives the groups: the `automatic` ones, none, or its list.
    private static func groupLabels(_ spec: OrderSpec, _ automatic: [String], axis: Axis, specFile: String) throws -> [String] {
        switch spec.groupLabels {
        case .shown(true): return automatic
        case .shown(false): return automatic.map { _ in "" }
        case .list(let list):
            guard list.count == automatic.count else {
                throw HeatGridError.spec(file: specFile, key: "\(axis.rawValue).groupLabels",
                    message: "\(list.count) label\(list.count == 1 ? "" : "s"), but the split makes \(automatic.count) group\(automatic.count == 1 ? "" : "s")")
            }
            return list
        }
    }

    /// The sizes of the `k` clusters left when the top k - 1 merges of `tree` (leaves in order,
    /// as `relabelled` gives) are undone, in leaf order: scipy's `fcluster(..., k, "maxclust")`.
    static func clusterSizes(_ tree: Dendrogram, k: Int) -> [Int] {
        let n = tree.observationCount, merges = tree.merges
        guard k > 1, n > 1 else { return [n] }
        let kept = merges.count - (k - 1)   // merges below the cut
        var roots: [Int] = []
        for m in merges[kept...] {
            for child in [m.left, m.right] where child < n || child - n < kept { roots.append(child) }
        }
        // Each root's first leaf and size; runs of leaves since the tree's leaves are in order.
        func firstLeaf(_ node: Int) -> Int { node < n ? node : min(firstLeaf(merges[node - n].left), firstLeaf(merges[node - n].right)) }
        func size(_ node: Int) -> Int { node < n ? 1 : merges[node - n].size }
        return roots.sorted { firstLeaf($0) < firstLeaf($1) }.map(size)
    }

    /// Trees over consecutive runs of leaves (each with its leaves in order) as one forest: leaf
    /// ids shifted past the runs before, merge ids renumbered after all leaves.
    private static func forest(_ trees: [Dendrogram]) -> Dendrogram {
        let n = trees.reduce(0) { $0 + $1.observationCount }
        var merges: [Merge] = [], leafStart = 0
        for tree in trees {
            let m = tree.observationCount, mergeStart = merges.count
            func id(_ node: Int) -> Int { node < m ? leafStart + node : n + mergeStart + (node - m) }
            merges += tree.merges.map { Merge(left: id($0.left), right: id($0.right), distance: $0.distance, size: $0.size) }
            leafStart += m
        }
        return Dendrogram(merges: merges, leafOrder: Array(0..<n), observationCount: n)
    }

    /// The new order of `members` (rows of `dataset`, in data order) as old row indices, and
    /// the tree when clustered (relabelled: leaf k is the k-th row of the new order).
    private static func permutation(_ spec: OrderSpec, of dataset: Dataset, members: [Int], axis: Axis,
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
        let count = members.count
        // The panels side by side: row r of every panel, one after another.
        let width = panels.reduce(0) { $0 + $1.matrix.columns }
        func row(_ k: Int) -> [Double] {
            let r = members[k]
            return panels.flatMap { p in (0..<p.matrix.columns).map { p.matrix[r, $0] } }
        }
        switch spec.order {
        case .data:
            return (members, nil)
        case .cluster:
            let values = (0..<count).flatMap(row)
            let tree = try Clustering.cluster(values, rows: count, columns: width, method: spec.linkage,
                                              metric: spec.metric, optimalLeafOrder: spec.optimalLeafOrder)
            return (tree.leafOrder.map { members[$0] }, relabelled(tree))
        case .mean, .max:
            let scores = (0..<count).map { k -> Double in
                let finite = row(k).filter(\.isFinite)
                guard !finite.isEmpty else { return -.infinity }
                return spec.order == .mean ? finite.reduce(0, +) / Double(finite.count) : finite.max()!
            }
            return ((0..<count).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.map { members[$0] }, nil)
        case .keys(let keys):
            let all = dataset.panels[0].rowKeys
            var position: [String: Int] = [:]
            for (i, name) in all.enumerated() where position[name] == nil { position[name] = i }
            let inGroup = Set(members)
            var first: [Int] = []
            for key in keys {
                guard let i = position[key] else {
                    let hint = nearest(to: key, in: all).map { "; did you mean '\($0)'?" } ?? ""
                    throw fail("order", "no \(axis == .rows ? "row" : "column") is named '\(key)'\(hint)")
                }
                guard !first.contains(i) else { throw fail("order", "'\(key)' is listed twice") }
                if inGroup.contains(i) { first.append(i) }   // keys of other groups are ordered there
            }
            let listed = Set(first)
            return (first + members.filter { !listed.contains($0) }, nil)
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
        let names = panel.rowKeys
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
