/// Geometry checks on a finished scene: the rules a publication figure must keep.
///
/// Every item must lie on the canvas, and no text may overlap any other item: another text, a
/// panel's cells, a colorbar (gradient, triangles, outline), a swatch or a tick mark. Items are
/// compared by their bounding boxes (a line's grown by half its width), found with a sweep over
/// the boxes sorted by their left edge, so the cost stays near n log n for thousands of labels.
public enum SceneCheck {
    /// A problem found in a scene, described for a user.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Every item's bounding box on the page with a name for messages; texts flagged.
    private struct Box {
        var rect: Rect
        var name: String
        var isText: Bool
    }

    /// Text whose role starts with this is placed inside a cell (not checked for overlap).
    public static let inCellRolePrefix = "cell-"

    /// Items leaving the canvas, and text overlapping any other item.
    public static func problems(in scene: Scene) -> [Problem] {
        let canvas = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        var boxes: [Box] = []
        for item in scene.items {
            switch item {
            case .text(let t):
                // In-cell text (roles "cell-...": annotations, marks' symbols) sits inside its cell by
                // construction, over cells and outlines on purpose; checking it against each other
                // would cost n² for big annotated matrices.
                guard !t.role.hasPrefix(Self.inCellRolePrefix) else { continue }
                boxes.append(Box(rect: t.bounds, name: "\(t.role) '\(t.text)'", isText: true))
            case .cells(let c): boxes.append(Box(rect: c.frame, name: "a panel's cells", isText: false))
            case .gradient(let g): boxes.append(Box(rect: g.frame, name: "the colorbar", isText: false))
            case .rect(let r):
                boxes.append(Box(rect: r.rect.grown(by: r.stroke == nil ? 0 : r.lineWidth / 2),
                                 name: r.fill == nil ? "a frame" : "a swatch", isText: false))
            case .polygon(let p):
                guard let bounds = Rect(enclosing: p.points) else { continue }
                boxes.append(Box(rect: bounds.grown(by: p.stroke == nil ? 0 : p.lineWidth / 2),
                                 name: p.role.isEmpty ? "a shape" : p.role, isText: false))
            case .line(let l):
                guard let bounds = Rect(enclosing: [l.from, l.to]) else { continue }
                boxes.append(Box(rect: bounds.grown(by: l.width / 2), name: "a tick mark", isText: false))
            }
        }
        var problems: [Problem] = []
        for box in boxes where !canvas.contains(box.rect, tolerance: 0.01) {
            problems.append(Problem(description: "\(box.name) does not fit on the canvas"))
        }
        // Sweep: boxes by left edge; each meets only those still open at its left edge.
        let order = boxes.indices.sorted { boxes[$0].rect.minX < boxes[$1].rect.minX }
        var open: [Int] = []
        for i in order {
            let box = boxes[i]
            open.removeAll { boxes[$0].rect.maxX <= box.rect.minX }
            for j in open where box.isText || boxes[j].isText {
                // Frames enclose their cells, and a frame or cells never overlap a tick mark on purpose.
                let other = boxes[j]
                if box.rect.shrunk(by: 0.01).overlaps(other.rect.shrunk(by: 0.01)) {
                    let (first, second) = j < i ? (other, box) : (box, other)
                    problems.append(Problem(description: "\(first.name) overlaps \(second.name)"))
                }
            }
            open.append(i)
        }
        return problems
    }

    /// Throws a layout error listing the first problems, if any.
    public static func requireFits(_ scene: Scene) throws {
        let found = problems(in: scene)
        guard !found.isEmpty else { return }
        let shown = found.prefix(3).map(\.description).joined(separator: "; ")
        let more = found.count > 3 ? " (and \(found.count - 3) more)" : ""
        throw HeatGridError.layout(message:
            "the figure does not fit its size: \(shown)\(more); make the figure larger or the text smaller")
    }
}

extension Rect {
    /// The smallest rectangle holding `points`, or nil for none.
    init?(enclosing points: [Point]) {
        guard let first = points.first else { return nil }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for p in points.dropFirst() {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// This rectangle with `amount` added on every side.
    func grown(by amount: Double) -> Rect {
        Rect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }

    /// This rectangle with `amount` taken off every side.
    func shrunk(by amount: Double) -> Rect { grown(by: -amount) }
}
