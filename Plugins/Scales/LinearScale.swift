import HeatGridCore

/// Maps `domain` linearly onto 0...1 (d3's scaleLinear). With `clamps`, values outside the
/// domain take the end colours (the viridis clamped scale of the flagship figure).
public struct LinearScale: Scale, Equatable {
    public let domain: ClosedRange<Double>
    public let clamps: Bool

    /// A scale over `domain`, which must not be empty (lower < upper).
    public init(domain: ClosedRange<Double>, clamps: Bool = true) {
        self.domain = domain
        self.clamps = clamps
    }

    public func scale(_ value: Double) -> ScaledValue {
        guard !value.isNaN else { return .bad }
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        if t < 0 { return clamps ? .inRange(0) : .under }
        if t > 1 { return clamps ? .inRange(1) : .over }
        return .inRange(t)
    }

    public func value(at t: Double) -> Double {
        domain.lowerBound + t * (domain.upperBound - domain.lowerBound)
    }

    public func ticks(count: Int) -> [Double] {
        NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count)
    }
}

/// The `linear` scale plugin: domain from the spec (`[lo, hi]`) or the data's extent.
public struct LinearScaleProvider: ScaleProvider {
    public let type = "linear"

    public init() {}

    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        let domain = try ScaleDomain.resolve(request)
        return LinearScale(domain: domain, clamps: request.spec.clamp)
    }
}
