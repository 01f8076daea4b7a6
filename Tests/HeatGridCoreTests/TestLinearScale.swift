@testable import HeatGridCore

/// A linear scale for core tests, without depending on the Scales plugin.
struct TestLinearScale: Scale {
    var domain: ClosedRange<Double>
    func position(of value: Double) -> Double? {
        value.isNaN ? nil : (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    }
    func value(at t: Double) -> Double { domain.lowerBound + t * (domain.upperBound - domain.lowerBound) }
    func ticks(count: Int) -> [Double] { NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count) }
}

/// A mapping over `domain` through a grey ramp, with the policies resolved against `data`.
func testMapping(_ domain: ClosedRange<Double>, data: [Double], under: OutOfRangePolicy = .clamp,
                 over: OutOfRangePolicy = .clamp) -> ColorMapping {
    let ramp = LookupTableColormap(name: "ramp", table: (0..<4).map { RGBA(red: Double($0) / 3, green: 0, blue: 0) })
    return ColorMapping(scale: TestLinearScale(domain: domain), colormap: ramp, bad: .white, underPolicy: under,
                        overPolicy: over, data: DataSummary(values: data))
}
