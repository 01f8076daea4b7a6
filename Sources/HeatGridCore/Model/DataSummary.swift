/// The finite values of a dataset as scales need them: the extent, and percentiles for
/// outlier-robust domains such as `["p1", "p99"]`.
public struct DataSummary: Sendable {
    /// Smallest and largest finite value, or nil when no value is finite.
    public let extent: ClosedRange<Double>?
    /// Smallest finite value above zero (log scales take their default domain from it).
    public let smallestPositive: Double?
    /// The values' text categories (`Dataset.categories`), when they are categories.
    public let categories: [String]?
    private let panels: [Panel]

    public init(_ dataset: Dataset) {
        panels = dataset.panels
        categories = dataset.categories
        // One pass per panel, panels of big datasets in parallel.
        let scans = dataset.panels.concurrentMap(cells: dataset.cellCount) { Self.scan($0.matrix.values) }
        let low = scans.map(\.low).min() ?? .infinity, high = scans.map(\.high).max() ?? -.infinity
        extent = low <= high ? low...high : nil
        let smallest = scans.map(\.smallestPositive).min() ?? .infinity
        smallestPositive = smallest.isFinite ? smallest : nil
    }

    /// The distinct finite values, ascending.
    public var distinctValues: [Double] {
        var seen = Set<Double>()
        for panel in panels { for v in panel.matrix.values where v.isFinite { seen.insert(v) } }
        return seen.sorted()
    }

    /// The smallest and largest finite values and the smallest positive one (infinities when none).
    private static func scan(_ values: [Double]) -> (low: Double, high: Double, smallestPositive: Double) {
        var low = Double.infinity, high = -Double.infinity, smallest = Double.infinity
        for v in values where v.isFinite {
            if v < low { low = v }
            if v > high { high = v }
            if v > 0, v < smallest { smallest = v }
        }
        return (low, high, smallest)
    }

    /// A summary of bare values (tests, API users without a dataset).
    public init(values: [Double]) {
        self.init(Dataset(panels: [Panel(title: "", matrix: Matrix(rows: 1, columns: values.count, values: values))]))
    }

    /// The `p`-th percentile (0...100) of the finite values, linearly interpolated like NumPy's
    /// default; nil when no value is finite.
    public func percentile(_ p: Double) -> Double? { percentiles([p])?.first }

    /// Several percentiles from one sort of the finite values (a copy: O(n log n) when asked).
    public func percentiles(_ ps: [Double]) -> [Double]? {
        var values: [Double] = []
        for panel in panels { values += panel.matrix.values.lazy.filter(\.isFinite) }
        guard !values.isEmpty else { return nil }
        values.sort()
        return ps.map { p in
            let rank = min(max(p, 0), 100) / 100 * Double(values.count - 1)
            let below = Int(rank.rounded(.down)), above = min(below + 1, values.count - 1)
            return values[below] + (values[above] - values[below]) * (rank - Double(below))
        }
    }
}
