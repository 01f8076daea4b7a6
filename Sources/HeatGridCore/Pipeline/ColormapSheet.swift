/// A reference sheet of colormaps: a catalog's groups (kind, then source), each under a heading
/// with its count, its maps in columns (read down, then across), every map's name beside its
/// colours, so users pick names by eye instead of hunting for them. Gradients show each table's
/// entries as bands, so a qualitative map shows its own few colours.
public struct ColormapSheet: Sendable {
    public var catalog: ColormapCatalog
    public var theme: Theme
    public var measurer: any TextMeasurer
    /// Columns of maps per group; fewer when the width cannot hold them.
    public var columns: Int

    public init(catalog: ColormapCatalog, theme: Theme = .paper, measurer: any TextMeasurer, columns: Int = 4) {
        self.catalog = catalog; self.theme = theme; self.measurer = measurer; self.columns = columns
    }

    /// A sheet of the given colormaps, grouped by their kind and source.
    public init(colormaps: [any Colormap], theme: Theme = .paper, measurer: any TextMeasurer, columns: Int = 4) {
        self.init(catalog: ColormapCatalog(colormaps: colormaps), theme: theme, measurer: measurer, columns: columns)
    }

    /// The sheet's scene, `width` points wide and as tall as its groups need.
    public func scene(width: Double = 720) throws -> Scene {
        let nameFont = theme.font(size: theme.axisTitleSize)
        let headingFont = theme.font(size: theme.titleSize, bold: true)
        let titleFont = theme.font(size: theme.titleSize + 2, bold: true)
        let text = TextPlacer(measurer: measurer, color: theme.textColor)
        let entries = catalog.entries
        let nameWidth = try entries.map { try measurer.measure($0.colormap.name, font: nameFont).width }.max() ?? 0
        let margin = theme.margin * 3, columnGap = nameFont.size * 2, nameGap = nameFont.size * 0.7
        let minimumBar = nameFont.size * 8
        let room = width - 2 * margin
        let fitting = Int((room + columnGap) / (nameWidth + nameGap + minimumBar + columnGap))
        guard fitting >= 1 else { throw HeatGridError.layout(message: "the colormap sheet is too narrow for its names") }
        let columnCount = min(max(columns, 1), fitting)
        let columnWidth = (room - Double(columnCount - 1) * columnGap) / Double(columnCount)
        let barWidth = columnWidth - nameWidth - nameGap
        let rowHeight = nameFont.size * 1.75, barHeight = nameFont.size * 1.15

        var items: [SceneItem] = []
        var y = margin
        let title = "HeatGrid \(catalog.kind.map { $0.rawValue + " " } ?? "")colormaps: \(entries.count) (each also reversed with _r)"
        items.append(.text(try text.horizontal(title, font: titleFont, x: margin, align: .start, top: y, role: "sheet-title")))
        y += titleFont.size * 1.6
        for group in catalog.groups {
            y += headingFont.size * 0.8
            let heading = "\((group.kind?.rawValue ?? "unclassified").capitalized) · \(group.source ?? "other sources") (\(group.entries.count))"
            items.append(.text(try text.horizontal(heading, font: headingFont, x: margin, align: .start, top: y,
                                                   role: "colormap-group")))
            y += headingFont.size * 1.7
            let rows = (group.entries.count + columnCount - 1) / columnCount
            for (index, entry) in group.entries.enumerated() {
                let x = margin + Double(index / rows) * (columnWidth + columnGap)
                let rowTop = y + Double(index % rows) * rowHeight
                items.append(.text(try text.horizontal(entry.colormap.name, font: nameFont, x: x, align: .start,
                                                       centerY: rowTop + rowHeight / 2, role: "colormap-name")))
                let steps = max(entry.colormap.resolution, 2)
                let colors = entry.colormap.bands(steps)
                let frame = Rect(x: x + nameWidth + nameGap, y: rowTop + (rowHeight - barHeight) / 2,
                                 width: barWidth, height: barHeight)
                items.append(.gradient(GradientItem(frame: frame, colors: colors, direction: .leftToRight)))
                items.append(.rect(RectItem(rect: frame, stroke: theme.axisColor, lineWidth: theme.frameWidth / 2)))
            }
            y += Double(rows) * rowHeight
        }
        return Scene(size: Size(width: width, height: y + margin), background: theme.background, items: items)
    }
}
