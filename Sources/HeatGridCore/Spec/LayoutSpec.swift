/// The `layout` section: how panels are arranged.
///
///     "layout": {"type": "grid", "rows": 2, "columns": 4, "order": "row"}
///     "layout": {"type": "auto"}                  // the grid shape that gives the biggest cells
///     "layout": {"type": "row"}                   // one row (or "column": one column)
///     "layout": {"type": "template", "areas": ["A A B C", "A A D E"]}   // A spans 2x2 slots
public struct LayoutSpec: Sendable, Equatable, Codable {
    /// How panels fill the grid: row by row (default) or column by column.
    public enum Order: String, Sendable, Codable, CaseIterable { case row, column }

    /// Layout name: "grid", "auto", "row", "column", "template" (or a plugin's).
    public var type: String
    /// Grid rows; by default enough for the panels with `columns`.
    public var rows: Int?
    /// Grid columns; by default 4 (or fewer for fewer panels).
    public var columns: Int?
    public var order: Order
    /// Template rows of area names separated by spaces, like CSS grid-template-areas; panels take
    /// the areas in order of first appearance (reading order), "." leaves a slot empty.
    public var areas: [String]?

    public init(type: String = "grid", rows: Int? = nil, columns: Int? = nil, order: Order = .row, areas: [String]? = nil) {
        self.type = type; self.rows = rows; self.columns = columns; self.order = order; self.areas = areas
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, rows, columns, order, areas }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type)?.lowercased() ?? "grid"
        rows = try c.decodeIfPresent(Int.self, forKey: .rows)
        columns = try c.decodeIfPresent(Int.self, forKey: .columns)
        order = try c.decodeIfPresent(Order.self, forKey: .order) ?? .row
        areas = try c.decodeIfPresent([String].self, forKey: .areas)
    }
}
