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
        /// What the panel enlarged shows besides its region (`InteractivePanel.enlargedLabels`),
        /// drawn over the theme's background that covers everything outside the region and `covers`.
        var enlargedLabels: [Label]
        var covers: [[Double]]
        /// What enlarging shows: the region and the enlarged labels.
        var zoom: [Double]
    }

    /// A label as SVG `<text>` places it, `[text, x, y, angle, anchor, size]`: the point on its
    /// baseline at `anchor` ("middle", "end"), so a browser font of another width still lines up.
    struct Label: Encodable {
        var text: String
        var x: Double
        var y: Double
        var angle: Double
        var anchor: String
        var size: Double

        init(_ item: TextItem) {
            text = item.text
            angle = item.angle
            size = item.font.size
            // y ticks end at the axis, and so do x ticks set upright; flat x ticks and titles centre.
            let share = item.role == "y-tick" || (item.role == "x-tick" && angle != 0) ? 1.0 : 0.5
            anchor = share == 1 ? "end" : "middle"
            let length = angle == 0 ? item.bounds.width : item.bounds.height
            let radians = angle * .pi / 180
            x = Self.rounded(item.origin.x + share * length * cos(radians))
            y = Self.rounded(item.origin.y - share * length * sin(radians))
        }

        func encode(to encoder: Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(text); try array.encode(x); try array.encode(y); try array.encode(angle); try array.encode(anchor)
            try array.encode(size)
        }

        private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    }

    /// The font family and colour of enlarged labels (a figure's labels share them).
    struct LabelFont: Encodable {
        var family: String
        var color: String
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
        /// Its line in the legend, where hovering highlights its cells.
        var row: [Double]?
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
    var labelFont: LabelFont?

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
                  marks: panel.markValues.map { Mark(name: $0.name, format: $0.format?.spec, values: block($0.values)) },
                  enlargedLabels: panel.enlargedLabels.map(Label.init), covers: panel.coveredWhenEnlarged.map(rect),
                  zoom: rect(panel.enlargedLabels.reduce(panel.region) { $0.union($1.bounds) }))
        }
        labelFont = model?.panels.lazy.flatMap(\.enlargedLabels).first.map {
            LabelFont(family: $0.font.family, color: $0.color.hex)
        }
        colorbars = (model?.colorbars ?? []).map { bar in
            Colorbar(frame: rect(bar.frame), vertical: bar.vertical, stops: bar.stops.map { [$0.position, $0.value] },
                     bins: bar.bins, clampsBelow: bar.clampsBelow, clampsAbove: bar.clampsAbove)
        }
        categories = model?.categories?.map { Category(name: $0.name, value: $0.value, row: $0.legendRow.map(rect)) }
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
