import Testing
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
        let clamped = ColorMapping(scale: TestLinearScale(domain: 0...1, clamps: true), colormap: ramp, bad: bad)
        #expect(clamped.color(for: .nan) == bad)
        #expect(clamped.color(for: 5) == ramp.table[3])
        #expect(clamped.color(for: -5) == ramp.table[0])
    }
}
