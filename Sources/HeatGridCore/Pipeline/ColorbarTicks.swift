/// The colorbar's ticks: nice values inside the domain with one number of decimals, and clamped
/// ends labelled honestly: when a clamping scale's data go past the top, the top tick reads
/// `0.0030+` (and `≤0.0000` at the bottom), the end added as a tick if it is not one already.
public struct ColorbarTicks: Sendable, Equatable {
    public var values: [Double]
    public var labels: [String]

    /// Ticks for `scale`, given the data's extent (which decides whether an end is marked).
    public init(scale: any Scale, dataExtent: ClosedRange<Double>?, count: Int = 6) {
        let domain = scale.domain
        var values = scale.ticks(count: count)
        let step = values.count > 1 ? values[1] - values[0] : domain.upperBound - domain.lowerBound
        let overTop = scale.clamps && (dataExtent.map { $0.upperBound > domain.upperBound } ?? false)
        let underBottom = scale.clamps && (dataExtent.map { $0.lowerBound < domain.lowerBound } ?? false)
        // A marked end must be a tick; drop nice ticks too close to it to be read apart.
        func ensure(_ end: Double) {
            guard !values.contains(where: { abs($0 - end) <= 1e-9 * max(1, abs(end)) }) else { return }
            values.removeAll { abs($0 - end) < 0.5 * step }
            values.append(end)
        }
        if overTop { ensure(domain.upperBound) }
        if underBottom { ensure(domain.lowerBound) }
        values.sort()
        var labels = TickFormat.labels(values)
        if overTop, let i = values.lastIndex(where: { abs($0 - domain.upperBound) <= 1e-9 * max(1, abs($0)) }) {
            labels[i] += "+"
        }
        if underBottom, let i = values.firstIndex(where: { abs($0 - domain.lowerBound) <= 1e-9 * max(1, abs($0)) }) {
            labels[i] = "\u{2264}" + labels[i]
        }
        self.values = values
        self.labels = labels
    }
}
