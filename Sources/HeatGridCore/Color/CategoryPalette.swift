/// Colours for categories (annotation tracks' values): matplotlib's `tab10`, then `tab20`'s light
/// shades, so up to 20 categories get distinct colours in a fixed order (first appearance).
///
/// The Colormaps plugin holds the same tables, but the core keeps this copy rather than asking the
/// registry for "tab20": categories must get their colours without that plugin, and a plugin
/// registering a "tab20" of its own must not recolour every legend. A test of the Colormaps plugin
/// (`corePaletteIsTab10ThenTab20sLightShades`) keeps the two copies equal.
public enum CategoryPalette {
    /// The 20 colours in order.
    public static let colors: [RGBA] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
    ].map { RGBA(hex: $0)! }
}
