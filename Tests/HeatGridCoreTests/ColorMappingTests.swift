import Testing
import TestSupport
@testable import HeatGridCore

@Suite struct ColorMappingTests {
    let ramp = LookupTableColormap(name: "ramp", table: (0..<4).map { RGBA(red: Double($0) / 3, green: 0, blue: 0) })

    @Test func lookupPicksTheEntryLikeMatplotlib() {
        #expect(ramp.color(at: 0) == ramp.table[0])
        #expect(ramp.color(at: 0.26) == ramp.table[1])
        #expect(ramp.color(at: 1) == ramp.table[3])
        #expect(ramp.reversed.color(at: 0) == ramp.table[3])
        #expect(ramp.reversed.name == "ramp_r")
    }

    @Test func badAndClampedValues() {
        let bad = RGBA(hex: "#d9d9d9")!
        let clamped = ColorMapping(scale: TestLinearScale(domain: 0...1), colormap: ramp, bad: bad)
        #expect(clamped.color(for: .nan) == bad)
        #expect(clamped.color(for: 5) == ramp.table[3])
        #expect(clamped.color(for: -5) == ramp.table[0])
    }

    @Test func extendedEndsUseTheirOwnColours() {
        let over = RGBA(hex: "#ff00ff")!, under = RGBA(hex: "#00ffff")!
        let colormap = CustomizedColormap(ramp, under: under, over: over)
        let mapping = ColorMapping(scale: TestLinearScale(domain: 0...1), colormap: colormap, bad: .white,
                                   underPolicy: .extend, overPolicy: .extend, data: DataSummary(values: [0.5]))
        #expect(mapping.color(for: 2) == over)
        #expect(mapping.color(for: -1) == under)
        #expect(mapping.color(for: 1) == ramp.table[3])
        #expect(mapping.classify(2) == .over)
    }

    @Test func autoExtendsOnlyWhereTheDataGo() {
        let mapping = ColorMapping(scale: TestLinearScale(domain: 0...1), colormap: ramp, bad: .white,
                                   underPolicy: .auto, overPolicy: .auto, data: DataSummary(values: [0.2, 1.5]))
        #expect(mapping.under == .clamp)
        #expect(mapping.over == .extend(ramp.over))
    }

    @Test func reversedAndCustomizedColormaps() {
        let reversed = ReversedColormap(ramp)
        #expect(reversed.name == "ramp_r")
        #expect(reversed.color(at: 0) == ramp.table[3])
        #expect(reversed.under == ramp.over)
        // Customised: the spec's under/over/bad colours replace the map's, its colours stay.
        let customized = CustomizedColormap(reversed, under: .white, bad: .black)
        #expect(customized.name == "ramp_r" && customized.color(at: 0) == ramp.table[3])
        #expect(customized.under == .white && customized.over == reversed.over && customized.bad == .black)
        #expect(CustomizedColormap(ramp).under == ramp.under && CustomizedColormap(ramp).bad == nil)
    }
}

@Suite struct ColorBytesTests {
    /// The byte-table fast path gives exactly the colours of `color(for:)`.
    @Test func bytesMatchTheColourOfEveryValue() {
        let ramp = LookupTableColormap(name: "ramp", table: (0..<7).map { RGBA(red: Double($0) / 6, green: 0.3, blue: 1 - Double($0) / 6) })
        for colormap in [ramp, ramp.reversed] as [any Colormap] {
            for (under, over) in [(OutOfRangePolicy.clamp, OutOfRangePolicy.extend), (.extend, .clamp)] {
                let mapping = ColorMapping(scale: TestLinearScale(domain: -1...2), colormap: CustomizedColormap(colormap, over: .black),
                                           bad: .white, underPolicy: under, overPolicy: over, data: DataSummary(values: [0]))
                var generator = SplitMix64(seed: 7)
                let values = (0..<2000).map { _ in Double.random(in: -2...3, using: &generator) } + [.nan, -1, 2, 0.5, .infinity, -.infinity]
                let bytes = mapping.rgbaBytes(for: values)
                for (i, value) in values.enumerated() {
                    let c = mapping.color(for: value)
                    let expected = [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
                    #expect(Array(bytes[(4 * i)..<(4 * i + 4)]) == expected, "value \(value)")
                }
            }
        }
    }
}
