import Testing
@testable import HeatGridCore

@Suite struct TicksTests {
    @Test func flagshipDomainGivesHalfThousandthSteps() {
        #expect(NiceTicks.ticks(0, 0.003, count: 6) == [0, 0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003])
    }

    @Test func ticksStayInsideTheDomain() {
        let ticks = NiceTicks.ticks(-1.3, 7.9, count: 5)
        #expect(ticks == [0, 2, 4, 6].map { Double($0) } || ticks == [-1, 0, 1, 2, 3, 4, 5, 6, 7])
        #expect(ticks.allSatisfy { (-1.3...7.9).contains($0) })
    }

    @Test func labelsShareOneNumberOfDecimals() {
        #expect(TickFormat.labels([0, 0.0005, 0.001]) == ["0.0000", "0.0005", "0.0010"])
        #expect(TickFormat.labels([0, 10, 20]) == ["0", "10", "20"])
        #expect(TickFormat.labels([-0.5, 0, 0.5]) == ["\u{2212}0.5", "0.0", "0.5"])
    }

    @Test func cellStepIsNice() {
        #expect(NiceTicks.cellStep(cells: 32) == 5)
        #expect(NiceTicks.cellStep(cells: 1) == 1)
        #expect(NiceTicks.cellStep(cells: 1000) == 200)
    }
}

/// A clamping scale for colorbar tests, without depending on the Scales plugin.
struct TestLinearScale: Scale {
    var domain: ClosedRange<Double>
    var clamps: Bool
    func scale(_ value: Double) -> ScaledValue {
        guard !value.isNaN else { return .bad }
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return t < 0 ? (clamps ? .inRange(0) : .under) : t > 1 ? (clamps ? .inRange(1) : .over) : .inRange(t)
    }
    func value(at t: Double) -> Double { domain.lowerBound + t * (domain.upperBound - domain.lowerBound) }
    func ticks(count: Int) -> [Double] { NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count) }
}

@Suite struct ColorbarTicksTests {
    @Test func clampedTopReadsPlus() {
        let ticks = ColorbarTicks(scale: TestLinearScale(domain: 0...0.003, clamps: true), dataExtent: 0...0.0042)
        #expect(ticks.labels == ["0.0000", "0.0005", "0.0010", "0.0015", "0.0020", "0.0025", "0.0030+"])
    }

    @Test func noPlusWhenTheDataStayInside() {
        let ticks = ColorbarTicks(scale: TestLinearScale(domain: 0...0.003, clamps: true), dataExtent: 0...0.0029)
        #expect(ticks.labels.last == "0.0030")
    }

    @Test func noPlusWithoutClamping() {
        let ticks = ColorbarTicks(scale: TestLinearScale(domain: 0...0.003, clamps: false), dataExtent: 0...1)
        #expect(ticks.labels.last == "0.0030")
    }

    @Test func clampedEndIsAddedWhenNotANiceTick() {
        let ticks = ColorbarTicks(scale: TestLinearScale(domain: 0...0.0032, clamps: true), dataExtent: -1...1)
        #expect(ticks.values.last == 0.0032)
        #expect(ticks.labels.last == "0.0032+")
        #expect(ticks.labels.first == "\u{2264}0.0000")
        // The nice tick 0.0030 sits too close to the added end to be read apart.
        #expect(!ticks.values.contains(0.003))
    }
}
