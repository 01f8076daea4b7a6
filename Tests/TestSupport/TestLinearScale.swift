import HeatGridCore

/// A linear scale for tests that must not depend on the Scales plugin.
public struct TestLinearScale: Scale {
    public var domain: ClosedRange<Double>

    public init(domain: ClosedRange<Double>) { self.domain = domain }

    public func position(of value: Double) -> Double? {
        value.isNaN ? nil : (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    }
    public func value(at t: Double) -> Double { domain.lowerBound + t * (domain.upperBound - domain.lowerBound) }
    public func ticks(count: Int) -> [Double] { NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count) }
}

/// A mapping over `domain` through a four-colour red ramp, with the policies resolved against `data`.
public func testMapping(_ domain: ClosedRange<Double>, data: [Double], under: OutOfRangePolicy = .clamp,
                        over: OutOfRangePolicy = .clamp) -> ColorMapping {
    let ramp = LookupTableColormap(name: "ramp", table: (0..<4).map { RGBA(red: Double($0) / 3, green: 0, blue: 0) })
    return ColorMapping(scale: TestLinearScale(domain: domain), colormap: ramp, bad: .white, underPolicy: under,
                        overPolicy: over, data: DataSummary(values: data))
}
