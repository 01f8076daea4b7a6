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

    /// Digits gathered as the readers do, every one into the mantissa (wrapping past 19): the
    /// long ones are read again, without their leading and trailing zeros.
    @Test(arguments: [
        ("000000000000000000000000012.5", -1, 1.25), ("1.000000000000000000000000", 0, 1),
        ("4.730224609375000000", -3, 4.730224609375e-03), ("1200000000000000000000", 0, 1.2e21),
        ("0.0000000000000000000000000", 5, 0),
    ])
    func fastPathReadsLongDigitsAgain(_ digits: String, _ writtenExponent: Int, _ expected: Double) throws {
        let value = try #require(Self.fastPath(digits, writtenExponent), "\(digits)e\(writtenExponent)")
        #expect(value.bitPattern == expected.bitPattern, "\(digits)e\(writtenExponent)")
    }

    @Test(arguments: ["12345678901234567890", "0.30000000000000004", "9007199254740993", "1.00000000000000000001"])
    func fastPathDeclinesManySignificantDigits(_ digits: String) {
        #expect(Self.fastPath(digits, 0) == nil, "\(digits)")
    }

    /// Significant digits padded with zeros at either end, as numpy and fixed-point formats write
    /// them: both readers agree bit for bit with Swift's parser.
    @Test func readersAgreeWithSwiftOnZeroPaddedDigits() {
        var generator = SplitMix64(state: 0x2E40)
        var mismatches: [String] = []
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        for _ in 0..<10_000 {
            let significant = String(Int.random(in: 1...9, using: &generator)) + digits(Int.random(in: 0...18, using: &generator))
            var written = String(repeating: "0", count: Int.random(in: 0...12, using: &generator)) + significant
                + String(repeating: "0", count: Int.random(in: 0...12, using: &generator))
            let point = Int.random(in: 0...written.count, using: &generator)
            written.insert(".", at: written.index(written.startIndex, offsetBy: point))
            if written == "." { continue }
            if Bool.random(using: &generator) { written += "e" + String(Int.random(in: -30...30, using: &generator)) }
            let expected = Double(written)!
            let bytes = Array((written + "\n        ").utf8)
            let scanned = bytes.withUnsafeBufferPointer { DecimalScanner.scan($0, from: 0, to: written.utf8.count) }
            let parsed = bytes.withUnsafeBufferPointer { UncheckedDecimal.parse(at: $0.baseAddress!)?.value }
            if scanned != .number(expected) || parsed.map({ $0.bitPattern != expected.bitPattern }) == true {
                mismatches.append(written)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// `DecimalRounding.fastPath` for `digits` (digits and a '.') times 10^`writtenExponent`.
    private static func fastPath(_ digits: String, _ writtenExponent: Int) -> Double? {
        let bytes = Array(digits.utf8)
        var mantissa: UInt64 = 0, digitCount = 0, fractionDigits = 0, afterPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") { afterPoint = true; continue }
            mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
            digitCount += 1
            if afterPoint { fractionDigits += 1 }
        }
        return bytes.withUnsafeBufferPointer { text in
            DecimalRounding.fastPath(mantissa: mantissa, digitCount: digitCount, exponent: writtenExponent - fractionDigits,
                                     digits: text.baseAddress!, digitsEnd: text.baseAddress! + text.count)
        }
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
