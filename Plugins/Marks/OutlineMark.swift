import HeatGridCore

/// `{"type": "outline", "select": ..., "color": "#e31a1c", "width": "1pt"}`: one outline around
/// each edge-connected group of selected cells, on the cells' boundaries, inside the body.
struct OutlineMark: Mark {
    let type = "outline"
    var summary: String { "an outline around each group of selected cells" }
    var options: [PluginOption] {
        [PluginOption("color", .color, default: "#e31a1c", doc: "the outline's colour"),
         PluginOption("width", .length, default: "1pt", doc: "the line width (kept inside the selected cells)")]
    }

    func prepare(_ context: MarkContext) throws -> any PreparedMark {
        guard context.spec.select != nil else { throw context.error("select", "an outline needs \"select\" (which cells to outline)") }
        return Prepared(color: try context.option("color") ?? Self.defaultColor,
                        width: (try context.option("width", as: Length.self) ?? Length(points: 1)).points)
    }

    static let defaultColor = RGBA(hex: "#e31a1c")!

    struct Prepared: PreparedMark {
        let color: RGBA
        let width: Double
        var legendSwatch: LegendSwatch { .outline(color, width: width) }

        func draw(_ request: MarkRequest) throws -> [SceneItem] {
            CellOutline.loops(request.selection, on: request.cells, inset: width / 2).map {
                .polygon(PolygonItem(points: $0, fill: nil, stroke: color, lineWidth: width, role: "mark-outline"))
            }
        }
    }
}
