import Foundation
import HeatGridCore

/// Panels in a grid with aligned bodies and the legend area beside them. One solver serves
/// several arrangements, each its own `layout.type`:
/// - `grid`: `rows x columns` (2x4 for 8 panels by default), filled by row or by column (`order`);
/// - `auto`: the grid shape whose smallest body is biggest in the figure's size (with
///   `size.height: auto`, the one whose figure comes closest to golden landscape proportions);
/// - `row` / `column`: all panels side by side / stacked;
/// - `template`: named areas like CSS grid-template-areas, so a panel can span several cells.
///
/// The solver (matplotlib's constrained layout without iteration, because every side component
/// is measured up front):
/// 1. A panel with no neighbour on a side is *outer* there and shows that side's outer-only
///    components (shared tick labels, axis titles). Each grid column needs its panels' widest left
///    and right stacks; each grid row its tallest top and bottom stacks.
/// 2. All cells share one width and one height (`CellSizing`: square, a ratio, or filling the
///    room), the largest for which bodies, stacks, spacing and the legend area fit inside the
///    margins; with `size.height: auto` the cells set the height instead.
/// 3. Leftover space first widens the gaps between panels (up to 1.5x the theme's spacing, so
///    long titles get air), the rest centres the grid. Bodies in a grid row share top and bottom
///    edges, bodies in a grid column share left and right edges.
/// 4. The legend area sits beside the bodies, exactly as long as their extent, or its minimum
///    length centred on them.
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

    /// Every grid shape for `count` panels without an empty last row, by column count.
    private func shapes(_ count: Int) -> [(rows: Int, columns: Int)] {
        (1...max(count, 1)).map { ((count + $0 - 1) / $0, $0) }.filter { ($0.rows - 1) * $0.columns < count }
    }

    public func place(_ request: LayoutRequest) throws -> FigureLayout {
        let count = request.panels.count
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
            // Every column count; keep the best (ties: fewer columns).
            let solvers = shapes(count).map {
                SlotGridSolver(request: request, arrangement: .filled(count: count, rows: $0.rows, columns: $0.columns, order: spec.order))
            }
            var best: (score: Double, layout: FigureLayout)?
            var lastError: Error?
            for solver in solvers {
                do {
                    let layout = try solver.place()
                    // A fixed size: the biggest smallest body. A free height would always favour
                    // one tall column, so there the figure closest to golden landscape proportions.
                    // A full last row is preferred there too: a short one leaves a hole and
                    // repeats the shared x labels above it.
                    let arrangement = solver.arrangement
                    let score = request.autoHeight
                        ? -abs(log(layout.size.height * 1.618 / layout.size.width)) - (arrangement.rows * arrangement.columns > count ? 0.5 : 0)
                        : layout.panels.map { min($0.body.width, $0.body.height) }.min() ?? 0
                    if best == nil || score > best!.score + 1e-6 { best = (score, layout) }
                } catch { lastError = error }
            }
            if let best { return best.layout }
            // None fits: name the size that the least demanding shape would need.
            let needs = solvers.map { (solver: $0, size: $0.neededSize()) }
            let fitting = needs.filter { $0.size.width <= request.figureSize.width }
            let easiest = (fitting.isEmpty ? needs : fitting).min { a, b in
                fitting.isEmpty ? a.size.width * a.size.height < b.size.width * b.size.height : a.size.height < b.size.height
            }
            throw easiest?.solver.tooSmall() ?? lastError ?? HeatGridError.layout(message: "no grid shape fits")
        default:
            let (rows, columns) = try Self.shape(for: count, spec: spec, specFile: request.specFile)
            return try SlotGridSolver(request: request, arrangement: .filled(count: count, rows: rows, columns: columns, order: spec.order)).place()
        }
    }
}
