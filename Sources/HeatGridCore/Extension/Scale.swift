/// Maps data values to positions along the colormap (d3-scale's idea): 0 at the domain's lower
/// end, 1 at its upper end. What happens outside the domain (clamp or extend) is not the scale's
/// business but the `ColorMapping`'s, so every scale family gets both policies for free.
public protocol Scale: Sendable {
    /// The values mapped to 0 and 1.
    var domain: ClosedRange<Double> { get }
    /// Where `value` falls: inside 0...1 within the domain, below 0 or above 1 outside it, and nil
    /// when the scale cannot place it (NaN; a non-positive value on a log scale).
    func position(of value: Double) -> Double?
    /// `position(of:)` of each of `values`, written to `positions` (as many; NaN where it is nil).
    /// Runs for every cell, a block at a time, so scales with a cheap formula override it with a
    /// tight loop.
    func positions(of values: UnsafeBufferPointer<Double>, into positions: UnsafeMutableBufferPointer<Double>)
    /// The data value at `position` (the inverse of `position(of:)` inside the domain).
    func value(at position: Double) -> Double
    /// Nice tick values inside the domain, about `count` of them.
    func ticks(count: Int) -> [Double]
    /// Labels for `ticks` (one decimal count for all, true minus signs; log scales use powers).
    func tickLabels(_ ticks: [Double]) -> [String]
    /// For a scale whose colours come in bins: the bins' edges, ascending (bin k spans
    /// `boundaries[k]...boundaries[k + 1]`). The colorbar then shows one block per bin, equally
    /// long, with the edges as its ticks. Nil (the default) for a continuous scale.
    var boundaries: [Double]? { get }
    /// For a categorical scale: its categories in order, category k at position (k + 0.5) / count,
    /// each with its own colour when the spec gives one. The figure then shows a legend of
    /// swatches instead of a colorbar. Nil (the default) for a scale of numbers.
    var categories: [ScaleCategory]? { get }
}

/// One category of a categorical scale: its name (as the legend shows it), the value its cells
/// hold, and its colour when the spec names one (else the colormap's or palette's).
public struct ScaleCategory: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var color: RGBA?
    public init(name: String, value: Double, color: RGBA? = nil) { self.name = name; self.value = value; self.color = color }
}

extension Scale {
    public var boundaries: [Double]? { nil }
    public var categories: [ScaleCategory]? { nil }

    /// Where `value` sits along the colorbar, 0 at its start and 1 at its end: `position(of:)`,
    /// except for a binned scale, whose blocks are equally long whatever their bins' widths.
    public func barPosition(of value: Double) -> Double? {
        guard let edges = boundaries, edges.count >= 2 else { return position(of: value) }
        guard !value.isNaN else { return nil }
        let n = Double(edges.count - 1)
        if value <= edges[0] { return (value - edges[0]) / (edges[1] - edges[0]) / n }
        for k in 0..<(edges.count - 1) where value <= edges[k + 1] {
            return (Double(k) + (value - edges[k]) / (edges[k + 1] - edges[k])) / n
        }
        let last = edges.count - 1
        return 1 + (value - edges[last]) / (edges[last] - edges[last - 1]) / n
    }

    public func positions(of values: UnsafeBufferPointer<Double>, into positions: UnsafeMutableBufferPointer<Double>) {
        for i in values.indices { positions[i] = position(of: values[i]) ?? .nan }
    }
    public func tickLabels(_ ticks: [Double]) -> [String] { TickFormat.labels(ticks) }
}

/// Where a value lands once the out-of-range policy is applied.
public enum ScaledValue: Sendable, Equatable {
    /// Drawn from the colormap at position `t` in 0...1 (clamped values land on 0 or 1).
    case inRange(Double)
    /// Below the domain, drawn in the under colour (policy `extend`).
    case under
    /// Above the domain, drawn in the over colour (policy `extend`).
    case over
    /// NaN, missing, or not placeable by the scale.
    case bad
}

/// What a scale plugin is given to build a scale: the spec's `scale` section and the data.
public struct ScaleRequest: Sendable {
    public var spec: ScaleSpec
    /// The data's finite values, summarised (extent, percentiles), for domains taken from the data.
    public var data: DataSummary
    /// Spec file, for error messages.
    public var specFile: String

    public init(spec: ScaleSpec, data: DataSummary, specFile: String) {
        self.spec = spec
        self.data = data
        self.specFile = specFile
    }
}

/// A scale plugin: a named family of scales (`linear`, `log`, ...).
public protocol ScaleProvider: PluginDescribing {
    /// The `scale.type` it answers to.
    var type: String { get }
    /// Builds the scale, or throws a `HeatGridError.spec` naming the bad key.
    func makeScale(_ request: ScaleRequest) throws -> any Scale
}
