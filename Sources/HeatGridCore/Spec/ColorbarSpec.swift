/// The `colorbar` section.
///
///     "colorbar": {"title": "Heads Importance", "ticks": [0, 0.001, 0.002, 0.003], "format": "%.3f",
///                  "badLabel": "n/a"}
public struct ColorbarSpec: Sendable, Equatable, Codable {
    /// Where the bar goes: one shared bar on the right (default) or at the bottom, or one per panel.
    public enum Position: String, Sendable, Codable, CaseIterable { case right, bottom, each }

    /// Title beside the bar; by default the data's value name.
    public var title: String?
    /// Where the bar goes; "each" is implied by `scale.shared: false`.
    public var position: Position?
    /// Whether to draw the colorbar.
    public var show: Bool
    /// Explicit tick values (those inside the domain are drawn); by default nice numbers.
    public var ticks: [Double]?
    /// Label format: "auto" (default), "plain", "sci", "si", or a printf pattern such as "%.2f".
    public var format: String?
    /// When set, a swatch of the bad (NaN / missing) colour is drawn under the bar with this label.
    public var badLabel: String?

    public init(title: String? = nil, position: Position? = nil, show: Bool = true, ticks: [Double]? = nil,
                format: String? = nil, badLabel: String? = nil) {
        self.title = title; self.position = position; self.show = show; self.ticks = ticks; self.format = format; self.badLabel = badLabel
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case title, position, show, ticks, format, badLabel }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        position = try c.decodeIfPresent(Position.self, forKey: .position)
        show = try c.decodeIfPresent(Bool.self, forKey: .show) ?? true
        ticks = try c.decodeIfPresent([Double].self, forKey: .ticks)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        if let format, TickFormat(spec: format) == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.format],
                debugDescription: "expected \"auto\", \"plain\", \"sci\", \"si\" or a printf pattern with one number like \"%.2f\", found '\(format)'"))
        }
        badLabel = try c.decodeIfPresent(String.self, forKey: .badLabel)
    }

    /// The parsed label format.
    public var tickFormat: TickFormat? { format.flatMap(TickFormat.init(spec:)) }
}

/// Where colorbars go, once the spec is resolved.
public enum ColorbarPlacement: String, Sendable, Equatable, Codable {
    /// One shared bar in the legend area right of the panels.
    case right
    /// One shared bar in the legend area under the panels.
    case bottom
    /// A bar right of every panel, as tall as its body.
    case eachPanel
}
