import Foundation
import HeatGridCore
import Testing
import TestSupport

@Suite("Decimal rounding: Clinger's fast path and the strtod slow path")
struct DecimalRoundingTests {
    @Test(arguments: [
        (UInt64(0), 0, 0.0), (0, 400, 0), (0, -400, 0), (1, 0, 1), (473, -6, 0.000473), (25, -1, 2.5),
        (9_007_199_254_740_992, 0, 9_007_199_254_740_992), (1, 22, 1e22), (1, -22, 1e-22),
        (1, 23, 1e23), (12, 30, 12e30), (1, 37, 1e37),
    ])
    func fastPathComputesWhatItCanDoExactly(_ mantissa: UInt64, _ exponent: Int, _ expected: Double) throws {
        let value = try #require(DecimalRounding.fastPath(mantissa: mantissa, exponent: exponent))
        #expect(value.bitPattern == expected.bitPattern, "\(mantissa)e\(exponent)")
    }

    /// Past 2^53 or past the exact powers of ten, one rounding is no longer enough.
    @Test(arguments: [(UInt64(9_007_199_254_740_993), 0), (1, -23), (1, 38), (123_456_789, 30)])
    func fastPathDeclinesWhatItCannot(_ mantissa: UInt64, _ exponent: Int) {
        #expect(DecimalRounding.fastPath(mantissa: mantissa, exponent: exponent) == nil, "\(mantissa)e\(exponent)")
    }

    @Test func fastPathAgreesWithSwiftWheneverItAnswers() {
        var generator = SplitMix64(state: 0xC11)
        var answered = 0
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...(1 << 53), using: &generator) >> UInt64.random(in: 0...50, using: &generator)
            let exponent = Int.random(in: -30...40, using: &generator)
            guard let value = DecimalRounding.fastPath(mantissa: mantissa, exponent: exponent) else { continue }
            answered += 1
            if value.bitPattern != Double("\(mantissa)e\(exponent)")!.bitPattern { mismatches.append("\(mantissa)e\(exponent)") }
        }
        #expect(answered > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test(arguments: [
        ("0.30000000000000004", 0.30000000000000004), ("-2.5", -2.5), ("9007199254740993", 9_007_199_254_740_992),
        ("1e-400", 0), ("1e400", .infinity), ("4.9e-324", .leastNonzeroMagnitude),
    ])
    func slowPathRoundsAnyDecimal(_ text: String, _ expected: Double) throws {
        let bytes = Array(text.utf8)
        let value = try #require(bytes.withUnsafeBufferPointer { DecimalRounding.slowPath($0.baseAddress!, count: $0.count) })
        #expect(value.bitPattern == expected.bitPattern, "\(text)")
    }
}
