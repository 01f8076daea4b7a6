import HeatGridCore

/// Panels in a grid with square cells, aligned plot boxes and one shared colorbar (right or
/// bottom) or a colorbar per panel. One solver serves several arrangements, each its own
/// `layout.type`:
/// - `grid`: `rows x columns` (2x4 for 8 panels by default), filled by row or by column (`order`);
/// - `auto`: the grid shape that gives the biggest cells in the figure's size;
/// - `row` / `column`: all panels side by side / stacked;
/// - `template`: named areas like CSS grid-template-areas, so a panel can span several cells.
///
/// The solver (matplotlib's constrained layout without iteration, because every protrusion is
/// measured up front):
/// 1. Each grid column needs its panels' left protrusion (tick labels, plus the y title where
///    shown); each grid row needs its top (title) and bottom (ticks, plus the x title where shown).
/// 2. Cells are square, so one cell size `s` sets every plot box. `s` is the largest size for
///    which the boxes, the fixed protrusions, the spacing and the colorbar fit inside the margins.
/// 3. Leftover space first widens the gaps between panels (up to 1.5x the theme's spacing, so
///    long titles get air), the rest centres the grid. Boxes in a grid row share top and bottom
///    edges, boxes in a grid column share left and right edges.
public struct GridLayout: Layout {
    public let type: String

    /// The layout for `type`: "grid", "auto", "row", "column" or "template".
    public init(type: String = "grid") { self.type = type }

    /// Every arrangement, for registration.
    public static let all = ["grid", "auto", "row", "column", "template"].map(GridLayout.init(type:))

    /// Rows and columns for `count` panels from the spec (default: up to 4 columns).
    public static func shape(for count: Int, spec: LayoutSpec, specFile: String = "spec") throws -> (rows: Int, columns: Int) {
        for (key, value) in [("layout.rows", spec.rows), ("layout.columns", spec.columns)] {
            if let value, value < 1 {
                throw HeatGridError.spec(file: specFile, key: key, message: "expected a positive whole number, found \(value)")
            }
        }
        let columns = spec.columns ?? spec.rows.map { (count + $0 - 1) / $0 } ?? min(4, count)
        let rows = spec.rows ?? (count + columns - 1) / columns
        guard rows * columns >= count else {
            throw HeatGridError.spec(file: specFile, key: "layout",
                message: "a \(rows)x\(columns) grid holds \(rows * columns) panels but the data has \(count); raise layout.rows or layout.columns")
        }
        return (rows, columns)
    }

    public func place(_ request: LayoutRequest) throws -> FigureLayout {
        let count = request.panelShapes.count
        let spec = request.spec
        switch type {
        case "row":
            return try SlotGridSolver(request: request, arrangement: .filled(count: count, rows: 1, columns: count, order: .row)).place()
        case "column":
            return try SlotGridSolver(request: request, arrangement: .filled(count: count, rows: count, columns: 1, order: .row)).place()
        case "template":
            guard let areas = spec.areas else {
                throw HeatGridError.spec(file: request.specFile, key: "layout.areas",
                    message: "the template layout needs areas, e.g. [\"A A B C\", \"A A D E\"]")
            }
            let arrangement = try TemplateAreas.arrangement(areas, count: count, specFile: request.specFile)
            return try SlotGridSolver(request: request, arrangement: arrangement).place()
        case "auto":
            // Every column count; keep the one with the biggest cells (ties: fewer rows).
            var best: (cell: Double, layout: FigureLayout)?
            var lastError: Error?
            for columns in 1...max(count, 1) {
                let rows = (count + columns - 1) / columns
                guard (rows - 1) * columns < count else { continue }  // no empty last row
                do {
                    let solver = SlotGridSolver(request: request, arrangement: .filled(count: count, rows: rows, columns: columns, order: spec.order))
                    let layout = try solver.place()
                    let cell = layout.panels.first.map { $0.plotBox.width / Double(max(request.panelShapes[0].columns, 1)) } ?? 0
                    if best == nil || cell > best!.cell + 1e-9 { best = (cell, layout) }
                } catch { lastError = error }
            }
            guard let best else { throw lastError ?? HeatGridError.layout(message: "no grid shape fits") }
            return best.layout
        default:
            let (rows, columns) = try Self.shape(for: count, spec: spec, specFile: request.specFile)
            return try SlotGridSolver(request: request, arrangement: .filled(count: count, rows: rows, columns: columns, order: spec.order)).place()
        }
    }
}
