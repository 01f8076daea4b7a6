import Testing
@testable import HeatGridCore
import TestSupport

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

@Suite struct ColorbarTicksTests {
    @Test func clampedTopReadsPlus() {
        let ticks = ColorbarTicks(mapping: testMapping(0...0.003, data: [0, 0.0042]))
        #expect(ticks.labels == ["0.0000", "0.0005", "0.0010", "0.0015", "0.0020", "0.0025", "0.0030+"])
    }

    @Test func noPlusWhenTheDataStayInside() {
        let ticks = ColorbarTicks(mapping: testMapping(0...0.003, data: [0, 0.0029]))
        #expect(ticks.labels.last == "0.0030")
    }

    @Test func noPlusWhenTheEndIsExtended() {
        let ticks = ColorbarTicks(mapping: testMapping(0...0.003, data: [0, 1], over: .extend))
        #expect(ticks.labels.last == "0.0030")
    }

    @Test func clampedEndIsAddedWhenNotANiceTick() {
        let ticks = ColorbarTicks(mapping: testMapping(0...0.0032, data: [-1, 1]))
        #expect(ticks.values.last == 0.0032)
        #expect(ticks.labels.last == "0.0032+")
        #expect(ticks.labels.first == "\u{2264}0.0000")
        // The nice tick 0.0030 sits too close to the added end to be read apart.
        #expect(!ticks.values.contains(0.003))
    }

    @Test func explicitTicksAndFormats() {
        let mapping = testMapping(0...1, data: [0, 1])
        let ticks = ColorbarTicks(mapping: mapping, explicit: [0, 0.25, 0.5, 2], format: TickFormat(spec: "%.2f"))
        #expect(ticks.values == [0, 0.25, 0.5])  // 2 lies outside the domain
        #expect(ticks.labels == ["0.00", "0.25", "0.50"])
        #expect(TickFormat(spec: "%s") == nil)
        #expect(TickFormat(spec: "%.2f %d") == nil)
        #expect(TickFormat(spec: "%.0f%%")?.labels([50]) == ["50%"])
    }
}

@Suite struct TickFormatTests {
    @Test func tinyAndHugeNumbersUsePowersOfTen() {
        #expect(TickFormat.labels([0, 0.000002, 0.000004]) == ["0", "2×10⁻⁶", "4×10⁻⁶"])
        #expect(TickFormat.labels([0, 2e6, 4e6]) == ["0", "2×10⁶", "4×10⁶"])
        #expect(TickFormat.labels([0, 0.0005, 0.001]) == ["0.0000", "0.0005", "0.0010"])
        #expect(TickFormat.scientific.labels([1000, 1e-5]) == ["10³", "10⁻⁵"])
    }

    @Test func siPrefixes() {
        #expect(TickFormat.si.labels([0, 0.0005, 0.001]) == ["0", "0.5m", "1.0m"])
        #expect(TickFormat.si.labels([0, 1500, 3000]) == ["0", "1.5k", "3.0k"])
    }

    @Test func negativeNumbersUseTheMinusSign() {
        #expect(TickFormat.printf("%.1f").labels([-0.5]) == ["\u{2212}0.5"])
    }
}
