/// Sizes past which a file is taken to be a mistake (e.g. an index column holding ids, or the
/// panel column naming the wrong field) and refused before any memory is allocated.
enum DataLimits {
    /// Most cells one panel may claim (rows x columns).
    static let maxCellsPerPanel = 100_000_000
    /// Most panels one file may hold.
    static let maxPanels = 10_000
}
