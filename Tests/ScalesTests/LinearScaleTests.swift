import Testing
import HeatGridCore
@testable import Scales

@Suite struct LinearScaleTests {
    @Test func mapsTheDomainOntoTheUnitInterval() {
        let scale = LinearScale(domain: 0...0.003, clamps: true)
        #expect(scale.scale(0) == .inRange(0))
        #expect(scale.scale(0.0015) == .inRange(0.5))
        #expect(scale.scale(0.0042) == .inRange(1))
        #expect(scale.scale(-1) == .inRange(0))
        #expect(scale.scale(.nan) == .bad)
        #expect(scale.value(at: 0.5) == 0.0015)
    }

    @Test func withoutClampingOutOfRangeIsReported() {
        let scale = LinearScale(domain: 0...1, clamps: false)
        #expect(scale.scale(2) == .over)
        #expect(scale.scale(-2) == .under)
    }

    func make(_ spec: ScaleSpec, extent: ClosedRange<Double>? = 0...4) throws -> any Scale {
        try LinearScaleProvider().makeScale(ScaleRequest(spec: spec, dataExtent: extent, specFile: "f.json"))
    }

    @Test func domainComesFromTheSpecOrTheData() throws {
        #expect(try make(ScaleSpec(domain: [0, 0.003])).domain == 0...0.003)
        #expect(try make(ScaleSpec()).domain == 0...4)
        #expect(try make(ScaleSpec(), extent: 2...2).domain == 1...3)
    }

    @Test func badDomainsNameTheKey() {
        for domain in [[1.0, 0.0], [0.0], [0.0, .infinity]] {
            #expect {
                try make(ScaleSpec(domain: domain))
            } throws: { "\($0)".hasPrefix("f.json: scale.domain: expected") }
        }
        #expect(throws: HeatGridError.self) { try make(ScaleSpec(), extent: nil) }
    }
}
