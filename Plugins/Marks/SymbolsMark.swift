import Foundation
import HeatGridCore

/// `{"type": "symbols", "data": {"path": "pvalues.csv", "value": "p"}, "thresholds": [0.05, 0.01,
/// 0.001], "symbols": ["*", "**", "***"]}`: a second matrix with the data's keys; each cell (of
/// `select`, or every cell) gets the symbol of the smallest threshold its value is below, as real
/// text centred in the cell, black or white against the cell's colour. `"format": "%.2f"` instead
/// of symbols prints the second matrix's value.
struct SymbolsMark: Mark {
    let type = "symbols"
    var summary: String { "text from a second matrix in the cells: significance stars, or its values" }
    var options: [PluginOption] {
        [PluginOption("data", .any, doc: "the second matrix: {\"path\": \"file\", \"value\": \"column\"} with the data's keys"),
         PluginOption("thresholds", .list(.number), default: "[0.05, 0.01, 0.001]", doc: "descending; a value below one gets its symbol"),
         PluginOption("symbols", .list(.string), default: "[\"*\", \"**\", \"***\"]", doc: "one per threshold"),
         PluginOption("format", .string, doc: "print the value instead, e.g. \"%.2f\""),
         PluginOption("size", .number, default: "the tick labels' size", doc: "font size in points (shrunk to fit the cells)"),
         PluginOption("color", .color, default: "black or white by contrast", doc: "the text colour")]
    }

    func prepare(_ context: MarkContext) throws -> any PreparedMark {
        guard let source = context.spec.options["data"] else {
            throw context.error("data", "symbols need \"data\": {\"path\": \"pvalues.csv\", \"value\": \"p\"} (a second matrix)")
        }
        let thresholds = try context.option("thresholds", as: [Double].self) ?? [0.05, 0.01, 0.001]
        let symbols = try context.option("symbols", as: [String].self) ?? ["*", "**", "***"]
        let format = try context.option("format", as: String.self).map { text -> TickFormat in
            guard let format = TickFormat(spec: text) else { throw context.error("format", "expected a printf pattern like \"%.2f\", found '\(text)'") }
            return format
        }
        if format == nil {
            guard zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 > $1 }) else {
                throw context.error("thresholds", "thresholds must be descending (largest first, like [0.05, 0.01, 0.001]), found \(thresholds)")
            }
            guard symbols.count == thresholds.count else {
                throw context.error("symbols", "\(symbols.count) symbols for \(thresholds.count) thresholds; give one per threshold")
            }
        }
        let matrices = try context.loadMatrices(source, "\(context.spec.keyPath).data")
        // The second matrix's name for tooltips: its value column ("p"), else its file's name.
        var name = "value"
        if case .object(let object) = source {
            name = object["value"].flatMap(String.init(specValue:))
                ?? object["path"].flatMap(String.init(specValue:)).map { ($0 as NSString).lastPathComponent } ?? name
        }
        return Prepared(matrices: matrices, name: name, thresholds: thresholds, symbols: symbols, format: format,
                        size: try context.option("size", as: Double.self), color: try context.option("color"),
                        selectsAll: context.spec.select == nil)
    }

    struct Prepared: PreparedMark {
        let matrices: [Matrix]
        /// What the second matrix holds ("p").
        let name: String
        let thresholds: [Double]
        let symbols: [String]
        let format: TickFormat?
        let size: Double?
        let color: RGBA?
        let selectsAll: Bool
        var legendSwatch: LegendSwatch { .symbol(format == nil ? symbols.first ?? "*" : "0.0") }

        func cellValues(panel: Int) -> MarkValues? {
            MarkValues(name: name, values: matrices[panel].values, format: format)
        }

        /// The text for a second-matrix value: its symbol or formatted value ("" for none).
        func label(_ value: Double) -> String {
            guard value.isFinite else { return "" }
            if let format { return format.labels([value])[0] }
            return Array(zip(thresholds, symbols)).last { value < $0.0 }?.1 ?? ""
        }

        func draw(_ request: MarkRequest) throws -> [SceneItem] {
            let second = matrices[request.panelIndex], cells = request.cells
            var labels: [(row: Int, column: Int, text: String)] = []
            for r in 0..<second.rows {
                for c in 0..<second.columns where selectsAll || request.selection.contains(row: r, column: c) {
                    let text = label(second[r, c])
                    if !text.isEmpty { labels.append((r, c, text)) }
                }
            }
            guard !labels.isEmpty else { return [] }
            // One size for the panel, shrunk so the widest label fits a cell.
            var font = request.text.font(size: size)
            let widest = try Set(labels.map(\.text)).map { try request.text.measure($0, font: font) }
            let width = widest.map(\.width).max()!, height = widest.map(\.height).max()!
            let scale = min(1, cells.cellWidth * 0.9 / width, cells.cellHeight * 0.95 / height)
            guard font.size * scale >= 2.5 else {
                throw HeatGridError.layout(message: String(format: "symbols do not fit: cells are %.1f x %.1f pt and '%@' needs %.1f pt at the smallest legible size (2.5 pt); make the figure larger or use shorter symbols",
                                                           cells.cellWidth, cells.cellHeight, labels[0].text, width * 2.5 / font.size))
            }
            font.size *= scale
            return try labels.map { cell in
                let rect = cells.rect(row: cell.row, column: cell.column)
                let fill = request.mapping.color(for: request.panel.matrix[cell.row, cell.column])
                return try request.text.centered(cell.text, font: font, at: Point(x: rect.midX, y: rect.midY),
                                                 color: color ?? request.text.contrasting(on: fill), role: "cell-symbol")
            }
        }
    }
}
