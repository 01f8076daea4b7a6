/// The one place for resolutions: the default and the range every entry point accepts.
public enum Resolution {
    /// Dots per inch when neither the command line nor the spec sets one.
    public static let defaultDPI = 300.0
    /// The resolutions accepted (a PNG's pixel size is its size in inches times this).
    public static let accepted: ClosedRange<Double> = 10...2400
    /// Why a resolution is refused, for messages.
    public static func refusal(_ dpi: Double) -> String {
        "expected a resolution between \(Int(accepted.lowerBound)) and \(Int(accepted.upperBound)) dots per inch, found \(dpi)"
    }
}

/// How to write a scene: raster resolution and document metadata.
public struct RenderOptions: Sendable, Equatable {
    /// Pixels per inch for raster formats (vector formats use 1 unit = 1 pt).
    public var dpi: Double
    /// Document title written into PDF/SVG metadata.
    public var title: String
    /// Creation date (seconds since 1970) written into PDF metadata; fixed for reproducible files.
    public var creationDate: Int
    /// How SVG output writes text: glyph outlines (default) or editable `<text>` elements.
    public var svgText: SVGTextMode

    public init(dpi: Double = Resolution.defaultDPI, title: String = "HeatGrid figure", creationDate: Int = 0,
                svgText: SVGTextMode = .paths) {
        self.dpi = dpi; self.title = title; self.creationDate = creationDate; self.svgText = svgText
    }
}

/// Turns a scene into the bytes of a file (plotters' backend trait: one required primitive).
/// Backends never touch the file system: the pipeline writes the bytes atomically.
///
/// A backend may build on another format's drawing (the HTML page embeds the SVG): it implements
/// `render(_:format:options:context:)` and asks `context` for the other format, so it uses
/// whichever backend is registered for it. The pipeline (`Renderer.write`) always calls that form.
///
/// A backend that draws text brings the measurer whose metrics match its drawing (`textMeasurer`):
/// the layout measures every label with it, so text drawn later fits the room it was given.
public protocol Backend: PluginDescribing {
    /// File formats it writes, as lower-case extensions ("png", "pdf", "svg").
    var formats: [String] { get }
    /// Measures text exactly as this backend draws it; nil (the default) for a backend that draws
    /// no text of its own (the HTML page shows the SVG backend's drawing).
    var textMeasurer: (any TextMeasurer)? { get }
    /// Draws `scene` in `format`.
    func render(_ scene: Scene, format: String, options: RenderOptions) throws -> [UInt8]
    /// Draws `scene` in `format`, with the other registered backends at hand. The default ignores
    /// `context` and calls `render(_:format:options:)`.
    func render(_ scene: Scene, format: String, options: RenderOptions, context: BackendContext) throws -> [UInt8]
}

extension Backend {
    public var textMeasurer: (any TextMeasurer)? { nil }

    public func render(_ scene: Scene, format: String, options: RenderOptions, context: BackendContext) throws -> [UInt8] {
        try render(scene, format: format, options: options)
    }
}

/// What a backend is given besides its scene: the registry the figure is drawn with, so that a
/// backend can embed another format's drawing by whatever backend is registered for it.
public struct BackendContext: Sendable {
    /// The registry the figure is drawn with.
    public var registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// `scene` drawn in `format` by the backend registered for it (e.g. the SVG an HTML page shows).
    public func render(_ scene: Scene, format: String, options: RenderOptions) throws -> [UInt8] {
        try registry.backend(format: format).render(scene, format: format, options: options, context: self)
    }
}
