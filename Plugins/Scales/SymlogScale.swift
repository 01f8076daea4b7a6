import Foundation
import HeatGridCore

/// Symmetric log (matplotlib's SymLogNorm): linear within ±`linthresh` of zero, logarithmic
/// beyond, so data of both signs spanning decades fit one colormap.
public struct SymlogScale: Scale, Equatable {
    public let domain: ClosedRange<Double>
    public let linthresh: Double

    public init(domain: ClosedRange<Double>, linthresh: Double) {
        self.domain = domain
        self.linthresh = linthresh
    }

    private func transform(_ v: Double) -> Double { (v < 0 ? -1 : 1) * log10(1 + abs(v) / linthresh) }
    private func inverse(_ u: Double) -> Double { (u < 0 ? -1 : 1) * linthresh * (pow(10, abs(u)) - 1) }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        let lo = transform(domain.lowerBound), hi = transform(domain.upperBound)
        return (transform(value) - lo) / (hi - lo)
    }

    public func value(at t: Double) -> Double {
        let lo = transform(domain.lowerBound), hi = transform(domain.upperBound)
        return inverse(lo + t * (hi - lo))
    }

    public func ticks(count: Int) -> [Double] {
        var ticks: [Double] = domain.contains(0) ? [0] : []
        var magnitude = linthresh
        while magnitude <= max(abs(domain.lowerBound), abs(domain.upperBound)) * (1 + 1e-9) {
            for v in [magnitude, -magnitude] where domain.contains(v) { ticks.append(v) }
            magnitude *= 10
        }
        ticks.sort()
        // Too many decades: keep every other one (and zero).
        while ticks.count > max(count, 3) + 2 {
            ticks = ticks.enumerated().filter { $0.offset % 2 == 0 || $0.element == 0 }.map(\.element)
        }
        return ticks.count >= 2 ? ticks : NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count)
    }
}

/// The `symlog` scale plugin: `"scale": {"type": "symlog", "linthresh": 0.01}`; by default the
/// linear region is a hundredth of the largest magnitude.
public struct SymlogScaleProvider: ScaleProvider {
    public let type = "symlog"
    public let summary = "linear within ±linthresh of zero, logarithmic beyond: signed data spanning decades"
    public let options = [PluginOption("linthresh", .number, default: "largest magnitude / 100",
                                       doc: "half-width of the linear region around 0 (default rounded down to a power of ten)")]
    public init() {}
    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        let domain = try request.resolvedDomain()
        let largest = max(abs(domain.lowerBound), abs(domain.upperBound))
        let linthresh = request.spec.linthresh ?? pow(10, floor(log10(largest)) - 2)
        guard linthresh.isFinite, linthresh > 0 else {
            throw HeatGridError.spec(file: request.specFile, key: "scale.linthresh", message: "expected a positive number, found \(linthresh)")
        }
        return SymlogScale(domain: domain, linthresh: linthresh)
    }
}
