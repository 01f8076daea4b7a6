import HeatGridCore

/// Collisions in a composed scene, found by a check written for the tests rather than by
/// `SceneCheck` (which the composer has already run, so asserting it again could never fail):
/// every text's bounds against every other text, every body (cell grid) and every colorbar
/// (gradient and extend triangles); bodies and colorbars against each other; everything inside the
/// canvas. Boxes that only touch, or overlap by less than `tolerance` points, do not collide.
public func collisions(in scene: Scene, tolerance: Double = 0.01) -> [String] {
    struct Box { var name: String; var x0, y0, x1, y1: Double }
    func box(_ name: String, _ r: Rect) -> Box { Box(name: name, x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height) }
    func collide(_ a: Box, _ b: Box) -> Bool {
        min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance && min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance
    }
    var texts: [Box] = [], drawn: [Box] = [], bodies = 0
    for item in scene.items {
        switch item {
        case .text(let t) where t.role != "cell-annotation": texts.append(box("\(t.role) '\(t.text)'", t.bounds))
        case .cells(let grid):
            drawn.append(box("body \(bodies)", grid.frame))
            bodies += 1
        case .gradient(let g): drawn.append(box("colorbar", g.frame))
        case .polygon(let p) where p.fill != nil && !p.points.isEmpty:
            let xs = p.points.map(\.x), ys = p.points.map(\.y)
            drawn.append(Box(name: p.role, x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!))
        default: break
        }
    }
    var found: [String] = []
    for b in texts + drawn where b.x0 < -tolerance || b.y0 < -tolerance
        || b.x1 > scene.size.width + tolerance || b.y1 > scene.size.height + tolerance {
        found.append("\(b.name) leaves the canvas")
    }
    for (i, a) in texts.enumerated() {
        for b in texts[(i + 1)...] + drawn where collide(a, b) { found.append("\(a.name) collides with \(b.name)") }
    }
    // (An extend triangle only touches its own gradient.)
    for (i, a) in drawn.enumerated() {
        for b in drawn[(i + 1)...] where collide(a, b) { found.append("\(a.name) collides with \(b.name)") }
    }
    return found
}
