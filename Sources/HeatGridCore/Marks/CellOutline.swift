/// The outline of selected cells: one closed polygon around each group of edge-connected selected
/// cells (a merged outline, not a box per cell), on the cells' exact boundaries, for marks.
///
/// Algorithm: every side of a selected cell whose neighbour is not selected (or lies across a
/// split's gap) is a boundary edge, directed clockwise on the page (the cells on its right). Edges
/// are chained end to start into loops; where two loops touch at a corner (cells meeting only
/// diagonally) the walk turns right, so diagonal neighbours stay separate groups. Collinear runs
/// become single sides. Linear in the number of selected cells. Holes come out as their own loops,
/// running the other way, so an inset moves every side into the selected cells.
public enum CellOutline {
    /// The loops around `selection`'s groups on `cells`, each moved `inset` points into its cells
    /// (half a stroke width keeps the stroke inside the selected cells and the body).
    public static func loops(_ selection: CellSelection, on cells: CellFrames, inset: Double = 0) -> [[Point]] {
        struct Vertex: Hashable { var x, y, blockRow, blockColumn: Int }
        struct Edge { var from, to: Vertex }
        func selected(_ r: Int, _ c: Int, like r0: Int, _ c0: Int) -> Bool {
            selection.contains(row: r, column: c) && cells.sameBlock(row: r, r0) && cells.sameBlock(column: c, c0)
        }
        var edges: [Edge] = [], starting: [Vertex: [Int]] = [:]
        func add(_ a: (Int, Int), _ b: (Int, Int), _ br: Int, _ bc: Int) {
            let edge = Edge(from: Vertex(x: a.0, y: a.1, blockRow: br, blockColumn: bc),
                            to: Vertex(x: b.0, y: b.1, blockRow: br, blockColumn: bc))
            starting[edge.from, default: []].append(edges.count)
            edges.append(edge)
        }
        for r in 0..<selection.rows {
            for c in 0..<selection.columns where selection.contains(row: r, column: c) {
                let br = cells.rowBlocks.block(of: r), bc = cells.columnBlocks.block(of: c)
                if !selected(r - 1, c, like: r, c) { add((c, r), (c + 1, r), br, bc) }
                if !selected(r, c + 1, like: r, c) { add((c + 1, r), (c + 1, r + 1), br, bc) }
                if !selected(r + 1, c, like: r, c) { add((c + 1, r + 1), (c, r + 1), br, bc) }
                if !selected(r, c - 1, like: r, c) { add((c, r + 1), (c, r), br, bc) }
            }
        }
        // Page position of a corner, in the block its loop belongs to.
        func point(_ v: Vertex) -> Point {
            let rows = cells.rowBlocks.ranges[v.blockRow], columns = cells.columnBlocks.ranges[v.blockColumn]
            let x = cells.columnSpan(columns).start + Double(v.x - columns.lowerBound) * cells.cellWidth
            let y = cells.rowSpan(rows).start + Double(v.y - rows.lowerBound) * cells.cellHeight
            return Point(x: x, y: y)
        }
        func direction(_ e: Edge) -> (Int, Int) { (e.to.x - e.from.x, e.to.y - e.from.y) }
        var used = [Bool](repeating: false, count: edges.count)
        var loops: [[Point]] = []
        for first in edges.indices where !used[first] {
            var corners: [Vertex] = [], directions: [(Int, Int)] = []
            var current = first
            while !used[current] {
                used[current] = true
                let edge = edges[current], d = direction(edge)
                // Keep a corner only where the direction changes.
                if directions.last.map({ $0 != d }) ?? true { corners.append(edge.from); directions.append(d) }
                let candidates = (starting[edge.to] ?? []).filter { !used[$0] || $0 == first }
                // Right turn first (y grows downwards: right of (dx, dy) is (-dy, dx)), then straight, then left.
                let preference = [(-d.1, d.0), d, (d.1, -d.0)]
                guard let next = preference.lazy.compactMap({ want in candidates.first { direction(edges[$0]) == want } }).first
                else { break }
                current = next
            }
            // The first corner is a straight continuation when the loop ends going its way.
            if directions.count > 1, directions.first! == directions.last! { corners.removeFirst(); directions.removeFirst() }
            let n = corners.count
            guard n >= 4 else { continue }
            loops.append((0..<n).map { k in
                // Each corner moves inwards along both sides' normals (the cells are on the right).
                let incoming = directions[(k + n - 1) % n], outgoing = directions[k]
                let nx = Double(-incoming.1 - outgoing.1), ny = Double(incoming.0 + outgoing.0)
                let p = point(corners[k])
                return Point(x: p.x + nx * inset, y: p.y + ny * inset)
            })
        }
        return loops
    }
}
