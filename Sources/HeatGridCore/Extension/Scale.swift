/// Where a value falls on a scale.
public enum ScaledValue: Sendable, Equatable {
    /// Inside the domain, at position `t` in 0...1.
    case inRange(Double)
    /// Below the domain (and not clamped).
    case under
    /// Above the domain (and not clamped).
    case over
    /// NaN or missing.
    case bad
}

/// Maps data values to positions in 0...1 (d3-scale's idea). Clamping is a policy of the scale:
/// a clamping scale sends out-of-range values to 0 or 1, others report `.under` / `.over`.
public protocol Scale: Sendable {
    /// The values mapped to 0 and 1.
    var domain: ClosedRange<Double> { get }
    /// Whether values outside the domain are clamped to its ends.
    var clamps: Bool { get }
    /// Where `value` falls.
    func scale(_ value: Double) -> ScaledValue
    /// The data value at position `t` (the inverse of `scale` inside the domain).
    func value(at t: Double) -> Double
    /// Nice tick values inside the domain, about `count` of them.
    func ticks(count: Int) -> [Double]
}

/// What a scale plugin is given to build a scale: the spec's `scale` section and the data's extent.
public struct ScaleRequest: Sendable {
    public var spec: ScaleSpec
    /// Smallest and largest finite data values (used when the spec has no domain).
    public var dataExtent: ClosedRange<Double>?
    /// Spec file, for error messages.
    public var specFile: String

    public init(spec: ScaleSpec, dataExtent: ClosedRange<Double>?, specFile: String) {
        self.spec = spec
        self.dataExtent = dataExtent
        self.specFile = specFile
    }
}

/// A scale plugin: a named family of scales (`linear`, `log`, ...).
public protocol ScaleProvider: Sendable {
    /// The `scale.type` it answers to.
    var type: String { get }
    /// Builds the scale, or throws a `HeatGridError.spec` naming the bad key.
    func makeScale(_ request: ScaleRequest) throws -> any Scale
}
