/// How SVG output writes text.
public enum SVGTextMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// Glyph outlines: looks the same everywhere, not editable as text.
    case paths
    /// `<text>` elements: editable in Inkscape or Illustrator and searchable; the viewer supplies
    /// the font, so it must have the theme's family for the layout to hold.
    case text
}

/// The `svg` section: options for SVG output only.
///
///     "svg": {"text": "text"}
public struct SVGSpec: Sendable, Equatable, Codable, PluginSection {
    /// The section's keys as written: the options of the backend that writes SVG, checked
    /// against its declaration before anything is drawn.
    public var options: [String: SpecValue]

    public static let key = "svg"
    public static let coreKeys: [String] = []

    /// Text as outlines ("paths", the default) or as editable `<text>` ("text").
    public var text: SVGTextMode? {
        get { options["text"].flatMap(String.init(specValue:)).flatMap(SVGTextMode.init(rawValue:)) }
        set { options["text"] = newValue.map { .string($0.rawValue) } }
    }

    public init(text: SVGTextMode? = nil, options: [String: SpecValue] = [:]) {
        self.options = options
        if let text { self.text = text }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case text }

    public init(from decoder: Decoder) throws {
        options = try decoder.pluginOptions(excluding: Self.coreKeys)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try c.decodeIfPresent(String.self, forKey: .text) {
            guard SVGTextMode(rawValue: name) != nil else {
                throw DecodingError.dataCorruptedError(forKey: .text, in: c,
                    debugDescription: "expected \"paths\" (glyph outlines) or \"text\" (editable <text> elements), found \"\(name)\"")
            }
        }
    }

    public func encode(to encoder: Encoder) throws { try encoder.encodePluginOptions(options) }
}
