import HeatGridCore

/// Maps `domain` linearly onto 0...1 (d3's scaleLinear). With the default `clamp` policy values
/// outside take the end colours (the viridis clamped scale of the flagship figure).
public struct LinearScale: Scale, Equatable {
    public let domain: ClosedRange<Double>

    /// A scale over `domain`, which must not be empty (lower < upper).
    public init(domain: ClosedRange<Double>) { self.domain = domain }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    }

    public func positions(of values: UnsafeBufferPointer<Double>, into positions: UnsafeMutableBufferPointer<Double>) {
        let low = domain.lowerBound, span = domain.upperBound - domain.lowerBound
        for i in values.indices { positions[i] = (values[i] - low) / span }  // NaN stays NaN
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
    public let summary = "maps the domain linearly onto the colormap"
    public init() {}
    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        LinearScale(domain: try request.resolvedDomain())
    }
}
