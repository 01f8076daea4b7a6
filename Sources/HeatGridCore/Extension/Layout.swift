/// How far a panel's decorations stick out of its plot box (GridLayoutBase-style protrusions),
/// measured with the real font. Axis titles are separate so a layout may show them only on
/// outer panels.
public struct PanelProtrusions: Sendable, Equatable {
    /// Title above the box.
    public var top: Double
    /// Tick marks and y tick labels left of the box.
    public var leftTicks: Double
    /// The (rotated) y axis title, left of the tick labels.
    public var leftTitle: Double
    /// Tick marks and x tick labels below the box.
    public var bottomTicks: Double
    /// The x axis title, below the tick labels.
    public var bottomTitle: Double
    /// Widest part of the panel title that overhangs the box on either side.
    public var titleOverhang: Double

    public init(top: Double, leftTicks: Double, leftTitle: Double, bottomTicks: Double,
                bottomTitle: Double, titleOverhang: Double) {
        self.top = top; self.leftTicks = leftTicks; self.leftTitle = leftTitle
        self.bottomTicks = bottomTicks; self.bottomTitle = bottomTitle; self.titleOverhang = titleOverhang
    }
}

/// Where colorbars go.
public enum ColorbarPlacement: String, Sendable, Equatable, Codable {
    /// One shared bar right of the panels, as tall as the plot boxes.
    case right
    /// One shared bar under the panels, as wide as the plot boxes.
    case bottom
    /// A bar right of every panel, as tall as its plot box.
    case eachPanel
}

/// The colorbar's needs: the bar's thickness, the gap before it, and how far its ticks, labels
/// and title stick out beyond the bar (to the right of a vertical bar, below a horizontal one).
public struct ColorbarProtrusions: Sendable, Equatable {
    public var barWidth: Double
    public var gap: Double
    public var outside: Double
    public var placement: ColorbarPlacement
    public init(barWidth: Double, gap: Double, outside: Double, placement: ColorbarPlacement = .right) {
        self.barWidth = barWidth; self.gap = gap; self.outside = outside; self.placement = placement
    }

    /// Everything the bar takes across its thickness: gap, bar and labels.
    public var total: Double { gap + barWidth + outside }
}

/// What a layout places: panels with their matrix shapes and measured decorations, and a colorbar.
public struct LayoutRequest: Sendable {
    /// Figure size in points.
    public var figureSize: Size
    /// Empty border kept around everything, in points.
    public var margin: Double
    /// Space between neighbouring panels' decorations, in points.
    public var spacing: Size
    /// Per panel: matrix rows and columns (cells are kept square).
    public var panelShapes: [(rows: Int, columns: Int)]
    /// Measured decorations (shared by all panels: same fonts and tick labels).
    public var panel: PanelProtrusions
    /// The colorbar, or nil when none is drawn.
    public var colorbar: ColorbarProtrusions?
    /// Which panels should show axis titles (all, or only outer ones).
    public var axisTitles: AxesSpec.TitlePlacement
    /// The spec's `layout` section.
    public var spec: LayoutSpec
    /// The spec file, for error messages about `layout` keys.
    public var specFile: String

    public init(figureSize: Size, margin: Double, spacing: Size, panelShapes: [(rows: Int, columns: Int)],
                panel: PanelProtrusions, colorbar: ColorbarProtrusions?, axisTitles: AxesSpec.TitlePlacement,
                spec: LayoutSpec, specFile: String = "spec") {
        self.figureSize = figureSize; self.margin = margin; self.spacing = spacing
        self.panelShapes = panelShapes; self.panel = panel; self.colorbar = colorbar
        self.axisTitles = axisTitles; self.spec = spec; self.specFile = specFile
    }
}

/// Where one panel goes and which of its axis titles are shown.
public struct PanelPlacement: Sendable, Equatable, Codable {
    /// The plot box (the cells), in points.
    public var plotBox: Rect
    public var showsXTitle: Bool
    public var showsYTitle: Bool
    public init(plotBox: Rect, showsXTitle: Bool, showsYTitle: Bool) {
        self.plotBox = plotBox; self.showsXTitle = showsXTitle; self.showsYTitle = showsYTitle
    }
}

/// A layout's answer: a placement per panel (same order as the request) and the colorbar's bar
/// (shared), or one bar per panel (`panelColorbars`, same order) for `.eachPanel`.
public struct FigureLayout: Sendable, Equatable, Codable {
    public var panels: [PanelPlacement]
    public var colorbar: Rect?
    public var panelColorbars: [Rect]
    public init(panels: [PanelPlacement], colorbar: Rect?, panelColorbars: [Rect] = []) {
        self.panels = panels; self.colorbar = colorbar; self.panelColorbars = panelColorbars
    }
}

/// Places panels and the colorbar in the figure. Layouts work on measured protrusions only; the
/// core draws cells, ticks and labels around the boxes they return, so a new layout is just
/// geometry. Throw `HeatGridError.layout` naming what does not fit.
public protocol Layout: PluginDescribing {
    /// The `layout.type` it answers to.
    var type: String { get }
    /// Places the panels.
    func place(_ request: LayoutRequest) throws -> FigureLayout
}
