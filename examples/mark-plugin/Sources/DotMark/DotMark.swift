import Foundation
import HeatGridCore

@_cdecl("heatgrid_plugin_api_version")
public func heatgridPluginAPIVersion() -> Int32 { Int32(PluginAPI.version) }

@_cdecl("heatgrid_register_plugin")
public func heatgridRegisterPlugin(_ registry: UnsafeMutableRawPointer) {
    registry.assumingMemoryBound(to: PluginRegistry.self).pointee.register(mark: DotMark())
}

/// `{"type": "dots", "data": {"path": "sizes.csv", "value": "n"}, "color": "#ffffff"}`: a dot in
/// each cell (of `select`, or every cell) whose area is proportional to the second matrix's value,
/// the largest filling 90% of the cell's shorter side. Uses only the core's toolkit: options,
/// `loadMatrices` (the second matrix in drawing order) and `CellFrames` (where each cell is).
struct DotMark: Mark {
    let type = "dots"
    var summary: String { "a dot in each cell, its area following a second matrix" }
    var options: [PluginOption] {
        [PluginOption("data", .any, doc: "the second matrix: {\"path\": \"file\", \"value\": \"column\"} with the data's keys"),
         PluginOption("color", .color, default: "#ffffff", doc: "the dots' colour")]
    }

    func prepare(_ context: MarkContext) throws -> any PreparedMark {
        guard let source = context.spec.options["data"] else {
            throw context.error("data", "dots need \"data\": {\"path\": \"sizes.csv\", \"value\": \"n\"}")
        }
        let matrices = try context.loadMatrices(source, "\(context.spec.keyPath).data")
        let largest = matrices.flatMap(\.values).filter { $0.isFinite && $0 > 0 }.max() ?? 1
        return Dots(matrices: matrices, largest: largest, color: try context.option("color") ?? .white,
                    everyCell: context.spec.select == nil)
    }

    struct Dots: PreparedMark {
        let matrices: [Matrix]
        let largest: Double
        let color: RGBA
        let everyCell: Bool
        var legendSwatch: LegendSwatch { .fill(color) }

        func draw(_ request: MarkRequest) throws -> [SceneItem] {
            let sizes = matrices[request.panelIndex], cells = request.cells
            let full = 0.45 * min(cells.cellWidth, cells.cellHeight)
            var items: [SceneItem] = []
            for r in 0..<sizes.rows {
                for c in 0..<sizes.columns where everyCell || request.selection.contains(row: r, column: c) {
                    let value = sizes[r, c]
                    guard value.isFinite, value > 0 else { continue }
                    let radius = full * (min(value, largest) / largest).squareRoot()
                    let centre = cells.rect(row: r, column: c)
                    let points = (0..<24).map { k -> Point in
                        let angle = Double(k) / 24 * 2 * .pi
                        return Point(x: centre.midX + radius * cos(angle), y: centre.midY + radius * sin(angle))
                    }
                    items.append(.polygon(PolygonItem(points: points, fill: color, stroke: nil, lineWidth: 0, role: "dot")))
                }
            }
            return items
        }
    }
}
