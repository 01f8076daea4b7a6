/// One annotation track of `rows.tracks` / `columns.tracks`: a strip beside the rows (columns)
/// showing a column of a side file, matched to the axis's keys.
///
///     {"path": "family.csv", "key": "model", "column": "family"}                 // categories
///     {"path": "family.csv", "key": "model", "column": "params", "colormap": "Greys"}
///     {"path": "family.csv", "key": "model", "column": "params", "type": "bars", "side": "right"}
public struct TrackSpec: Sendable, Equatable, Codable {
    /// How a track shows its column.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Categories when any value is not a number, else colours.
        case auto
        /// A colour per distinct value (a qualitative palette, or `colors`).
        case categorical
        /// Numbers through a colormap (`colormap`), with a small colorbar as legend.
        case numeric
        /// Numbers as small bars growing away from the body.
        case bars
    }

    public var source: SideColumn
    public var type: Kind
    /// Left or right of the rows, top or bottom of the columns (default: left, top).
    public var side: Side?
    /// Category colours by name (categorical tracks); others come from the palette.
    public var colors: [String: RGBA]?
    /// The colormap of a numeric track.
    public var colormap: String
    /// The strip's depth across the axis.
    public var size: Length
    /// The legend's title (default: the column's name).
    public var title: String?

    public init(source: SideColumn, type: Kind = .auto, side: Side? = nil, colors: [String: RGBA]? = nil,
                colormap: String = "greys", size: Length = Length(points: 2.5 * 72 / 25.4), title: String? = nil) {
        self.source = source; self.type = type; self.side = side; self.colors = colors
        self.colormap = colormap; self.size = size; self.title = title
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case path, key, column, type, side, colors, colormap, size, title
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TrackSpec(source: SideColumn(path: "", key: "", column: ""))
        source = SideColumn(path: try c.decode(String.self, forKey: .path), key: try c.decode(String.self, forKey: .key),
                            column: try c.decode(String.self, forKey: .column))
        let typeName = try c.decodeIfPresent(String.self, forKey: .type) ?? "auto"
        guard let kind = Kind(rawValue: typeName.lowercased()) else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c,
                debugDescription: "expected one of \(Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found '\(typeName)'")
        }
        type = kind
        if let sideName = try c.decodeIfPresent(String.self, forKey: .side) {
            let sides: [String: Side] = ["left": .left, "right": .right, "top": .top, "bottom": .bottom]
            guard let side = sides[sideName.lowercased()] else {
                throw DecodingError.dataCorruptedError(forKey: .side, in: c,
                    debugDescription: "expected \"left\" or \"right\" (rows), \"top\" or \"bottom\" (columns), found '\(sideName)'")
            }
            self.side = side
        }
        colors = try c.decodeIfPresent([String: RGBA].self, forKey: .colors)
        colormap = try c.decodeIfPresent(String.self, forKey: .colormap) ?? defaults.colormap
        size = try c.decodeIfPresent(Length.self, forKey: .size) ?? defaults.size
        title = try c.decodeIfPresent(String.self, forKey: .title)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source.path, forKey: .path); try c.encode(source.key, forKey: .key); try c.encode(source.column, forKey: .column)
        try c.encode(type.rawValue, forKey: .type)
        if let side { try c.encode(["top", "left", "bottom", "right"][side.rawValue], forKey: .side) }
        try c.encodeIfPresent(colors, forKey: .colors)
        try c.encode(colormap, forKey: .colormap); try c.encode(size, forKey: .size)
        try c.encodeIfPresent(title, forKey: .title)
    }
}
