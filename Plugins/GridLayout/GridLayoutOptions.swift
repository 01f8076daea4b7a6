import HeatGridCore

/// What each arrangement reads from the spec's `layout` section (anything else there is an error
/// naming the key before the layout runs), and its line in `heatgrid describe`.
extension GridLayout {
    public var summary: String {
        switch type {
        case "auto": return "the grid shape (rows x columns) whose smallest body is biggest (with a free height: closest to golden landscape proportions)"
        case "row": return "all panels side by side in one row"
        case "column": return "all panels stacked in one column"
        case "template": return "named areas like CSS grid-template-areas, so a panel can span several grid cells"
        default: return "panels in a rows x columns grid, bodies aligned along grid rows and columns"
        }
    }

    public var options: [PluginOption] {
        let rows = PluginOption("rows", .integer, default: "enough for the panels",
                                doc: "grid rows (with only columns given: as many as the panels need)")
        let columns = PluginOption("columns", .integer, default: "up to 4",
                                   doc: "grid columns (with only rows given: as many as the panels need)")
        let order = PluginOption("order", .choice(LayoutSpec.Order.allCases.map(\.rawValue)), default: "row",
                                 doc: "fill the grid row by row or column by column")
        let areas = PluginOption("areas", .list(.string),
                                 doc: "template rows of area names, e.g. [\"A A B\", \"A A C\"]; \".\" leaves a slot empty")
        switch type {
        case "auto": return [order]
        case "row", "column": return []
        case "template": return [areas]
        default: return [rows, columns, order]
        }
    }
}
