import Foundation

/// A figure described declaratively (Vega-Lite style): data, scale, colormap, layout, colorbar,
/// axes, theme and size, each its own section. Every key but `data.path` has a default; unknown
/// keys are errors that name the nearest valid key.
public struct FigureSpec: Sendable, Equatable, Codable {
    public var data: DataSpec
    public var scale: ScaleSpec
    /// Colormap name, file, or object with special colours.
    public var colormap: ColormapSpec
    public var layout: LayoutSpec
    /// The cells' proportions (`cells.aspect`).
    public var cells: CellsSpec = CellsSpec()
    /// Marks drawn over the cells, in order (outlines, masks, symbols, regions, plugins').
    public var marks: [MarkSpec] = []
    /// The rows' order (and dendrogram).
    public var rows: OrderSpec = OrderSpec()
    /// The columns' order (and dendrogram).
    public var columns: OrderSpec = OrderSpec()
    public var colorbar: ColorbarSpec
    public var axes: AxesSpec
    /// Built-in theme name ("paper") or a path to a theme JSON file, relative to the spec: the
    /// `theme` key's string, or its object's `base`.
    public var theme: String
    /// Theme keys set on top of `theme`, from the object form of the key:
    /// `"theme": {"base": "presentation", "titleSize": 14}`.
    public var themeOverrides: ThemeOverrides = ThemeOverrides()
    public var size: SizeSpec
    /// Document title for PDF/SVG metadata.
    public var title: String?
    /// PNG resolution in dots per inch (default 300; `--dpi` overrides); also sets the size of `px` lengths.
    public var dpi: Double?
    /// Runtime plugin libraries (.so) or folders of them, relative to the spec, loaded before the
    /// figure is built so the spec can name their layouts, colormaps, scales, sources or formats.
    public var plugins: [String]?
    /// Each cell's value written inside it; nil for none.
    public var annotations: AnnotationSpec?
    /// Options for SVG output (`"svg": {"text": "text"}` writes editable text).
    public var svg: SVGSpec = SVGSpec()

    public init(data: DataSpec, scale: ScaleSpec = .init(), colormap: ColormapSpec = "viridis",
                layout: LayoutSpec = .init(), colorbar: ColorbarSpec = .init(), axes: AxesSpec = .init(),
                theme: String = "paper", size: SizeSpec = .init(), title: String? = nil, dpi: Double? = nil,
                plugins: [String]? = nil) {
        self.data = data; self.scale = scale; self.colormap = colormap; self.layout = layout
        self.colorbar = colorbar; self.axes = axes; self.theme = theme; self.size = size; self.title = title
        self.dpi = dpi; self.plugins = plugins
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case data, scale, colormap, layout, cells, rows, columns, colorbar, axes, theme, size, title, dpi, plugins, annotations, svg, marks
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FigureSpec(data: DataSpec(path: ""))
        data = try c.decode(DataSpec.self, forKey: .data)
        scale = try c.decodeIfPresent(ScaleSpec.self, forKey: .scale) ?? defaults.scale
        colormap = try c.decodeIfPresent(ColormapSpec.self, forKey: .colormap) ?? defaults.colormap
        layout = try c.decodeIfPresent(LayoutSpec.self, forKey: .layout) ?? defaults.layout
        cells = try c.decodeIfPresent(CellsSpec.self, forKey: .cells) ?? CellsSpec()
        rows = try c.decodeIfPresent(OrderSpec.self, forKey: .rows) ?? OrderSpec()
        columns = try c.decodeIfPresent(OrderSpec.self, forKey: .columns) ?? OrderSpec()
        colorbar = try c.decodeIfPresent(ColorbarSpec.self, forKey: .colorbar) ?? defaults.colorbar
        axes = try c.decodeIfPresent(AxesSpec.self, forKey: .axes) ?? defaults.axes
        let themeSpec = try c.decodeIfPresent(ThemeSpec.self, forKey: .theme)
        theme = themeSpec?.base ?? defaults.theme
        themeOverrides = themeSpec?.overrides ?? ThemeOverrides()
        svg = try c.decodeIfPresent(SVGSpec.self, forKey: .svg) ?? SVGSpec()
        size = try c.decodeIfPresent(SizeSpec.self, forKey: .size) ?? defaults.size
        title = try c.decodeIfPresent(String.self, forKey: .title)
        dpi = try c.decodeIfPresent(Double.self, forKey: .dpi)
        annotations = try c.decodeIfPresent(OptionalAnnotations.self, forKey: .annotations)?.value
        plugins = try c.decodeIfPresent([String].self, forKey: .plugins)
        marks = try c.decodeIfPresent([MarkSpec].self, forKey: .marks) ?? []
        for i in marks.indices { marks[i].index = i }
        if let dpi, !Resolution.accepted.contains(dpi) {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.dpi], debugDescription: Resolution.refusal(dpi)))
        }
    }
}

/// What to do with cells the data does not give.
public enum MissingCellPolicy: String, Sendable, Codable, CaseIterable {
    /// A gap in long-form data is an error naming the first missing cell.
    case error
    /// Gaps are drawn in the theme's bad colour.
    case bad
}

/// The `data` section: which file, and how to read it.
public struct DataSpec: Sendable, Equatable, Codable, PluginSection {
    /// Data file, relative to the spec file.
    public var path: String
    /// Source format ("csv", "matrix", "json"); by default chosen from the file extension.
    public var format: String?
    /// Every other key as written: the chosen source's options, checked against its declaration
    /// before the file is read. The CSV source's keys read typed below.
    public var options: [String: SpecValue]

    public static let key = "data"
    public static let coreKeys = ["path", "format"]

    /// Long-form column holding the panel name (omit for a single panel).
    public var panel: String? { get { string("panel") } set { options["panel"] = newValue?.specValue } }
    /// Long-form column holding the row key: a 0-based index, or a name.
    public var row: String? { get { string("row") } set { options["row"] = newValue?.specValue } }
    /// Long-form column holding the column key: a 0-based index, or a name.
    public var column: String? { get { string("column") } set { options["column"] = newValue?.specValue } }
    /// Long-form column holding the value.
    public var value: String? { get { string("value") } set { options["value"] = newValue?.specValue } }
    /// Gaps in long-form data: "error" (default) or "bad".
    public var missing: MissingCellPolicy {
        get { string("missing").flatMap(MissingCellPolicy.init(rawValue:)) ?? .error }
        set { options["missing"] = .string(newValue.rawValue) }
    }

    private func string(_ key: String) -> String? { options[key].flatMap(String.init(specValue:)) }

    /// A data section; the CSV source's keys are set only when given.
    public init(path: String, format: String? = nil, panel: String? = nil, row: String? = nil,
                column: String? = nil, value: String? = nil, missing: MissingCellPolicy? = nil,
                options: [String: SpecValue] = [:]) {
        self.path = path; self.format = format; self.options = options
        for (key, name) in [("panel", panel), ("row", row), ("column", column), ("value", value)] {
            if let name { self.options[key] = .string(name) }
        }
        if let missing { self.missing = missing }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case path, format, panel, row, column, value, missing
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        options = try decoder.pluginOptions(excluding: Self.coreKeys)
        // The CSV source's keys keep their types whichever source is chosen.
        for key in [CodingKeys.panel, .row, .column, .value] { _ = try c.decodeIfPresent(String.self, forKey: key) }
        _ = try c.decodeIfPresent(MissingCellPolicy.self, forKey: .missing)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(format, forKey: .format)
        try encoder.encodePluginOptions(options)
    }
}

/// One axis of every panel.
public struct AxisSpec: Sendable, Equatable, Codable {
    /// Axis title; by default the data's row or column name.
    public var title: String?
    /// Distance between ticks in cells (ticks at 0, step, 2*step, ...); by default a nice step.
    public var tickStep: Int?

    public init(title: String? = nil, tickStep: Int? = nil) { self.title = title; self.tickStep = tickStep }

    enum CodingKeys: String, CodingKey, CaseIterable { case title, tickStep }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        tickStep = try c.decodeIfPresent(Int.self, forKey: .tickStep)
        if let step = tickStep, step < 1 {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.tickStep],
                debugDescription: "expected a positive whole number of cells, found \(step)"))
        }
    }
}

/// The `axes` section.
public struct AxesSpec: Sendable, Equatable, Codable {
    /// Which panels show axis titles: "all" panels, or only the "outer" ones (left column, bottom row).
    public enum TitlePlacement: String, Sendable, Codable, CaseIterable { case all, outer }

    /// Which panels share axes: tick labels and the axis title then appear on the outer panels
    /// only, the title centred once along the grid's edge.
    public enum Sharing: String, Sendable, Codable, CaseIterable {
        /// `both` where the panels' shapes agree: rows share the y axis when every panel has the
        /// same number of rows, columns share the x axis when every panel has the same number of columns.
        case auto
        case none
        /// Panels in a grid row share the y axis (labels on the left edge).
        case rows
        /// Panels in a grid column share the x axis (labels on the bottom edge).
        case columns
        case both
    }

    public var x: AxisSpec
    public var y: AxisSpec
    public var titles: TitlePlacement
    public var shared: Sharing

    public init(x: AxisSpec = .init(), y: AxisSpec = .init(), titles: TitlePlacement = .all, shared: Sharing = .auto) {
        self.x = x; self.y = y; self.titles = titles; self.shared = shared
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case x, y, titles, shared }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        x = try c.decodeIfPresent(AxisSpec.self, forKey: .x) ?? .init()
        y = try c.decodeIfPresent(AxisSpec.self, forKey: .y) ?? .init()
        titles = try c.decodeIfPresent(TitlePlacement.self, forKey: .titles) ?? .all
        shared = try c.decodeIfPresent(Sharing.self, forKey: .shared) ?? .auto
    }
}

/// The `size` section: the figure's physical size.
public struct SizeSpec: Sendable, Equatable, Codable {
    public var width: Length
    public var height: FigureHeight

    /// 180 mm x 80 mm: a two-column journal figure.
    public init(width: Length = Length(points: 180 * 72 / 25.4), height: FigureHeight = .fixed(Length(points: 80 * 72 / 25.4))) {
        self.width = width; self.height = height
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case width, height }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SizeSpec()
        width = try c.decodeIfPresent(Length.self, forKey: .width) ?? defaults.width
        height = try c.decodeIfPresent(FigureHeight.self, forKey: .height) ?? defaults.height
    }
}

/// A figure's height: a length, or `"auto"`: it follows from the width and the content (journal
/// figures are set by column width), leaving no band of empty space.
public enum FigureHeight: Sendable, Hashable, Codable, CustomStringConvertible {
    case fixed(Length)
    case auto

    /// `"auto"` or anything `Length(parsing:)` reads; nil otherwise.
    public init?(parsing text: String) {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "auto" { self = .auto; return }
        guard let length = Length(parsing: text) else { return nil }
        self = .fixed(length)
    }

    /// The height in points at `dpi`; nil for `auto`.
    public func points(dpi: Double) -> Double? {
        if case .fixed(let length) = self { return length.points(dpi: dpi) }
        return nil
    }

    public var description: String {
        if case .fixed(let length) = self { return length.description }
        return "auto"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self), text.lowercased() == "auto" { self = .auto; return }
        self = .fixed(try Length(from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .fixed(let length): try length.encode(to: encoder)
        case .auto:
            var c = encoder.singleValueContainer()
            try c.encode("auto")
        }
    }
}

/// The `cells` section: the cells' proportions.
///
///     "cells": {"aspect": "auto"}      // or "square", "fill", or a number: cell height / width
public struct CellsSpec: Sendable, Equatable, Codable {
    public var aspect: CellAspect

    public init(aspect: CellAspect = .auto) { self.aspect = aspect }

    enum CodingKeys: String, CodingKey, CaseIterable { case aspect }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        aspect = try c.decodeIfPresent(CellAspect.self, forKey: .aspect) ?? .auto
    }
}
