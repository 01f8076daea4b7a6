/// A mark of the figure, prepared: its spec entry, the plugin's drawer, and each panel's selected cells.
public struct FigureMark: Sendable {
    public var spec: MarkSpec
    public var prepared: any PreparedMark
    public var selections: [CellSelection]

    public init(spec: MarkSpec, prepared: any PreparedMark, selections: [CellSelection]) {
        self.spec = spec; self.prepared = prepared; self.selections = selections
    }

    /// The side component role of the mark's own component `role` (unique per mark).
    func role(_ role: String) -> String { "mark-\(spec.index)-\(role)" }
}
