import Foundation

/// The look of a figure (Vega-Lite's config): fonts, colours and spacing, all in points.
/// Theme files are JSON with these keys; keys left out take the `paper` theme's value.
public struct Theme: Sendable, Equatable, Codable {
    /// Font family, resolved with fontconfig ("DejaVu Sans").
    public var fontFamily: String
    public var background: RGBA
    public var textColor: RGBA
    /// Colour of plot frames and tick marks.
    public var axisColor: RGBA
    /// Colour of NaN / missing cells.
    public var badColor: RGBA
    /// Panel titles.
    public var titleSize: Double
    /// Axis titles and the colorbar title.
    public var axisTitleSize: Double
    /// Tick labels (panels and colorbar).
    public var tickLabelSize: Double
    public var tickLength: Double
    public var tickWidth: Double
    /// Width of the frame around plot boxes and the colorbar.
    public var frameWidth: Double
    /// Gap between a tick mark and its label.
    public var tickPad: Double
    /// Gap between a panel title and its plot box.
    public var titlePad: Double
    /// Gap between tick labels and the axis title.
    public var axisTitlePad: Double
    /// Horizontal gap between neighbouring panels' decorations.
    public var panelSpacing: Double
    /// Vertical gap between rows of panels.
    public var rowSpacing: Double
    /// Empty border around the figure.
    public var margin: Double
    public var colorbarWidth: Double
    /// Gap between the last panel column and the colorbar.
    public var colorbarPad: Double

    /// The default theme: 8/7/6 pt DejaVu Sans, black on white, for print at final size.
    public static let paper = Theme(
        fontFamily: "DejaVu Sans", background: .white, textColor: RGBA(hex: "#222222")!,
        axisColor: RGBA(hex: "#222222")!, badColor: RGBA(hex: "#d9d9d9")!,
        titleSize: 8, axisTitleSize: 7, tickLabelSize: 6,
        tickLength: 2.5, tickWidth: 0.5, frameWidth: 0.5, tickPad: 1.5, titlePad: 3, axisTitlePad: 2,
        panelSpacing: 8, rowSpacing: 8, margin: 4, colorbarWidth: 7, colorbarPad: 10)

    /// Built-in themes by name.
    public static let builtIn: [String: Theme] = ["paper": .paper]

    public init(fontFamily: String, background: RGBA, textColor: RGBA, axisColor: RGBA, badColor: RGBA,
                titleSize: Double, axisTitleSize: Double, tickLabelSize: Double, tickLength: Double,
                tickWidth: Double, frameWidth: Double, tickPad: Double, titlePad: Double, axisTitlePad: Double,
                panelSpacing: Double, rowSpacing: Double, margin: Double, colorbarWidth: Double,
                colorbarPad: Double) {
        self.fontFamily = fontFamily; self.background = background; self.textColor = textColor
        self.axisColor = axisColor; self.badColor = badColor; self.titleSize = titleSize
        self.axisTitleSize = axisTitleSize; self.tickLabelSize = tickLabelSize; self.tickLength = tickLength
        self.tickWidth = tickWidth; self.frameWidth = frameWidth; self.tickPad = tickPad
        self.titlePad = titlePad; self.axisTitlePad = axisTitlePad; self.panelSpacing = panelSpacing
        self.rowSpacing = rowSpacing; self.margin = margin; self.colorbarWidth = colorbarWidth
        self.colorbarPad = colorbarPad
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fontFamily, background, textColor, axisColor, badColor, titleSize, axisTitleSize,
             tickLabelSize, tickLength, tickWidth, frameWidth, tickPad, titlePad, axisTitlePad,
             panelSpacing, rowSpacing, margin, colorbarWidth, colorbarPad
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let base = Theme.paper
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        func size(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            let v = try value(key, fallback)
            guard v.isFinite, v >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c,
                    debugDescription: "expected a non-negative size in points, found \(v)")
            }
            return v
        }
        fontFamily = try value(.fontFamily, base.fontFamily)
        background = try value(.background, base.background)
        textColor = try value(.textColor, base.textColor)
        axisColor = try value(.axisColor, base.axisColor)
        badColor = try value(.badColor, base.badColor)
        titleSize = try size(.titleSize, base.titleSize)
        axisTitleSize = try size(.axisTitleSize, base.axisTitleSize)
        tickLabelSize = try size(.tickLabelSize, base.tickLabelSize)
        tickLength = try size(.tickLength, base.tickLength)
        tickWidth = try size(.tickWidth, base.tickWidth)
        frameWidth = try size(.frameWidth, base.frameWidth)
        tickPad = try size(.tickPad, base.tickPad)
        titlePad = try size(.titlePad, base.titlePad)
        axisTitlePad = try size(.axisTitlePad, base.axisTitlePad)
        panelSpacing = try size(.panelSpacing, base.panelSpacing)
        rowSpacing = try size(.rowSpacing, base.rowSpacing)
        margin = try size(.margin, base.margin)
        colorbarWidth = try size(.colorbarWidth, base.colorbarWidth)
        colorbarPad = try size(.colorbarPad, base.colorbarPad)
    }

    /// A built-in theme by name, or a theme JSON file (a name ending in `.json`, relative to `base`).
    public static func resolve(_ name: String, relativeTo base: URL, specFile: String) throws -> Theme {
        if name.lowercased().hasSuffix(".json") {
            let url = base.resolvingSpecPath(name)
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw HeatGridError.spec(file: specFile, key: "theme", message: "theme file '\(name)' cannot be read")
            }
            return try JSONDecoder.decodeSpecFile(Theme.self, from: bytes, file: name)
        }
        guard let theme = builtIn[name.lowercased()] else {
            throw HeatGridError.spec(file: specFile, key: "theme",
                message: "unknown theme '\(name)'; built-in: \(builtIn.keys.sorted().joined(separator: ", ")), or a path to a .json theme file")
        }
        return theme
    }
}
