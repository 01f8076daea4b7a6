import HeatGridCore

/// `{"type": "mask", "select": {"triangle": "upper"}}`: the selected cells are not drawn (the
/// background shows), or are filled with `fill`, or hatched (`"pattern": "hatch"`); they leave the
/// data, so they count for neither the colour domain nor percentiles.
struct MaskMark: Mark {
    let type = "mask"
    var summary: String { "leave selected cells out: background, a fill or a hatch" }
    var options: [PluginOption] {
        [PluginOption("fill", .color, doc: "a colour for the masked cells (default: the background shows)"),
         PluginOption("pattern", .choice(["none", "hatch"]), default: "none", doc: "hatch the masked cells"),
         PluginOption("color", .color, default: "the theme's axis colour", doc: "the hatch lines' colour")]
    }

    func prepare(_ context: MarkContext) throws -> any PreparedMark {
        guard context.spec.select != nil else { throw context.error("select", "a mask needs \"select\" (which cells to leave out)") }
        return Prepared(fill: try context.option("fill"), hatch: try context.option("pattern", as: String.self) == "hatch",
                        color: try context.option("color") ?? context.theme.axisColor, background: context.theme.background)
    }

    struct Prepared: PreparedMark {
        let fill: RGBA?
        let hatch: Bool
        let color: RGBA
        let background: RGBA
        var hidesSelection: Bool { true }
        var legendSwatch: LegendSwatch { .fill(fill ?? background) }

        func draw(_ request: MarkRequest) throws -> [SceneItem] {
            let selection = request.selection, cells = request.cells
            var items: [SceneItem] = []
            if let fill {
                // One rectangle per run of masked cells along a row (within a block).
                for r in 0..<selection.rows {
                    var c = 0
                    while c < selection.columns {
                        guard selection.contains(row: r, column: c) else { c += 1; continue }
                        var end = c + 1
                        while end < selection.columns, selection.contains(row: r, column: end), cells.sameBlock(column: c, end) { end += 1 }
                        let first = cells.rect(row: r, column: c), last = cells.rect(row: r, column: end - 1)
                        items.append(.rect(RectItem(rect: Rect(x: first.minX, y: first.minY, width: last.maxX - first.minX, height: first.height),
                                                    fill: fill)))
                        c = end
                    }
                }
            }
            if hatch {
                let width = max(0.25, request.theme.tickWidth)
                for r in 0..<selection.rows {
                    for c in 0..<selection.columns where selection.contains(row: r, column: c) {
                        let cell = cells.rect(row: r, column: c)
                        items.append(.line(LineItem(from: Point(x: cell.minX, y: cell.maxY), to: Point(x: cell.maxX, y: cell.minY),
                                                    color: color, width: width)))
                    }
                }
            }
            return items
        }
    }
}
