import HeatGridCore

/// Turns the spec's `scale.domain` (or the data's extent) into a valid, non-empty range.
enum ScaleDomain {
    static func resolve(_ request: ScaleRequest) throws -> ClosedRange<Double> {
        if let domain = request.spec.domain {
            guard domain.count == 2, domain[0].isFinite, domain[1].isFinite else {
                throw HeatGridError.spec(file: request.specFile, key: "scale.domain",
                    message: "expected two finite numbers [lo, hi], found \(domain)")
            }
            guard domain[0] < domain[1] else {
                throw HeatGridError.spec(file: request.specFile, key: "scale.domain",
                    message: "expected lo < hi, found [\(domain[0]), \(domain[1])]")
            }
            return domain[0]...domain[1]
        }
        guard let extent = request.dataExtent else {
            throw HeatGridError.spec(file: request.specFile, key: "scale.domain",
                message: "the data has no finite values to take a domain from; give \"domain\": [lo, hi]")
        }
        // A constant dataset still needs a non-empty domain to map onto.
        if extent.lowerBound == extent.upperBound {
            let pad = extent.lowerBound == 0 ? 1 : abs(extent.lowerBound) * 0.5
            return (extent.lowerBound - pad)...(extent.upperBound + pad)
        }
        return extent
    }
}
