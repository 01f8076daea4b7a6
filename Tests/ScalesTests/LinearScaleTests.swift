import Testing
import HeatGridCore
@testable import Scales

func request(_ spec: ScaleSpec, data: [Double] = [0, 4]) -> ScaleRequest {
    ScaleRequest(spec: spec, data: DataSummary(values: data), specFile: "f.json")
}

@Suite struct LinearScaleTests {
    @Test func mapsTheDomainOntoTheUnitInterval() {
        let scale = LinearScale(domain: 0...0.003)
        #expect(scale.position(of: 0) == 0)
        #expect(scale.position(of: 0.0015) == 0.5)
        #expect(scale.position(of: 0.0042)! > 1)
        #expect(scale.position(of: -1)! < 0)
        #expect(scale.position(of: .nan) == nil)
        #expect(scale.value(at: 0.5) == 0.0015)
    }

    func make(_ spec: ScaleSpec, data: [Double] = [0, 4]) throws -> any Scale {
        try LinearScaleProvider().makeScale(request(spec, data: data))
    }

    @Test func domainComesFromTheSpecOrTheData() throws {
        #expect(try make(ScaleSpec(domain: [0, 0.003])).domain == 0...0.003)
        #expect(try make(ScaleSpec()).domain == 0...4)
        #expect(try make(ScaleSpec(), data: [2, 2]).domain == 1...3)
    }

    @Test func percentileDomainsIgnoreOutliers() throws {
        let data = (0...100).map(Double.init) + [10_000]
        let scale = try make(ScaleSpec(domain: [.min, .percentile(99)]), data: data)
        #expect(scale.domain.lowerBound == 0)
        #expect(abs(scale.domain.upperBound - 99.99) < 0.01)
    }

    @Test func badDomainsNameTheKey() {
        for domain in [[1.0, 0.0], [0.0], [0.0, .infinity]] {
            #expect {
                try make(ScaleSpec(domain: domain))
            } throws: { "\($0)".hasPrefix("f.json: scale.domain: expected") }
        }
        #expect(throws: HeatGridError.self) { try make(ScaleSpec(), data: [.nan]) }
    }
}

@Suite struct OtherScaleTests {
    @Test func logScalePlacesDecadesEvenly() throws {
        let scale = try LogScaleProvider().makeScale(request(ScaleSpec(type: "log", domain: [0.001, 1000]), data: [0.01, 10]))
        #expect(abs(scale.position(of: 1)! - 0.5) < 1e-12)
        #expect(abs(scale.position(of: 0.01)! - 1.0 / 6) < 1e-12)
        #expect(scale.ticks(count: 6) == [0.001, 0.01, 0.1, 1, 10, 100, 1000])
        #expect(scale.tickLabels([0.001, 1, 1000]) == ["10⁻³", "10⁰", "10³"])
        #expect(scale.tickLabels([0.1, 1, 10]) == ["0.1", "1", "10"])
    }

    @Test func logScaleRefusesNonPositiveData() {
        #expect {
            try LogScaleProvider().makeScale(request(ScaleSpec(type: "log"), data: [-0.5, 3]))
        } throws: { "\($0)".contains("scale.type: a log scale needs positive data") && "\($0)".contains("-0.5") }
        #expect {
            try LogScaleProvider().makeScale(request(ScaleSpec(type: "log", domain: [0, 10]), data: [1, 3]))
        } throws: { "\($0)".contains("scale.domain") }
    }

    @Test func divergingScaleKeepsTheCenterInTheMiddle() throws {
        let scale = try DivergingScaleProvider().makeScale(request(ScaleSpec(type: "diverging", domain: [-1, 4], center: 0)))
        #expect(scale.position(of: 0) == 0.5)
        #expect(scale.position(of: -1) == 0)
        #expect(scale.position(of: 2) == 0.75)
        #expect(scale.value(at: 0.75) == 2)
        #expect(scale.ticks(count: 6).contains(0))
        // Without a domain it is symmetric around the center.
        let symmetric = try DivergingScaleProvider().makeScale(request(ScaleSpec(type: "diverging"), data: [-1, 3]))
        #expect(symmetric.domain == -3...3)
        #expect {
            try DivergingScaleProvider().makeScale(request(ScaleSpec(type: "diverging", domain: [1, 4], center: 0)))
        } throws: { "\($0)".contains("scale.center") }
    }

    @Test func powerScaleBrightensSmallValues() throws {
        let scale = try PowerScaleProvider().makeScale(request(ScaleSpec(type: "pow", domain: [0, 1], gamma: 0.5)))
        #expect(scale.position(of: 0.25) == 0.5)
        #expect(abs(scale.value(at: 0.5) - 0.25) < 1e-12)
    }

    @Test func symlogIsLinearNearZeroAndSymmetric() throws {
        let scale = try SymlogScaleProvider().makeScale(request(ScaleSpec(type: "symlog", domain: [-1000, 1000], linthresh: 1)))
        #expect(scale.position(of: 0) == 0.5)
        #expect(abs(scale.position(of: 10)! + scale.position(of: -10)! - 1) < 1e-12)
        #expect(abs(scale.value(at: scale.position(of: 123)!) - 123) < 1e-9)
        #expect(scale.ticks(count: 6).contains(0))
    }
}
