/// The `layout` section: how panels are arranged.
///
///     "layout": {"type": "grid", "rows": 2, "columns": 4, "order": "row"}
///     "layout": {"type": "auto"}                  // the grid shape that gives the biggest cells
///     "layout": {"type": "row"}                   // one row (or "column": one column)
///     "layout": {"type": "template", "areas": ["A A B C", "A A D E"]}   // A spans 2x2 slots
public struct LayoutSpec: Sendable, Equatable, Codable, PluginSection {
    /// How panels fill the grid: row by row (default) or column by column.
    public enum Order: String, Sendable, Codable, CaseIterable { case row, column }

    /// Layout name: "grid", "auto", "row", "column", "template" (or a plugin's).
    public var type: String
    /// Every other key as written: the chosen layout's options, checked against its declaration
    /// when the figure is built. The grid layouts' keys read typed below.
    public var options: [String: SpecValue]

    public static let key = "layout"
    public static let coreKeys = ["type"]

    /// Grid rows; by default enough for the panels with `columns`.
    public var rows: Int? {
        get { options["rows"].flatMap(Int.init(specValue:)) }
        set { options["rows"] = newValue?.specValue }
    }
    /// Grid columns; by default 4 (or fewer for fewer panels).
    public var columns: Int? {
        get { options["columns"].flatMap(Int.init(specValue:)) }
        set { options["columns"] = newValue?.specValue }
    }
    public var order: Order {
        get { options["order"].flatMap(String.init(specValue:)).flatMap(Order.init(rawValue:)) ?? .row }
        set { options["order"] = .string(newValue.rawValue) }
    }
    /// Template rows of area names separated by spaces, like CSS grid-template-areas; panels take
    /// the areas in order of first appearance (reading order), "." leaves a slot empty.
    public var areas: [String]? {
        get { options["areas"].flatMap([String].init(specValue:)) }
        set { options["areas"] = newValue?.specValue }
    }

    /// A layout section; `options` holds keys for a plugin layout, the other arguments the grid
    /// layouts' keys (set only when given).
    public init(type: String = "grid", rows: Int? = nil, columns: Int? = nil, order: Order? = nil, areas: [String]? = nil,
                options: [String: SpecValue] = [:]) {
        self.type = type; self.options = options
        if let rows { self.rows = rows }
        if let columns { self.columns = columns }
        if let order { self.order = order }
        if let areas { self.areas = areas }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, rows, columns, order, areas }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type)?.lowercased() ?? "grid"
        // Other keys belong to the layout (checked against its options once it is known); the
        // grid layouts' own keys must have their types whichever layout is chosen.
        options = try decoder.pluginOptions(excluding: Self.coreKeys)
        _ = try c.decodeIfPresent(Int.self, forKey: .rows)
        _ = try c.decodeIfPresent(Int.self, forKey: .columns)
        _ = try c.decodeIfPresent(Order.self, forKey: .order)
        _ = try c.decodeIfPresent([String].self, forKey: .areas)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try encoder.encodePluginOptions(options)
    }
}
