import Foundation
import HeatGridCore

/// `t = ((x - lo) / (hi - lo))^gamma` (matplotlib's PowerNorm): gamma < 1 spreads the small values
/// of skewed data such as attention scores over more of the colormap.
public struct PowerScale: Scale, Equatable {
    public let domain: ClosedRange<Double>
    public let gamma: Double

    public init(domain: ClosedRange<Double>, gamma: Double) {
        self.domain = domain
        self.gamma = gamma
    }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        let u = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        // Outside the domain only the side matters (clamp or extend), so keep u as it is.
        return (0...1).contains(u) ? pow(u, gamma) : u
    }

    public func value(at t: Double) -> Double {
        domain.lowerBound + pow(min(max(t, 0), 1), 1 / gamma) * (domain.upperBound - domain.lowerBound)
    }

    public func ticks(count: Int) -> [Double] {
        NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count)
    }
}

/// The `pow` scale plugin: `"scale": {"type": "pow", "gamma": 0.5}`.
public struct PowerScaleProvider: ScaleProvider {
    public let type = "pow"
    public let summary = "t = ((x - lo) / (hi - lo))^gamma: gamma < 1 spreads small values over more of the colormap"
    public let options = [PluginOption("gamma", .number, default: "0.5", doc: "the exponent, a positive number")]
    public init() {}
    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        let gamma = request.spec.gamma ?? 0.5
        guard gamma.isFinite, gamma > 0 else {
            throw HeatGridError.spec(file: request.specFile, key: "scale.gamma", message: "expected a positive number, found \(gamma)")
        }
        return PowerScale(domain: try request.resolvedDomain(), gamma: gamma)
    }
}
