import HeatGridCore

/// `{"type": "region", "panel": "Retrieval", "rows": [18, 21], "columns": [6, 12], "label":
/// "retrieval heads", "color": "#hex"}`: a rectangle around a block of cells (the rows and columns
/// drawn from the first key to the last, keys as in `select.cells`), its label above the body
/// over the block, in room the layout reserves (above every panel, so titles stay level).
struct RegionMark: Mark {
    let type = "region"
    var summary: String { "a labelled rectangle around a block of cells" }
    var options: [PluginOption] {
        [PluginOption("panel", .string, default: "every panel", doc: "the panel's title"),
         PluginOption("rows", .list(.any), doc: "[first, last] row keys"),
         PluginOption("columns", .list(.any), doc: "[first, last] column keys"),
         PluginOption("label", .string, doc: "text above the body over the block"),
         PluginOption("color", .color, default: "the theme's text colour", doc: "rectangle colour"),
         PluginOption("width", .length, default: "1pt", doc: "line width")]
    }

    func prepare(_ context: MarkContext) throws -> any PreparedMark {
        let title = try context.option("panel", as: String.self)
        let panels = context.dataset.panels
        if let title, !panels.contains(where: { $0.title == title }) {
            throw context.error("panel", "no panel is titled '\(title)'; the panels are \(panels.map { "'\($0.title)'" }.joined(separator: ", "))")
        }
        func keys(_ name: String) throws -> [String] {
            guard case .list(let items)? = context.spec.options[name], items.count == 2 else {
                throw context.error(name, "expected [first, last] \(name == "rows" ? "row" : "column") keys")
            }
            return try items.map { item in
                switch item {
                case .string(let s): return s
                case .number(let n) where n == n.rounded(): return String(Int(n))
                default: throw context.error(name, "a key is a name or a whole index, found \(item)")
                }
            }
        }
        let (rowKeys, columnKeys) = (try keys("rows"), try keys("columns"))
        // The block in each panel it applies to: drawn positions from the first key to the last.
        var blocks: [Int: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = [:]
        for (i, panel) in panels.enumerated() where title == nil || panel.title == title {
            func span(_ keys: [String], _ names: [String], axis: String) throws -> ClosedRange<Int> {
                let positions = try keys.map { key -> Int in
                    guard let k = names.firstIndex(of: key) else {
                        throw context.error(axis, "panel '\(panel.title)' is \(panel.matrix.rows)x\(panel.matrix.columns) and has no \(axis == "rows" ? "row" : "column") '\(key)'")
                    }
                    return k
                }
                return positions.min()!...positions.max()!
            }
            blocks[i] = (try span(rowKeys, panel.rowKeys, axis: "rows"), try span(columnKeys, panel.columnKeys, axis: "columns"))
        }
        return Prepared(blocks: blocks, label: try context.option("label", as: String.self),
                        color: try context.option("color") ?? context.theme.textColor,
                        width: (try context.option("width", as: Length.self) ?? Length(points: 1)).points,
                        lineHeight: context.theme.tickLabelSize * 1.25, pad: context.theme.tickPad)
    }

    struct Prepared: PreparedMark {
        let blocks: [Int: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)]
        let label: String?
        let color: RGBA
        let width: Double
        let lineHeight: Double
        let pad: Double
        var legendSwatch: LegendSwatch { .outline(color, width: width) }

        /// Room for the label above every panel (not only the region's), so titles stay level.
        func sideComponents(panel: Int) throws -> [(side: Side, component: SideComponent)] {
            guard label != nil else { return [] }
            return [(.top, SideComponent(role: "label", thickness: 2 * pad + lineHeight))]
        }

        func draw(_ request: MarkRequest) throws -> [SceneItem] {
            guard let block = blocks[request.panelIndex] else { return [] }
            let cells = request.cells
            let first = cells.rect(row: block.rows.lowerBound, column: block.columns.lowerBound)
            let last = cells.rect(row: block.rows.upperBound, column: block.columns.upperBound)
            let box = Rect(x: first.minX + width / 2, y: first.minY + width / 2,
                           width: last.maxX - first.minX - width, height: last.maxY - first.minY - width)
            var items: [SceneItem] = [.rect(RectItem(rect: box, stroke: color, lineWidth: width))]
            let body = cells.body, font = request.text.font()
            // Over the block, kept within the body's width (cut with "…" when longer).
            if let offset = request.componentOffsets["label"], let label = try label.flatMap({ try request.text.fitted($0, font: font, width: body.width) }) {
                let size = try request.text.measure(label, font: font)
                let centre = min(max(box.midX, body.minX + size.width / 2), body.maxX - size.width / 2)
                items.append(try request.text.line(label, font: font, x: centre - size.width / 2,
                                                   top: body.minY - offset - pad - size.height, role: "mark-region-label"))
            }
            return items
        }
    }
}
