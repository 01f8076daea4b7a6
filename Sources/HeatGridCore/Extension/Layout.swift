/// Where the shared legend area goes: right of the bodies (legends stacked top to bottom) or
/// below them (legends side by side).
public enum LegendPlacement: String, Sendable, Equatable, Codable {
    case right, bottom
}

/// What the figure's legend area needs: it holds the shared colorbar now (and categorical and
/// mark legends as they come), stacked without overlap by the core.
public struct LegendRequest: Sendable, Equatable {
    public var placement: LegendPlacement
    /// Gap between the bodies' decorations and the legend area.
    public var gap: Double
    /// The area's extent across the bodies' direction (a right area's width), labels included.
    public var thickness: Double
    /// The shortest the area may be along the bodies (a readable colorbar plus the legends after it).
    public var minimumLength: Double
    /// How far labels stick out past each end of the area along its length (half a tick label).
    public var endOverhang: Double

    public init(placement: LegendPlacement, gap: Double, thickness: Double, minimumLength: Double, endOverhang: Double) {
        self.placement = placement; self.gap = gap; self.thickness = thickness
        self.minimumLength = minimumLength; self.endOverhang = endOverhang
    }
}

/// One panel to place: its matrix shape, the gaps inside its body, and measured side stacks.
public struct LayoutPanel: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// The total height of the gaps between row blocks of a split (points): a fixed part of the
    /// body's height, the rest is `rows` cells.
    public var rowGaps: Double
    /// The total width of the gaps between column blocks of a split: a fixed part of the body's width.
    public var columnGaps: Double
    public var decorations: PanelDecorations

    public init(rows: Int, columns: Int, rowGaps: Double = 0, columnGaps: Double = 0, decorations: PanelDecorations) {
        self.rows = rows; self.columns = columns; self.rowGaps = rowGaps; self.columnGaps = columnGaps
        self.decorations = decorations
    }
}

/// What a layout places: panels with their matrix shapes and measured side stacks, and the legend
/// area. Lengths are in points.
public struct LayoutRequest: Sendable {
    /// The figure's width, and its height; with `autoHeight` the height is only the most the
    /// figure may take, and the layout returns the height its content needs.
    public var figureSize: Size
    /// Whether the height follows from the width and the content (`size.height: "auto"`).
    public var autoHeight: Bool
    /// Empty border kept around everything.
    public var margin: Double
    /// Space between neighbouring panels' decorations.
    public var spacing: Size
    /// The panels, in data order.
    public var panels: [LayoutPanel]
    /// The shared legend area, or nil when nothing goes there.
    public var legend: LegendRequest?
    /// How big cells are: the spec's `cells.aspect` and the theme's `minBody`.
    public var cellSizing: CellSizing
    /// The spec's `layout` section.
    public var spec: LayoutSpec
    /// The spec file, for error messages about `layout` keys.
    public var specFile: String

    public init(figureSize: Size, autoHeight: Bool = false, margin: Double, spacing: Size, panels: [LayoutPanel],
                legend: LegendRequest?, cellSizing: CellSizing = CellSizing(aspect: .square, minimumBody: 28),
                spec: LayoutSpec, specFile: String = "spec") {
        self.figureSize = figureSize; self.autoHeight = autoHeight; self.margin = margin; self.spacing = spacing
        self.panels = panels; self.legend = legend; self.cellSizing = cellSizing
        self.spec = spec; self.specFile = specFile
    }

    /// The smallest figure that holds the `fixed` extent of everything but the cells plus
    /// `columnCells` x `rowCells` cells of the size that gives the smallest body the theme's
    /// `minBody`, and the legend area at its minimum length. `fewestRows` and `fewestColumns` are
    /// the smallest body's cells (by default the panels' fewest; a layout sizing slots rather than
    /// cells passes 1).
    public func neededSize(fixed: Size, columnCells: Int, rowCells: Int, fewestRows: Int? = nil, fewestColumns: Int? = nil) -> Size {
        let fewestRows = Double(max(fewestRows ?? panels.map(\.rows).min() ?? 1, 1))
        let fewestColumns = Double(max(fewestColumns ?? panels.map(\.columns).min() ?? 1, 1))
        // A hair over the minimum, so the bodies at this size clear it despite rounding.
        let minimumBody = cellSizing.minimumBody * 1.005, smallestCell = CellSizing.smallestCell * 1.005
        var needed = Size(width: fixed.width + Double(columnCells) * max(minimumBody / fewestColumns, smallestCell),
                          height: fixed.height + Double(rowCells) * max(minimumBody / fewestRows, smallestCell))
        // The legend area's own minimum length, along the bodies.
        if let legend {
            let length = 2 * margin + legend.minimumLength + 2 * legend.endOverhang
            if legend.placement == .right { needed.height = max(needed.height, length) } else { needed.width = max(needed.width, length) }
        }
        return needed
    }

    /// The error for a figure too small for its content, naming the size that would hold it: the
    /// `fixed` extent of everything but the cells, plus `cells` cells of at least the size that
    /// gives the smallest body the theme's `minBody`.
    public func tooSmall(fixed: Size, columnCells: Int, rowCells: Int, what: String,
                         fewestRows: Int? = nil, fewestColumns: Int? = nil) -> HeatGridError {
        .tooSmall(FigureTooSmall(size: figureSize, autoHeight: autoHeight, what: what, fixed: fixed,
                                 needed: neededSize(fixed: fixed, columnCells: columnCells, rowCells: rowCells,
                                                    fewestRows: fewestRows, fewestColumns: fewestColumns)))
    }
}

/// Where one panel goes: its body (the cells) and the sides on which it is on the outer edge of
/// its grid (outer-only side components, e.g. shared tick labels, are drawn there only).
public struct PanelPlacement: Sendable, Equatable, Codable {
    /// The body, in points.
    public var body: Rect
    public var outer: SideSet
    /// For layouts that arrange panels in a grid: the grid row of the panel's bottom edge and the
    /// grid column of its left edge. Along a shared axis, panels of one grid row (column) get one
    /// x (y) axis title centred under (beside) them all; without these, each panel gets its own.
    public var gridRow: Int?
    public var gridColumn: Int?
    public init(body: Rect, outer: SideSet = .all, gridRow: Int? = nil, gridColumn: Int? = nil) {
        self.body = body; self.outer = outer; self.gridRow = gridRow; self.gridColumn = gridColumn
    }
}

/// A layout's answer: a placement per panel (same order as the request), the legend area, and the
/// figure's size (the request's, or with `autoHeight` the height the content needs).
public struct FigureLayout: Sendable, Equatable, Codable {
    public var size: Size
    public var panels: [PanelPlacement]
    /// Where the core stacks the legends (the shared colorbar first), or nil when none was asked.
    /// A right area spans the bodies' height (or the legend's minimum length, centred on them).
    public var legendArea: Rect?
    public init(size: Size, panels: [PanelPlacement], legendArea: Rect?) {
        self.size = size; self.panels = panels; self.legendArea = legendArea
    }
}

/// Places panel bodies and the legend area in the figure. Layouts work on measured side stacks
/// only; the core draws cells, ticks, labels and legends around the rectangles they return, so a
/// new layout is just geometry. Throw `HeatGridError.layout` naming what does not fit (see
/// `LayoutRequest.tooSmall`).
public protocol Layout: PluginDescribing {
    /// The `layout.type` it answers to.
    var type: String { get }
    /// Places the panels.
    func place(_ request: LayoutRequest) throws -> FigureLayout
}
