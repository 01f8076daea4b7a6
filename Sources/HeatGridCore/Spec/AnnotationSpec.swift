/// The `annotations` section: each cell's value written inside it (seaborn's `annot`).
///
///     "annotations": true
///     "annotations": {"format": "%.3f", "color": "auto", "size": 4}
public struct AnnotationSpec: Sendable, Equatable, Codable {
    /// Label format: "auto" (fewest decimals that show the values, shared by all cells) or a printf
    /// pattern such as "%.2f".
    public var format: String
    /// Text colour: "auto" (black or white, whichever contrasts more with the cell) or a hex colour.
    public var color: String
    /// Font size in points; by default the tick label size, shrunk to fit the cells.
    public var size: Double?

    public init(format: String = "auto", color: String = "auto", size: Double? = nil) {
        self.format = format; self.color = color; self.size = size
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case format, color, size }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "auto"
        color = try c.decodeIfPresent(String.self, forKey: .color) ?? "auto"
        size = try c.decodeIfPresent(Double.self, forKey: .size)
        guard format == "auto" || TickFormat(spec: format) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.format],
                debugDescription: "expected \"auto\" or a printf pattern with one number like \"%.2f\", found '\(format)'"))
        }
        guard color == "auto" || RGBA(hex: color) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.color],
                debugDescription: "expected \"auto\" or a hex colour like \"#222222\", found '\(color)'"))
        }
        if let size, !(size > 0 && size < 100) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.size],
                debugDescription: "expected a font size in points, found \(size)"))
        }
    }

    /// The fixed text colour, or nil for automatic contrast.
    public var fixedColor: RGBA? { color == "auto" ? nil : RGBA(hex: color) }

    /// The label format.
    public var tickFormat: TickFormat { format == "auto" ? .automatic : TickFormat(spec: format) ?? .automatic }
}

/// `true` / `false` or the object form.
struct OptionalAnnotations: Decodable {
    let value: AnnotationSpec?
    init(from decoder: Decoder) throws {
        if let flag = try? decoder.singleValueContainer().decode(Bool.self) {
            value = flag ? AnnotationSpec() : nil
        } else {
            value = try AnnotationSpec(from: decoder)
        }
    }
}
