/// Sizes past which an array is refused before anything is allocated: they catch corrupt
/// headers, and arrays no heatmap figure can show.
enum NumPyLimits {
    /// Most values one file may hold, over all its arrays (2^31: 16 GiB as `Double`).
    static let maxValues = 1 << 31
    /// Most panels one file may give (the same bound as the CSV source's).
    static let maxPanels = 10_000
    /// Nesting depth of the header's Python literal (the real header has 2: a dict and a tuple).
    static let maxHeaderNesting = 16
}
