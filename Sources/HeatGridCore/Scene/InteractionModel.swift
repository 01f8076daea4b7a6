/// The data behind a figure's picture, for outputs a reader can explore (the HTML page: tooltips,
/// colorbar bands, panel zoom): each panel's values with its row and column names and where its
/// cells are on the page, the colorbars' geometry and value scale, and the marks' second matrices.
///
/// The composer fills it in for every figure (`Scene.interaction`); static backends ignore it.
/// Its value arrays are the dataset's own (copy-on-write), so carrying it costs no copy of the data.
/// Coordinates are scene points, like every other item.
public struct InteractionModel: Sendable, Equatable, Codable {
    /// What a row and a column are called, as the axis titles show them ("Layer", "Head").
    public var rowName: String
    public var columnName: String
    /// What the values are: the colorbar's title ("Heads Importance").
    public var valueName: String
    /// The panels, in drawing order.
    public var panels: [InteractivePanel]
    /// The colorbars drawn (one shared, or one per panel, or none); panels refer to them by index.
    public var colorbars: [InteractiveColorbar]
    /// A categorical scale's categories: a cell holding `value` shows `name`. Nil for numbers.
    public var categories: [ScaleCategoryName]?

    public init(rowName: String, columnName: String, valueName: String, panels: [InteractivePanel],
                colorbars: [InteractiveColorbar], categories: [ScaleCategoryName]? = nil) {
        self.rowName = rowName; self.columnName = columnName; self.valueName = valueName
        self.panels = panels; self.colorbars = colorbars; self.categories = categories
    }
}

/// One panel of an `InteractionModel`.
public struct InteractivePanel: Sendable, Equatable, Codable {
    /// The panel's full title (the drawn one may be shrunk, wrapped or cut).
    public var title: String
    /// The cells' extent on the page.
    public var body: Rect
    /// The body with its title, tick labels, axis titles and own colorbar: what enlarging the panel shows.
    public var region: Rect
    /// Where the cells are: one block, or one per pair of row and column groups of a split.
    public var blocks: [CellBlock]
    public var rows: Int
    public var columns: Int
    /// `rows * columns` values, row-major, in drawing order; NaN for a bad or masked cell.
    public var values: [Double]
    /// The rows' and columns' names, or nil when they are known by their 0-based indices.
    public var rowLabels: [String]?
    public var columnLabels: [String]?
    /// The index of the colorbar that reads this panel's colours, or nil when none is drawn.
    public var colorbar: Int?
    /// How a value is printed: the colorbar's format (`automatic` resolved to plain or scientific
    /// as the bar's labels are).
    public var format: TickFormat
    /// Marks' values for these cells (e.g. the p-values behind significance stars).
    public var markValues: [MarkValues]
    /// Labels shown when the panel is enlarged on its own, so it reads alone: the tick labels a
    /// shared axis leaves to the outer panels, and axis titles centred on this panel, placed as an
    /// outer panel's would be.
    public var enlargedLabels: [TextItem]
    /// Where the enlarged view covers the figure with its background besides all that lies outside
    /// `region`: the bands of the (possibly shared) axis titles drawn beside the panel.
    public var coveredWhenEnlarged: [Rect]

    public init(title: String, body: Rect, region: Rect, blocks: [CellBlock], rows: Int, columns: Int, values: [Double],
                rowLabels: [String]?, columnLabels: [String]?, colorbar: Int?, format: TickFormat,
                markValues: [MarkValues] = [], enlargedLabels: [TextItem] = [], coveredWhenEnlarged: [Rect] = []) {
        precondition(values.count == rows * columns, "values must hold rows * columns entries")
        self.title = title; self.body = body; self.region = region; self.blocks = blocks
        self.rows = rows; self.columns = columns; self.values = values
        self.rowLabels = rowLabels; self.columnLabels = columnLabels
        self.colorbar = colorbar; self.format = format; self.markValues = markValues
        self.enlargedLabels = enlargedLabels; self.coveredWhenEnlarged = coveredWhenEnlarged
    }
}

/// A block of cells: its rectangle on the page and the first row and column it holds. The cell under
/// a page point follows arithmetically: `row + floor((y - rect.y) / rect.height * rows)`.
public struct CellBlock: Sendable, Equatable, Codable {
    public var rect: Rect
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int
    public init(rect: Rect, row: Int, column: Int, rows: Int, columns: Int) {
        self.rect = rect; self.row = row; self.column = column; self.rows = rows; self.columns = columns
    }
}

/// A colorbar of an `InteractionModel`: where the bar is and which value each point of it stands for.
public struct InteractiveColorbar: Sendable, Equatable, Codable {
    /// The gradient's rectangle (without extend triangles).
    public var frame: Rect
    /// Whether it runs bottom to top (else left to right).
    public var vertical: Bool
    /// Positions along the bar (0 at its start, 1 at its end) with the values there, ascending in
    /// position; values between two stops are interpolated linearly (the scale sampled finely enough).
    public var stops: [ColorbarStop]
    /// For a binned scale, the number of bins: each is an equal block of the bar and one band.
    public var bins: Int?
    /// Whether values below (above) the domain take the end colour (clamp), so a band at that end holds them too.
    public var clampsBelow: Bool
    public var clampsAbove: Bool

    public init(frame: Rect, vertical: Bool, stops: [ColorbarStop], bins: Int? = nil, clampsBelow: Bool, clampsAbove: Bool) {
        self.frame = frame; self.vertical = vertical; self.stops = stops; self.bins = bins
        self.clampsBelow = clampsBelow; self.clampsAbove = clampsAbove
    }
}

/// A value at a position along a colorbar.
public struct ColorbarStop: Sendable, Equatable, Codable {
    public var position: Double
    public var value: Double
    public init(position: Double, value: Double) { self.position = position; self.value = value }
}

/// A category's name and the value its cells hold.
public struct ScaleCategoryName: Sendable, Equatable, Codable {
    public var name: String
    public var value: Double
    /// The category's line in the legend (swatch and name), where the legend shows it.
    public var legendRow: Rect?
    public init(name: String, value: Double, legendRow: Rect? = nil) {
        self.name = name; self.value = value; self.legendRow = legendRow
    }
}

/// A mark's second matrix for one panel: what it is called ("p") and its values in drawing order.
public struct MarkValues: Sendable, Equatable, Codable {
    public var name: String
    /// `rows * columns` values, row-major like the panel's; NaN where the mark has none.
    public var values: [Double]
    /// How to print them (the mark's own format), or nil for full precision plain numbers.
    public var format: TickFormat?
    public init(name: String, values: [Double], format: TickFormat? = nil) {
        self.name = name; self.values = values; self.format = format
    }
}
