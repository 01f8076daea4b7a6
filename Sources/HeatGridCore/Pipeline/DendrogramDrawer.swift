/// Draws a clustering tree as scipy's and seaborn's dendrograms do: each merge is an elbow (two
/// legs from its children up to the merge's height, joined by a bar), leaves at the centres of
/// the cells they belong to, heights proportional to the merge distance with the root `depth`
/// away from the leaves. A node sits midway between its children.
struct DendrogramDrawer {
    let tree: Dendrogram
    let color: RGBA
    let lineWidth: Double

    /// The tree's lines. `point(along, height)` places a spot `along` the axis (in cells from the
    /// first, leaf k at k + 0.5) at `height` (0 at the leaves, 1 at the root) on the page.
    func lines(_ point: (Double, Double) -> Point) -> [SceneItem] {
        let n = tree.observationCount
        guard n > 1, let top = tree.merges.map(\.distance).max() else { return [] }
        let scale = top > 0 ? 1 / top : 0
        var along = (0..<n).map { Double($0) + 0.5 }, height = [Double](repeating: 0, count: n)
        var items: [SceneItem] = []
        func line(_ a: Point, _ b: Point) {
            items.append(.line(LineItem(from: a, to: b, color: color, width: lineWidth)))
        }
        for merge in tree.merges {
            let h = merge.distance * scale
            let (l, r) = (merge.left, merge.right)
            line(point(along[l], height[l]), point(along[l], h))
            line(point(along[r], height[r]), point(along[r], h))
            line(point(along[l], h), point(along[r], h))
            along.append((along[l] + along[r]) / 2)
            height.append(h)
        }
        return items
    }
}
