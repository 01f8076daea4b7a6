/// A figure as a flat display list in points: what every backend draws, and what layout tests
/// inspect without pixels. It is a plain value and can be dumped as JSON.
public struct Scene: Sendable, Equatable, Codable {
    /// Figure size in points.
    public var size: Size
    /// Figure background.
    public var background: RGBA
    /// Items in drawing order.
    public var items: [SceneItem]
    /// The data behind the cells (values, row and column names, colorbar scales), for outputs a
    /// reader can explore (HTML); nil for scenes that are pictures only (a colormap sheet).
    public var interaction: InteractionModel?

    public init(size: Size, background: RGBA, items: [SceneItem] = [], interaction: InteractionModel? = nil) {
        self.size = size
        self.background = background
        self.items = items
        self.interaction = interaction
    }

    /// Every text item, in drawing order.
    public var texts: [TextItem] {
        items.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }

    /// Every cell grid, in drawing order.
    public var cellGrids: [CellGrid] {
        items.compactMap { if case .cells(let c) = $0 { c } else { nil } }
    }
}

/// One thing to draw.
public enum SceneItem: Sendable, Equatable, Codable {
    /// A filled and/or stroked rectangle.
    case rect(RectItem)
    /// A straight line segment.
    case line(LineItem)
    /// A grid of uniformly sized coloured cells (a heatmap panel).
    case cells(CellGrid)
    /// A linear colour gradient filling a rectangle (a colorbar).
    case gradient(GradientItem)
    /// A closed polygon (e.g. a colorbar's extend triangle).
    case polygon(PolygonItem)
    /// A line of text.
    case text(TextItem)
}

/// A rectangle, filled and/or stroked.
public struct RectItem: Sendable, Equatable, Codable {
    public var rect: Rect
    public var fill: RGBA?
    public var stroke: RGBA?
    public var lineWidth: Double
    public init(rect: Rect, fill: RGBA? = nil, stroke: RGBA? = nil, lineWidth: Double = 0) {
        self.rect = rect; self.fill = fill; self.stroke = stroke; self.lineWidth = lineWidth
    }
}

/// A line segment with butt caps.
public struct LineItem: Sendable, Equatable, Codable {
    public var from: Point
    public var to: Point
    public var color: RGBA
    public var width: Double
    public init(from: Point, to: Point, color: RGBA, width: Double) {
        self.from = from; self.to = to; self.color = color; self.width = width
    }
}

/// A closed polygon, filled and/or stroked.
public struct PolygonItem: Sendable, Equatable, Codable {
    public var points: [Point]
    public var fill: RGBA?
    public var stroke: RGBA?
    public var lineWidth: Double
    /// What it is, for tests and inspection ("colorbar-over", ...).
    public var role: String
    public init(points: [Point], fill: RGBA?, stroke: RGBA?, lineWidth: Double, role: String = "") {
        self.points = points; self.fill = fill; self.stroke = stroke; self.lineWidth = lineWidth; self.role = role
    }
}

/// `rows x columns` cells filling `frame`, row 0 at the top. Colours are 8-bit RGBA,
/// row-major, 4 bytes per cell: compact for big matrices and exactly what raster backends need.
public struct CellGrid: Sendable, Equatable, Codable {
    public var frame: Rect
    public var rows: Int
    public var columns: Int
    /// `rows * columns * 4` bytes: red, green, blue, alpha per cell.
    public var rgba: [UInt8]

    public init(frame: Rect, rows: Int, columns: Int, rgba: [UInt8]) {
        precondition(rgba.count == rows * columns * 4, "rgba must hold 4 bytes per cell")
        self.frame = frame; self.rows = rows; self.columns = columns; self.rgba = rgba
    }

    /// Whether every cell is fully opaque.
    public var isOpaque: Bool { stride(from: 3, to: rgba.count, by: 4).allSatisfy { rgba[$0] == 255 } }

    /// The centre of the cell at `row`, `column`, in points.
    public func center(row: Int, column: Int) -> Point {
        Point(x: frame.x + (Double(column) + 0.5) * frame.width / Double(columns),
              y: frame.y + (Double(row) + 0.5) * frame.height / Double(rows))
    }
}

/// A gradient through `colors` (evenly spaced) from one edge of `frame` to the other.
public struct GradientItem: Sendable, Equatable, Codable {
    public enum Direction: String, Sendable, Codable { case bottomToTop, leftToRight }
    public var frame: Rect
    public var colors: [RGBA]
    public var direction: Direction
    public init(frame: Rect, colors: [RGBA], direction: Direction) {
        self.frame = frame; self.colors = colors; self.direction = direction
    }
}

/// A font request: family (resolved by the text engine), size in points and weight, and the font
/// file the family must come from when the theme brings one. The file travels with every text
/// item, so a backend draws exactly what was measured with no process-wide font registry.
public struct FontSpec: Sendable, Hashable, Codable {
    public var family: String
    public var size: Double
    public var bold: Bool
    /// The theme's `fontFile` (absolute): the family is taken from this file rather than from the
    /// fonts installed on the machine. nil: installed fonts.
    public var file: String?
    public init(family: String, size: Double, bold: Bool = false, file: String? = nil) {
        self.family = family; self.size = size; self.bold = bold; self.file = file
    }
}

/// One line of text. `origin` is the start of the baseline; `angle` is in degrees,
/// counter-clockwise as seen on the page (90 = reading bottom to top). `bounds` is the
/// measured box on the page (font ascent to descent, advance width), used for collision tests.
public struct TextItem: Sendable, Equatable, Codable {
    public var text: String
    public var font: FontSpec
    public var origin: Point
    public var angle: Double
    public var color: RGBA
    public var bounds: Rect
    /// What the text labels (e.g. "panel-title", "x-tick"), for tests and debugging.
    public var role: String

    public init(text: String, font: FontSpec, origin: Point, angle: Double, color: RGBA,
                bounds: Rect, role: String) {
        self.text = text; self.font = font; self.origin = origin; self.angle = angle
        self.color = color; self.bounds = bounds; self.role = role
    }
}
