import Foundation
import HeatGridCore

/// What the page's script is told about the figure, as JSON in `<script id="hg-model">`: the
/// scene's size and background, each panel's geometry, names and value format, the colorbars, and
/// the ids of the `<script>` blocks holding the values (base64 Float32, `Float32Base64`), so the
/// model stays small however big the matrices are. Rectangles are `[x, y, width, height]` in
/// scene points.
struct PageModel: Encodable {
    struct Panel: Encodable {
        var title: String
        var body: [Double]
        var region: [Double]
        var rows: Int
        var columns: Int
        var blocks: [Block]
        var rowLabels: [String]?
        var columnLabels: [String]?
        var colorbar: Int?
        /// "plain", "sci", "si" or a printf pattern.
        var format: String
        /// The id of the element holding the values.
        var values: String
        var marks: [Mark]
    }

    struct Block: Encodable {
        var rect: [Double]
        var row: Int
        var column: Int
        var rows: Int
        var columns: Int
    }

    struct Mark: Encodable {
        var name: String
        var format: String?
        var values: String
    }

    struct Colorbar: Encodable {
        var frame: [Double]
        var vertical: Bool
        /// `[position, value]` pairs along the bar.
        var stops: [[Double]]
        var bins: Int?
        var clampsBelow: Bool
        var clampsAbove: Bool
    }

    struct Category: Encodable {
        var name: String
        var value: Double
    }

    var width: Double
    var height: Double
    /// The figure's background, `#rrggbb`.
    var background: String
    var rowName: String
    var columnName: String
    var valueName: String
    var panels: [Panel]
    var colorbars: [Colorbar]
    var categories: [Category]?

    /// The model of `scene`, with `blocks` receiving each value array's id and its encoded text
    /// (panels' values first, then marks'), in the order the page lists them.
    init(_ scene: Scene, blocks: inout [(id: String, base64: [UInt8])]) {
        func rect(_ r: Rect) -> [Double] { [r.x, r.y, r.width, r.height] }
        func block(_ values: [Double]) -> String {
            let id = "hg-data-\(blocks.count)"
            blocks.append((id, Float32Base64.encode(values)))
            return id
        }
        width = scene.size.width
        height = scene.size.height
        var opaque = scene.background
        opaque.alpha = 1
        background = opaque.hex
        let model = scene.interaction
        rowName = model?.rowName ?? "Row"
        columnName = model?.columnName ?? "Column"
        valueName = model?.valueName ?? "Value"
        panels = (model?.panels ?? []).map { panel in
            Panel(title: panel.title, body: rect(panel.body), region: rect(panel.region), rows: panel.rows, columns: panel.columns,
                  blocks: panel.blocks.map { Block(rect: rect($0.rect), row: $0.row, column: $0.column, rows: $0.rows, columns: $0.columns) },
                  rowLabels: panel.rowLabels, columnLabels: panel.columnLabels, colorbar: panel.colorbar,
                  format: panel.format.spec, values: block(panel.values),
                  marks: panel.markValues.map { Mark(name: $0.name, format: $0.format?.spec, values: block($0.values)) })
        }
        colorbars = (model?.colorbars ?? []).map { bar in
            Colorbar(frame: rect(bar.frame), vertical: bar.vertical, stops: bar.stops.map { [$0.position, $0.value] },
                     bins: bar.bins, clampsBelow: bar.clampsBelow, clampsAbove: bar.clampsAbove)
        }
        categories = model?.categories?.map { Category(name: $0.name, value: $0.value) }
    }

    /// The model as JSON safe inside a `<script>` element: every `<` escaped as `\u003c`, so no
    /// title or label can end the element; keys sorted, so the same figure gives the same bytes.
    func scriptJSON() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out: [UInt8] = []
        for byte in try encoder.encode(self) {
            if byte == UInt8(ascii: "<") { out += Array(#"\u003c"#.utf8) } else { out.append(byte) }
        }
        return out
    }
}
