/// Geometry checks on a finished scene: the rules a publication figure must keep.
public enum SceneCheck {
    /// A problem found in a scene, described for a user.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Text leaving the canvas, text overlapping other text, or text over a plot box.
    public static func problems(in scene: Scene) -> [Problem] {
        let canvas = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        // Cell annotations sit inside their cells by construction; checking them pairwise would
        // cost n² for big annotated matrices.
        let texts = scene.texts.filter { $0.role != "cell-annotation" }
        var problems: [Problem] = []
        for t in texts where !canvas.contains(t.bounds, tolerance: 0.01) {
            problems.append(Problem(description: "\(t.role) '\(t.text)' does not fit on the canvas"))
        }
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].bounds.overlaps(texts[j].bounds) {
                problems.append(Problem(description:
                    "\(texts[i].role) '\(texts[i].text)' overlaps \(texts[j].role) '\(texts[j].text)'"))
            }
        }
        for grid in scene.cellGrids {
            for t in texts where t.bounds.overlaps(grid.frame) {
                problems.append(Problem(description: "\(t.role) '\(t.text)' overlaps a panel's cells"))
            }
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
