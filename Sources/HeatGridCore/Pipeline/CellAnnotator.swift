import Foundation

/// Writes each cell's value inside it (seaborn's `annot`): one format for the whole figure, the
/// text black or white by contrast with the cell colour, and one font size for all, shrunk to fit
/// the cells (a figure whose cells are too small for legible labels is an error, not a smear).
struct CellAnnotator {
    let spec: AnnotationSpec
    let theme: Theme
    let measurer: any TextMeasurer
    /// Smallest legible size, in points.
    static let minimumSize = 2.5
    static let role = "cell-annotation"

    /// Labels for `values` in the spec's format; "auto" keeps two significant digits of the
    /// largest magnitude with one decimal count for all (0.0042, 0.0003; 0.95, 0.12; 120, 7).
    func labels(_ values: [Double], largest: Double) -> [String] {
        switch spec.tickFormat {
        case .automatic:
            let magnitude = largest > 0 ? Int(floor(log10(largest))) : 0
            let decimals = max(0, 1 - magnitude)
            return values.map { $0.isNaN ? "" : TickFormat.label($0, decimals: decimals) }
        case let format:
            return values.map { $0.isNaN ? "" : format.labels([$0])[0] }
        }
    }

    /// The annotations of one panel whose cells fill `box`.
    func annotate(_ matrix: Matrix, mapping: ColorMapping, box: Rect, largest: Double) throws -> [SceneItem] {
        let texts = labels(matrix.values, largest: largest)
        let cellWidth = box.width / Double(matrix.columns), cellHeight = box.height / Double(matrix.rows)
        var font = theme.font(size: spec.size ?? theme.tickLabelSize)
        var widths: [String: Double] = [:]
        for label in Set(texts) where !label.isEmpty { widths[label] = try measurer.measure(label, font: font).width }
        let height = try measurer.measure("0", font: font).height
        let widest = widths.values.max() ?? 0
        let scale = min(1, cellWidth * 0.88 / max(widest, 1e-9), cellHeight * 0.8 / height)
        guard font.size * scale >= Self.minimumSize else {
            let example = widths.max { $0.value < $1.value }?.key ?? ""
            throw HeatGridError.layout(message: String(format:
                "cell annotations do not fit: cells are %.1f pt wide and a label like '%@' needs %.1f pt at the smallest legible size (%.1f pt); make the figure larger, use fewer decimals (annotations.format) or turn annotations off",
                cellWidth, example, widest * Self.minimumSize / font.size, Self.minimumSize))
        }
        font.size *= scale
        var items: [SceneItem] = []
        items.reserveCapacity(texts.count)
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns {
                let label = texts[row * matrix.columns + column]
                guard !label.isEmpty else { continue }
                let value = matrix[row, column]
                let color = spec.fixedColor ?? Self.contrasting(mapping.color(for: value))
                let x = box.minX + (Double(column) + 0.5) * cellWidth, y = box.minY + (Double(row) + 0.5) * cellHeight
                items.append(.text(try TextPlacer(measurer: measurer, color: color)
                    .horizontal(label, font: font, x: x, align: .center, centerY: y, role: Self.role)))
            }
        }
        return items
    }

    /// Near-black or white, whichever has the higher WCAG contrast against `background`.
    static func contrasting(_ background: RGBA) -> RGBA {
        let dark = RGBA(hex: "#1a1a1a")!
        let l = background.luminance
        let againstWhite = 1.05 / (l + 0.05), againstDark = (l + 0.05) / (dark.luminance + 0.05)
        return againstWhite >= againstDark ? .white : dark
    }
}
