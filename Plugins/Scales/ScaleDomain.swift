import HeatGridCore

/// Turns the spec's `scale.domain` (numbers, "min", "max", percentiles) or the data's extent into
/// a valid, non-empty range, with errors that name the key.
enum ScaleDomain {
    /// The domain for `request`; `fallback` supplies the default when the spec gives none
    /// (the data's extent for most scales).
    static func resolve(_ request: ScaleRequest, fallback: ClosedRange<Double>? = nil) throws -> ClosedRange<Double> {
        let data = request.data
        func fail(_ message: String) -> HeatGridError {
            .spec(file: request.specFile, key: "scale.domain", message: message)
        }
        guard let bounds = request.spec.domain else {
            guard let extent = fallback ?? data.extent else {
                throw fail("the data has no finite values to take a domain from; give \"domain\": [lo, hi]")
            }
            return widenedIfEmpty(extent)
        }
        guard bounds.count == 2 else { throw fail("expected two bounds [lo, hi], found \(bounds.count)") }
        // Percentile bounds share one sort of the data.
        let asked = bounds.compactMap { if case .percentile(let p) = $0 { p } else { nil } }
        let percentiles = asked.isEmpty ? nil : data.percentiles(asked)
        func value(_ bound: DomainBound) throws -> Double {
            let resolved: Double?
            switch bound {
            case .value(let v):
                guard v.isFinite else { throw fail("expected two finite numbers [lo, hi], found \(v)") }
                resolved = v
            case .min: resolved = data.extent?.lowerBound
            case .max: resolved = data.extent?.upperBound
            case .percentile(let p): resolved = percentiles.flatMap { zip(asked, $0).first { $0.0 == p }?.1 }
            }
            guard let resolved, resolved.isFinite else {
                throw fail("'\(bound)' needs finite data values, and the data has none")
            }
            return resolved
        }
        let lo = try value(bounds[0]), hi = try value(bounds[1])
        if lo == hi, bounds.contains(where: { if case .value = $0 { return false }; return true }) {
            return widenedIfEmpty(lo...hi)  // constant data under a data-derived bound
        }
        guard lo < hi else { throw fail("expected lo < hi, found [\(bounds[0]), \(bounds[1])] = [\(lo), \(hi)]") }
        return lo...hi
    }

    /// A constant dataset still needs a non-empty domain to map onto.
    static func widenedIfEmpty(_ extent: ClosedRange<Double>) -> ClosedRange<Double> {
        guard extent.lowerBound == extent.upperBound else { return extent }
        let pad = extent.lowerBound == 0 ? 1 : abs(extent.lowerBound) * 0.5
        return (extent.lowerBound - pad)...(extent.upperBound + pad)
    }
}
