import HeatGridCore

/// Two linear slopes meeting at `center`, which lands on the middle of the colormap
/// (matplotlib's TwoSlopeNorm): for signed data on RdBu-like maps, zero stays white even
/// when the data reach further on one side.
public struct DivergingScale: Scale, Equatable {
    public let domain: ClosedRange<Double>
    public let center: Double

    /// A scale over `domain`, with `center` strictly inside it.
    public init(domain: ClosedRange<Double>, center: Double) {
        self.domain = domain
        self.center = center
    }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        if value < center { return 0.5 * (value - domain.lowerBound) / (center - domain.lowerBound) }
        return 0.5 + 0.5 * (value - center) / (domain.upperBound - center)
    }

    public func value(at t: Double) -> Double {
        t < 0.5 ? domain.lowerBound + 2 * t * (center - domain.lowerBound)
            : center + (2 * t - 1) * (domain.upperBound - center)
    }

    public func ticks(count: Int) -> [Double] {
        let half = max(count / 2, 2)
        let below = NiceTicks.ticks(domain.lowerBound, center, count: half)
        let above = NiceTicks.ticks(center, domain.upperBound, count: half)
        return Array(Set(below + [center] + above)).sorted()
    }
}

/// The `diverging` scale plugin: `"scale": {"type": "diverging", "center": 0}`. Without a
/// domain it is symmetric around the center, as far as the data reach on either side.
public struct DivergingScaleProvider: ScaleProvider {
    public let type = "diverging"
    public let summary = "two linear slopes meeting at the center, which lands on the colormap's middle"
    public let options = [PluginOption("center", .number, default: "0",
                                       doc: "the value at the middle of the colormap; without a domain it is symmetric around it")]
    public init() {}
    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        let center = request.spec.center ?? 0
        var fallback: ClosedRange<Double>?
        if let extent = request.data.extent {
            let reach = max(abs(extent.lowerBound - center), abs(extent.upperBound - center))
            fallback = reach > 0 ? (center - reach)...(center + reach) : (center - 1)...(center + 1)
        }
        let domain = try request.resolvedDomain(fallback: fallback)
        guard domain.lowerBound < center, center < domain.upperBound else {
            throw HeatGridError.spec(file: request.specFile, key: "scale.center",
                message: "the center \(center) must lie inside the domain [\(domain.lowerBound), \(domain.upperBound)]")
        }
        return DivergingScale(domain: domain, center: center)
    }
}
