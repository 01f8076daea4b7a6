import HeatGridCore

/// What a colormap file parser reads: the table's colours and the special colours the file
/// may give (GMT's B/F/N lines, a JSON object's under/over/bad).
struct ParsedPalette {
    var colors: [RGBA]
    var under: RGBA?
    var over: RGBA?
    var bad: RGBA?

    /// The palette as a colormap named `name`.
    func colormap(named name: String) -> ImportedColormap {
        ImportedColormap(table: LookupTableColormap(name: name, table: colors), under: under, over: over, bad: bad)
    }
}
