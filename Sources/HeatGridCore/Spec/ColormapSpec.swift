/// The `colormap` key: a name (`"viridis"`, `"rdbu_r"`), a file path (`"maps/batlow.cpt"`), or an
/// object that also sets the special colours:
///
///     "colormap": {"name": "viridis", "over": "#ff00ff", "under": "#000000", "bad": "#dddddd"}
public struct ColormapSpec: Sendable, Equatable, Codable, ExpressibleByStringLiteral {
    /// A registered name (case-insensitive, `_r` reverses) or a path relative to the spec.
    public var name: String
    /// Colour of values below the domain when that end is extended.
    public var under: RGBA?
    /// Colour of values above the domain when that end is extended.
    public var over: RGBA?
    /// Colour of NaN / missing cells (overrides the colormap's and the theme's).
    public var bad: RGBA?

    public init(name: String, under: RGBA? = nil, over: RGBA? = nil, bad: RGBA? = nil) {
        self.name = name; self.under = under; self.over = over; self.bad = bad
    }

    public init(stringLiteral name: String) { self.init(name: name) }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, under, over, bad }

    public init(from decoder: Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self.init(name: name)
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name),
                  under: try c.decodeIfPresent(RGBA.self, forKey: .under),
                  over: try c.decodeIfPresent(RGBA.self, forKey: .over),
                  bad: try c.decodeIfPresent(RGBA.self, forKey: .bad))
    }

    public func encode(to encoder: Encoder) throws {
        if under == nil && over == nil && bad == nil {
            var c = encoder.singleValueContainer()
            try c.encode(name)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(under, forKey: .under)
        try c.encodeIfPresent(over, forKey: .over)
        try c.encodeIfPresent(bad, forKey: .bad)
    }

    /// Whether `name` is a file path rather than a registered name (names have no "/" or ".").
    public var isPath: Bool { name.contains("/") || name.contains(".") }
}
