import Foundation

/// The look of a figure (Vega-Lite's config): fonts, colours and spacing, all in points.
/// Theme files are JSON with these keys; keys left out take the `paper` theme's value (or, with
/// `"base": "dark"`, that theme's).
public struct Theme: Sendable, Equatable, Codable {
    /// Font family, resolved with fontconfig ("DejaVu Sans").
    public var fontFamily: String
    /// A font file (.ttf/.otf) that `fontFamily` is taken from (it reaches the backend in each text
    /// item's `FontSpec`), so the figure does not depend on the fonts of the machine. Relative to the theme file or spec that
    /// sets it; absolute once the theme is resolved.
    public var fontFile: String?
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
    /// Width of the frame around plot boxes and the colorbar (0: no frame).
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
    /// The shortest readable side of a panel's body (its cells): with `cells.aspect: auto`, bodies
    /// that square cells would make thinner than this are stretched to fill their slot instead.
    public var minBody: Double
    /// The shortest colorbar drawn, however short the bodies beside it.
    public var minColorbarLength: Double

    /// The default theme: 8/7/6 pt DejaVu Sans, black on white, for print at final size.
    public static let paper = Theme(
        fontFamily: "DejaVu Sans", background: .white, textColor: RGBA(hex: "#222222")!,
        axisColor: RGBA(hex: "#222222")!, badColor: RGBA(hex: "#d9d9d9")!,
        titleSize: 8, axisTitleSize: 7, tickLabelSize: 6,
        tickLength: 2.5, tickWidth: 0.5, frameWidth: 0.5, tickPad: 1.5, titlePad: 3, axisTitlePad: 2,
        panelSpacing: 8, rowSpacing: 8, margin: 4, colorbarWidth: 7, colorbarPad: 10,
        minBody: 28, minColorbarLength: 71)

    /// Slides: 16/14/12 pt text (twice paper's) and heavier lines, readable from the back of a
    /// room. Meant for a figure about 300 x 140 mm, shown scaled to fit a 16:9 slide.
    public static let presentation = Theme(
        fontFamily: "DejaVu Sans", background: .white, textColor: RGBA(hex: "#222222")!,
        axisColor: RGBA(hex: "#222222")!, badColor: RGBA(hex: "#d9d9d9")!,
        titleSize: 16, axisTitleSize: 14, tickLabelSize: 12,
        tickLength: 5, tickWidth: 1.2, frameWidth: 1.2, tickPad: 3, titlePad: 6, axisTitlePad: 4,
        panelSpacing: 18, rowSpacing: 16, margin: 8, colorbarWidth: 16, colorbarPad: 20,
        minBody: 57, minColorbarLength: 142)

    /// Posters: 26/22/20 pt text, read from a metre or two. Meant for a figure about 500 x 220 mm.
    public static let poster = Theme(
        fontFamily: "DejaVu Sans", background: .white, textColor: RGBA(hex: "#1a1a1a")!,
        axisColor: RGBA(hex: "#1a1a1a")!, badColor: RGBA(hex: "#d9d9d9")!,
        titleSize: 26, axisTitleSize: 22, tickLabelSize: 20,
        tickLength: 8, tickWidth: 2, frameWidth: 2, tickPad: 5, titlePad: 10, axisTitlePad: 7,
        panelSpacing: 30, rowSpacing: 26, margin: 14, colorbarWidth: 26, colorbarPad: 32,
        minBody: 85, minColorbarLength: 213)

    /// Light text and axes on a near-black background (dark slides, dark-mode pages), paper sizes.
    public static let dark = Theme(
        fontFamily: "DejaVu Sans", background: RGBA(hex: "#16181d")!, textColor: RGBA(hex: "#e8e8e8")!,
        axisColor: RGBA(hex: "#b4b7bd")!, badColor: RGBA(hex: "#55585f")!,
        titleSize: 8, axisTitleSize: 7, tickLabelSize: 6,
        tickLength: 2.5, tickWidth: 0.5, frameWidth: 0.5, tickPad: 1.5, titlePad: 3, axisTitlePad: 2,
        panelSpacing: 8, rowSpacing: 8, margin: 4, colorbarWidth: 7, colorbarPad: 10,
        minBody: 28, minColorbarLength: 71)

    /// No frames, short thin grey ticks, softer text: the cells carry the figure. Paper sizes.
    public static let minimal = Theme(
        fontFamily: "DejaVu Sans", background: .white, textColor: RGBA(hex: "#3c3c3c")!,
        axisColor: RGBA(hex: "#9e9e9e")!, badColor: RGBA(hex: "#ebebeb")!,
        titleSize: 8, axisTitleSize: 7, tickLabelSize: 6,
        tickLength: 1.5, tickWidth: 0.35, frameWidth: 0, tickPad: 1.5, titlePad: 3, axisTitlePad: 2,
        panelSpacing: 8, rowSpacing: 8, margin: 4, colorbarWidth: 6, colorbarPad: 10,
        minBody: 28, minColorbarLength: 71)

    /// Built-in themes by name (each also in `themes/NAME.json`).
    public static let builtIn: [String: Theme] = [
        "paper": .paper, "presentation": .presentation, "poster": .poster, "dark": .dark, "minimal": .minimal,
    ]

    public init(fontFamily: String, background: RGBA, textColor: RGBA, axisColor: RGBA, badColor: RGBA,
                titleSize: Double, axisTitleSize: Double, tickLabelSize: Double, tickLength: Double,
                tickWidth: Double, frameWidth: Double, tickPad: Double, titlePad: Double, axisTitlePad: Double,
                panelSpacing: Double, rowSpacing: Double, margin: Double, colorbarWidth: Double,
                colorbarPad: Double, minBody: Double = 28, minColorbarLength: Double = 71, fontFile: String? = nil) {
        self.fontFamily = fontFamily; self.background = background; self.textColor = textColor
        self.axisColor = axisColor; self.badColor = badColor; self.titleSize = titleSize
        self.axisTitleSize = axisTitleSize; self.tickLabelSize = tickLabelSize; self.tickLength = tickLength
        self.tickWidth = tickWidth; self.frameWidth = frameWidth; self.tickPad = tickPad
        self.titlePad = titlePad; self.axisTitlePad = axisTitlePad; self.panelSpacing = panelSpacing
        self.rowSpacing = rowSpacing; self.margin = margin; self.colorbarWidth = colorbarWidth
        self.colorbarPad = colorbarPad; self.minBody = minBody; self.minColorbarLength = minColorbarLength
        self.fontFile = fontFile
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fontFamily, fontFile, background, textColor, axisColor, badColor, titleSize, axisTitleSize,
             tickLabelSize, tickLength, tickWidth, frameWidth, tickPad, titlePad, axisTitlePad,
             panelSpacing, rowSpacing, margin, colorbarWidth, colorbarPad, minBody, minColorbarLength
    }

    /// A theme file's keys on top of `paper` (no `base`: `Theme.resolve` reads files that have one).
    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self = try ThemeOverrides(decoding: decoder).applied(to: .paper)
    }

    /// A built-in theme by name, or a theme JSON file (a name ending in `.json`, relative to `base`),
    /// with `overrides` (from the spec's theme object) on top. A `fontFile` is made absolute:
    /// relative to the theme file that names it, or to `base` for an override.
    public static func resolve(_ name: String, overrides: ThemeOverrides = ThemeOverrides(), relativeTo base: URL,
                               specFile: String) throws -> Theme {
        var theme = try load(name, relativeTo: base, specFile: specFile, key: "theme", chain: [])
        theme = try overrides.applied(to: theme, fontFolder: base, file: specFile, key: "theme.fontFile")
        return theme
    }

    /// Theme names and files may name a base theme: at most this many files deep.
    static let maximumBaseDepth = 8

    private static func load(_ name: String, relativeTo folder: URL, specFile: String, key: String,
                             chain: [String]) throws -> Theme {
        guard isFile(name) else {
            guard let theme = builtIn[name.lowercased()] else {
                let hint = nearest(to: name, in: Array(builtIn.keys)).map { "; did you mean '\($0)'?" } ?? ""
                throw HeatGridError.spec(file: specFile, key: key,
                    message: "unknown theme '\(name)'\(hint) (built-in themes: \(builtIn.keys.sorted().joined(separator: ", ")); or a path to a .json theme file)")
            }
            return theme
        }
        let url = folder.resolvingSpecPath(name)
        guard !chain.contains(url.path) else {
            throw HeatGridError.spec(file: specFile, key: key,
                message: "theme file '\(name)' names itself as its base (through \(chain.map { ($0 as NSString).lastPathComponent }.joined(separator: " -> ")))")
        }
        guard chain.count < maximumBaseDepth else {
            throw HeatGridError.spec(file: specFile, key: key,
                message: "theme '\(name)': more than \(maximumBaseDepth) theme files deep through 'base'")
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw HeatGridError.spec(file: specFile, key: key, message: "theme file '\(name)' cannot be read (\(url.path))")
        }
        let shown = chain.isEmpty ? name : url.path
        let spec = try JSONDecoder.decodeSpecFile(ThemeSpec.self, from: bytes, file: shown)
        let folderOfFile = url.deletingLastPathComponent()
        let baseTheme = try load(spec.base ?? "paper", relativeTo: folderOfFile, specFile: shown, key: "base",
                                 chain: chain + [url.path])
        return try spec.overrides.applied(to: baseTheme, fontFolder: folderOfFile, file: shown, key: "fontFile")
    }

    /// The theme's font (family and font file) at `size` points: every text of a figure is set in it.
    public func font(size: Double, bold: Bool = false) -> FontSpec {
        FontSpec(family: fontFamily, size: size, bold: bold, file: fontFile)
    }

    /// Theme names with a "/" or ending in ".json" are files.
    static func isFile(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".json") || name.contains("/")
    }
}
