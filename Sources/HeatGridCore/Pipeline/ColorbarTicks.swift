/// The colorbar's ticks: nice values inside the domain (or the spec's own), one label format for
/// all, and clamped ends labelled honestly: when the data go past a clamped end, its tick reads
/// `0.0030+` at the top or `≤0.0000` at the bottom, the end added as a tick if it is not one.
/// Extended ends need no mark: their triangles say it. Without explicit ticks there are always at
/// least three.
public struct ColorbarTicks: Sendable, Equatable {
    public var values: [Double]
    public var labels: [String]
    /// The indices of the clamped ends' marked ticks (`0.0030+`, `≤0.0000`), kept first when
    /// crowded ticks are thinned.
    public var marked: Set<Int> = []

    /// Ticks for `mapping`: `explicit` values when given, else about `count` nice ones.
    public init(mapping: ColorMapping, explicit: [Double]? = nil, format: TickFormat? = nil, count: Int = 6) {
        let scale = mapping.scale
        let domain = scale.domain
        func inside(_ v: Double) -> Bool { v >= domain.lowerBound - 1e-12 * max(1, abs(v)) && v <= domain.upperBound + 1e-12 * max(1, abs(v)) }
        var values = (explicit ?? scale.ticks(count: count)).filter { $0.isFinite && inside($0) }
        // A bar is read from at least three labelled values: denser nice ticks, else the ends and middle.
        if explicit == nil, values.count < 3 {
            values = scale.ticks(count: 3 * count).filter { $0.isFinite && inside($0) }
            if values.count < 3 { values = [0, 0.5, 1].map(scale.value(at:)) }
        }
        let markTop = mapping.over == .clamp && mapping.dataLeavesTop
        let markBottom = mapping.under == .clamp && mapping.dataLeavesBottom
        func isEnd(_ v: Double, _ end: Double) -> Bool { abs(v - end) <= 1e-9 * max(abs(end), domain.upperBound - domain.lowerBound) }
        // A marked end must be a tick; drop ticks too close to it to be read apart.
        var added: [Double] = []
        func ensure(_ end: Double) {
            guard !values.contains(where: { isEnd($0, end) }) else { return }
            let t = scale.barPosition(of: end) ?? 0
            values.removeAll { abs((scale.barPosition(of: $0) ?? 0) - t) < 0.08 }
            added.append(end)
        }
        if markTop { ensure(domain.upperBound) }
        if markBottom { ensure(domain.lowerBound) }
        values.sort()
        var labels = format.map { $0.labels(values) } ?? scale.tickLabels(values)
        // An added end (e.g. a p99 domain) is rarely a nice number: one digit more than the nice
        // ticks show, not the ten its full value would need.
        for end in added {
            let label: String
            if let format { label = format.labels([end])[0] } else {
                let nice = TickFormat.decimals(values)
                let decimals = max(nice, min(TickFormat.decimals([end]), nice + 1, 6))
                label = values.isEmpty || labels.contains(where: { $0.contains("×") }) ? scale.tickLabels([end])[0]
                    : TickFormat.label(end, decimals: decimals)
            }
            let index = values.firstIndex { $0 > end } ?? values.count
            values.insert(end, at: index)
            labels.insert(label, at: index)
        }
        if markTop, let i = values.lastIndex(where: { isEnd($0, domain.upperBound) }) { labels[i] += "+"; marked.insert(i) }
        if markBottom, let i = values.firstIndex(where: { isEnd($0, domain.lowerBound) }) { labels[i] = "\u{2264}" + labels[i]; marked.insert(i) }
        self.values = values
        self.labels = labels
    }
}
