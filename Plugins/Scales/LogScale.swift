import Foundation
import HeatGridCore

/// Base-10 logarithmic scale for positive data spanning decades; ticks at powers of ten
/// labelled `10⁻³`, with 2x and 5x steps when the domain spans less than two decades.
public struct LogScale: Scale, Equatable {
    public let domain: ClosedRange<Double>

    /// A scale over a positive `domain`.
    public init(domain: ClosedRange<Double>) { self.domain = domain }

    private var logLo: Double { log10(domain.lowerBound) }
    private var logHi: Double { log10(domain.upperBound) }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        guard value > 0 else { return -.infinity }  // below any positive domain
        return (log10(value) - logLo) / (logHi - logLo)
    }

    public func value(at t: Double) -> Double { pow(10, logLo + t * (logHi - logLo)) }

    public func ticks(count: Int) -> [Double] {
        let first = Int(ceil(logLo - 1e-9)), last = Int(floor(logHi + 1e-9))
        if last - first >= 1 {
            // Every decade while they are few (a tick per decade reads best), every 2nd, 3rd, ... beyond.
            let every = max(1, Int(ceil(Double(last - first + 1) / Double(max(count, 2) + 2))))
            return stride(from: first, through: last, by: every).map { pow(10, Double($0)) }
        }
        // Less than two decades: 1, 2, 5 times the powers of ten, or plain nice ticks.
        var ticks: [Double] = []
        for exponent in (first - 1)...(last + 1) {
            for factor in [1.0, 2, 5] {
                let v = factor * pow(10, Double(exponent))
                if domain.contains(v) { ticks.append(v) }
            }
        }
        return ticks.count >= 2 ? ticks : NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count)
    }

    public func tickLabels(_ ticks: [Double]) -> [String] {
        let exponents = ticks.map { log10($0) }
        // Decades differ in decimals by nature: each label gets its own (0.001, 0.01, 0.1, 2).
        guard exponents.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) else { return ticks.map { TickFormat.labels([$0])[0] } }
        // Plain numbers read better for 0.1 ... 1000; powers beyond.
        if exponents.allSatisfy({ (-1...3).contains(Int($0.rounded())) }) { return ticks.map { TickFormat.labels([$0])[0] } }
        return exponents.map { TickFormat.power(Int($0.rounded())) }
    }
}

/// The `log` scale plugin. Zero or negative data are an error (a log scale cannot place them)
/// unless the spec gives an explicit positive lower bound, below which they are clamped or
/// extended like any out-of-range value. The default domain runs from the smallest positive
/// value to the largest.
public struct LogScaleProvider: ScaleProvider {
    public let type = "log"
    public let summary = "base-10 logarithmic, for positive data spanning decades (ticks at powers of ten)"
    public init() {}
    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        var explicitLower = false
        if case .value(let lo)? = request.spec.domain?.first, lo > 0 { explicitLower = true }
        if let lowest = request.data.extent?.lowerBound, lowest <= 0, !explicitLower {
            throw HeatGridError.spec(file: request.specFile, key: "scale.type",
                message: "a log scale needs positive data, but the data's smallest value is \(lowest); use \"symlog\" for data around zero, or give a positive domain lower bound (--vmin) below which values are clamped")
        }
        var fallback: ClosedRange<Double>?
        if let smallest = request.data.smallestPositive, let largest = request.data.extent?.upperBound {
            fallback = smallest...largest
        }
        let domain = try request.resolvedDomain(fallback: fallback)
        guard domain.lowerBound > 0 else {
            throw HeatGridError.spec(file: request.specFile, key: "scale.domain",
                message: "a log scale needs a positive domain, found [\(domain.lowerBound), \(domain.upperBound)]")
        }
        return LogScale(domain: domain)
    }
}
