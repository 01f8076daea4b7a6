/// Domains for scale plugins: the spec's `scale.domain` (numbers, "min", "max", percentiles such
/// as "p99") resolved against the data, or a default when the spec gives none. Every built-in
/// scale takes its domain from here, so a plugin scale reads `domain` exactly as they do:
///
///     public func makeScale(_ request: ScaleRequest) throws -> any Scale {
///         MyScale(domain: try request.resolvedDomain())
///     }
extension ScaleRequest {
    /// The domain for this request: a valid, non-empty range.
    ///
    /// - `scale.domain` when the spec gives one: each bound a finite number, or "min", "max" or a
    ///   percentile of the data's finite values (percentile bounds share one sort of the data).
    ///   Bounds that resolve to the same value are widened when one came from the data (constant
    ///   data), and are an error otherwise.
    /// - Else `fallback` (a scale's own default, such as a log scale's smallest positive value up),
    ///   else the data's finite extent; a single value is widened to a non-empty range around it.
    ///
    /// Errors are `HeatGridError.spec` naming `scale.domain`: not two bounds, `lo >= hi`, or a
    /// bound taken from data that has no finite values.
    public func resolvedDomain(fallback: ClosedRange<Double>? = nil) throws -> ClosedRange<Double> {
        func fail(_ message: String) -> HeatGridError { .spec(file: specFile, key: "scale.domain", message: message) }
        guard let bounds = spec.domain else {
            guard let extent = fallback ?? data.extent else {
                throw fail("the data has no finite values to take a domain from; give \"domain\": [lo, hi]")
            }
            return Self.widenedIfEmpty(extent)
        }
        guard bounds.count == 2 else { throw fail("expected two bounds [lo, hi], found \(bounds.count)") }
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
            return Self.widenedIfEmpty(lo...hi)  // constant data under a data-derived bound
        }
        guard lo < hi else { throw fail("expected lo < hi, found [\(bounds[0]), \(bounds[1])] = [\(lo), \(hi)]") }
        return lo...hi
    }

    /// A constant dataset still needs a non-empty domain to map onto.
    private static func widenedIfEmpty(_ extent: ClosedRange<Double>) -> ClosedRange<Double> {
        guard extent.lowerBound == extent.upperBound else { return extent }
        let pad = extent.lowerBound == 0 ? 1 : abs(extent.lowerBound) * 0.5
        return (extent.lowerBound - pad)...(extent.upperBound + pad)
    }
}
