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
public struct SVGSpec: Sendable, Equatable, Codable {
    /// Text as outlines ("paths", the default) or as editable `<text>` ("text").
    public var text: SVGTextMode?

    public init(text: SVGTextMode? = nil) { self.text = text }

    enum CodingKeys: String, CodingKey, CaseIterable { case text }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try c.decodeIfPresent(String.self, forKey: .text) {
            guard let mode = SVGTextMode(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .text, in: c,
                    debugDescription: "expected \"paths\" (glyph outlines) or \"text\" (editable <text> elements), found \"\(name)\"")
            }
            text = mode
        }
    }
}
