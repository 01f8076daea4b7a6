/// What a colormap is made for, which says how its colours should be read: a sequential map orders
/// values from low to high, a diverging map shows distance from a centre either way, a cyclic map
/// returns to its start (angles, phases, hours), and a qualitative map gives unordered categories
/// distinct colours. `heatgrid colormaps` lists and draws the maps grouped by kind.
public enum ColormapKind: String, Sendable, CaseIterable, Codable {
    /// Low to high along one ramp (viridis, batlow, Blues).
    case sequential
    /// Two ramps meeting at a neutral centre (RdBu, vik, balance).
    case diverging
    /// Ends that meet (twilight, romaO, phase).
    case cyclic
    /// Distinct colours in no order, each its own category (tab10, Set1, batlowS).
    case qualitative
}
