import Foundation

/// Draws over a figure's cells: outlines, masks, symbols, boxed regions, or a plugin's own. A spec's
/// `marks` list names them by `type`; each entry's `select` (which cells) and `legend` (an entry in
/// the legend area) are the core's, every other key is the mark's option (`options`, checked
/// before it runs, read with `MarkContext.option`).
///
/// A mark is prepared once per figure (read its options and any side data) and then asked to draw
/// each panel. Everything it draws is scene items in page points; the core hands it the cells'
/// geometry (`CellFrames`), so marks follow their cells through any order, split or layout.
public protocol Mark: PluginDescribing {
    /// The `marks[i].type` it answers to.
    var type: String { get }
    /// Reads the mark's options and side data, once per figure.
    func prepare(_ context: MarkContext) throws -> any PreparedMark
}

/// A mark ready to draw the panels of one figure.
public protocol PreparedMark: Sendable {
    /// Whether the selected cells are left undrawn (the background shows) and do not count for
    /// the colour scale's domain: a mask.
    var hidesSelection: Bool { get }
    /// Room the mark needs beside panel `panel`'s body (a label outside it), from the body outwards.
    func sideComponents(panel: Int) throws -> [(side: Side, component: SideComponent)]
    /// The items drawn over one panel's cells.
    func draw(_ request: MarkRequest) throws -> [SceneItem]
    /// What the mark's legend entry shows beside its `legend` text.
    var legendSwatch: LegendSwatch { get }
    /// The values behind what the mark draws in panel `panel`'s cells (e.g. the p-values behind
    /// significance stars), for outputs a reader can explore: an HTML tooltip lists them beside the
    /// cell's own value. Nil (the default) when the mark has none.
    func cellValues(panel: Int) -> MarkValues?
}

extension PreparedMark {
    public var hidesSelection: Bool { false }
    public func sideComponents(panel: Int) throws -> [(side: Side, component: SideComponent)] { [] }
    public var legendSwatch: LegendSwatch { .fill(RGBA(red: 0.5, green: 0.5, blue: 0.5)) }
    public func cellValues(panel: Int) -> MarkValues? { nil }
}

/// The picture beside a mark's legend text.
public enum LegendSwatch: Sendable, Equatable {
    /// An empty square outlined in this colour and width (points).
    case outline(RGBA, width: Double)
    /// A square filled with this colour.
    case fill(RGBA)
    /// This text (a symbol such as "***").
    case symbol(String)
}

/// What a mark is prepared with: its spec entry, the figure's data in drawing order, and the
/// core's helpers for options and second matrices.
public struct MarkContext: Sendable {
    public var spec: MarkSpec
    /// The figure's panels as drawn (ordered; names in `rowLabels` / `columnLabels`).
    public var dataset: Dataset
    /// Each panel's selected cells (`spec.select`), in drawing order.
    public var selections: [CellSelection]
    public var theme: Theme
    public var specFile: String
    public var baseURL: URL?
    /// Loads a second matrix for every panel (`{"path": ..., "value": ...}` with the data's keys),
    /// aligned to the panels as drawn; errors name the key `key`.
    public var loadMatrices: @Sendable (_ source: SpecValue, _ key: String) throws -> [Matrix]

    public init(spec: MarkSpec, dataset: Dataset, selections: [CellSelection], theme: Theme, specFile: String,
                baseURL: URL?, loadMatrices: @escaping @Sendable (SpecValue, String) throws -> [Matrix]) {
        self.spec = spec; self.dataset = dataset; self.selections = selections; self.theme = theme
        self.specFile = specFile; self.baseURL = baseURL; self.loadMatrices = loadMatrices
    }

    /// The mark option `name` (see `PluginSection.option`); errors name `marks[i].name`.
    public func option<Value: SpecOptionValue>(_ name: String, as _: Value.Type = Value.self) throws -> Value? {
        try spec.option(name, as: Value.self, specFile: specFile)
    }

    /// An error about the mark option `key`, for the plugin to throw.
    public func error(_ key: String, _ message: String) -> HeatGridError {
        .spec(file: specFile, key: "\(spec.keyPath).\(key)", message: message)
    }
}

/// One panel to draw a mark over.
public struct MarkRequest: Sendable {
    /// The panel's index, and the panel as drawn.
    public var panelIndex: Int
    public var panel: Panel
    /// Where its cells are on the page.
    public var cells: CellFrames
    /// The cells `select` chose in this panel.
    public var selection: CellSelection
    /// The panel's colours (for contrasting text).
    public var mapping: ColorMapping
    public var theme: Theme
    /// Measures and places text.
    public var text: MarkText
    /// Where each of the mark's side components starts, from the body, by role (shown ones only).
    public var componentOffsets: [String: Double]
}

/// Text for marks: measured with the figure's font, placed as real (searchable) text.
public struct MarkText: Sendable {
    let placer: TextPlacer
    let theme: Theme

    init(measurer: any TextMeasurer, theme: Theme) {
        placer = TextPlacer(measurer: measurer, color: theme.textColor); self.theme = theme
    }

    /// The theme's font at `size` points (the tick labels' size by default).
    public func font(size: Double? = nil) -> FontSpec { theme.font(size: size ?? theme.tickLabelSize) }

    /// The extent of `string` in `font`.
    public func measure(_ string: String, font: FontSpec) throws -> Size {
        let m = try placer.measurer.measure(string, font: font)
        return Size(width: m.width, height: m.height)
    }

    /// `string` centred on `center`, in `color`. Text inside a cell takes a role starting with
    /// "cell-" (`SceneCheck.inCellRolePrefix`): it lies over cells on purpose.
    public func centered(_ string: String, font: FontSpec, at center: Point, color: RGBA, role: String) throws -> SceneItem {
        var item = try placer.horizontal(string, font: font, x: center.x, align: .center, centerY: center.y, role: role)
        item.color = color
        return .text(item)
    }

    /// `string` starting at `left` (or ending there with `alignEnd`), its top at `top`.
    public func line(_ string: String, font: FontSpec, x: Double, alignEnd: Bool = false, top: Double, role: String) throws -> SceneItem {
        .text(try placer.horizontal(string, font: font, x: x, align: alignEnd ? .end : .start, top: top, role: role))
    }

    /// `string` on one line no wider than `width` (cut with "…" as titles are), or nil when not
    /// even its first character and the ellipsis fit.
    public func fitted(_ string: String, font: FontSpec, width: Double) throws -> String? {
        let line = try TextFitter(measurer: placer.measurer).lines(string, width: width, font: font, maxLines: 1)[0]
        return line == "…" && string != "…" ? nil : line
    }

    /// Black or white, whichever reads better on `background` (as cell annotations choose).
    public func contrasting(on background: RGBA) -> RGBA { CellAnnotator.contrasting(background) }
}
