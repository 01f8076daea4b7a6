/// A well-formed JSON file whose content is not the panels layout; `JSONSource` turns it into
/// `HeatGridError.data`. Foundation's decoder keeps no positions, so there is no line unless
/// `locatingText` names text to find in the file (the first occurrence is taken as the place).
struct JSONShapeError: Error {
    /// What is wrong, naming the panel and row.
    let message: String
    /// Text whose first occurrence in the file marks the place, e.g. an out-of-range number.
    let locatingText: String?

    init(_ message: String, locatingText: String? = nil) {
        self.message = message
        self.locatingText = locatingText
    }
}
