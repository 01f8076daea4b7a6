import Foundation
import HeatGridCore
import Testing
import TestSupport

/// Parses `text` as a source's inner loop would: followed by a line end and enough bytes that
/// eight can be read anywhere up to it.
private func parseUnchecked(_ text: String) -> (value: Double, length: Int)? {
    let bytes = Array(text.utf8) + Array("\n        ".utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        UncheckedDecimal.parse(at: buffer.baseAddress!).map { ($0.value, $0.end - buffer.baseAddress!) }
    }
}

@Suite("Unchecked decimal fast path and eight-digit words")
struct UncheckedDecimalTests {
    @Test(arguments: [
        ("0", 0.0), ("7", 7), ("-7", -7), ("+3", 3), ("0.0003336511", 0.0003336511), ("1.5e-3", 0.0015),
        ("2E+2", 200), (".5", 0.5), ("5.", 5), ("12345678", 12_345_678), ("123456789", 123_456_789),
        ("0.1", 0.1), ("2.148219e-07", 2.148219e-07), ("9007199254740992", 9_007_199_254_740_992),
        ("1e22", 1e22), ("1e-22", 1e-22), ("00012.5000", 12.5), ("0.000000000000000000000000000000", 0),
        ("123456789012345.0", 123_456_789_012_345), ("1e23", 1e23), ("12e30", 12e30),
        // More than 19 digits, or a mantissa past 2^53, but few significant ones.
        ("4.730224609375000000e-03", 4.730224609375e-03), ("0.00000000000000000473", 4.73e-18),
        ("12000000000000000000000", 1.2e22), ("1234567890123456000e-20", 1234567890123456000e-20),
    ])
    func parsesTheCommonForms(_ text: String, _ expected: Double) throws {
        let parsed = try #require(parseUnchecked(text), "\(text)")
        #expect(parsed.value == expected && parsed.value.sign == expected.sign, "\(text)")
        #expect(parsed.length == text.utf8.count, "\(text)")
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let parsed = try #require(parseUnchecked("-0.000"))
        #expect(parsed.value == 0 && parsed.value.sign == .minus)
    }

    /// Text the fast path cannot do exactly, or that is not a plain decimal: nil, so that
    /// `DecimalScanner` decides.
    @Test(arguments: ["", "-", ".", "e5", "1e", "1e+", "nan", "inf", " 1", "x",
                      "9007199254740993", "12345678901234567890", "1e38", "1e-23", "0.30000000000000004"])
    func declines(_ text: String) {
        #expect(parseUnchecked(text) == nil, "\(text)")
    }

    @Test func stopsAtTheFirstByteThatCannotContinueTheNumber() throws {
        for (text, length) in [("1.25,7", 4), ("3\r\n", 1), ("-2.5e3x", 6), ("42 ", 2), ("1.5.2", 3), ("7e-1,", 4)] {
            let parsed = try #require(parseUnchecked(text), "\(text)")
            #expect(parsed.length == length, "\(text)")
        }
    }

    /// The fast path must agree bit for bit with Swift's own parser whenever it answers.
    @Test func agreesWithSwiftOnRandomDecimalStrings() {
        var generator = SplitMix64(state: 0xDEC1)
        var answered = 0
        var mismatches: [String] = []
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        for _ in 0..<20_000 {
            var text = ["", "-", "+"].randomElement(using: &generator)!
            let integerDigits = Int.random(in: 0...12, using: &generator)
            let fractionDigits = Int.random(in: 0...14, using: &generator)
            text += digits(integerDigits)
            if fractionDigits > 0 || integerDigits == 0 { text += "." + digits(max(fractionDigits, 1)) }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                text += (Bool.random(using: &generator) ? "e" : "E") + ["", "+", "-"].randomElement(using: &generator)!
                text += String(Int.random(in: 0...30, using: &generator))
            }
            guard let expected = Double(text) else { continue }
            guard let parsed = parseUnchecked(text) else { continue }
            answered += 1
            if parsed.value.bitPattern != expected.bitPattern || parsed.length != text.utf8.count {
                mismatches.append(text)
            }
        }
        // Most of these are within the fast path's reach; the rest went to the slow path.
        #expect(answered > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Values as data files write them (%.7g, repr, %.6f...) nearly all take the fast path.
    @Test func agreesWithSwiftOnFormattedDoubles() {
        var generator = SplitMix64(state: 77)
        let formats = ["%.7g", "%.6f", "%.9g", "%.3e", "%.15g", "%g"]
        var answered = 0
        var mismatches: [String] = []
        for k in 0..<12_000 {
            let value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -9...9, using: &generator)))
            for text in [String(format: formats[k % formats.count], value), "\(Float(value))"] {
                guard let parsed = parseUnchecked(text) else { continue }
                answered += 1
                if parsed.value.bitPattern != Double(text)!.bitPattern || parsed.length != text.utf8.count {
                    mismatches.append(text)
                }
            }
        }
        #expect(answered > 20_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func eightDigitWordsCountAndConvertEveryLength() {
        for length in 0...8 {
            let digitText = String("73920415".prefix(length))
            for follower in [",", "\n", ".", "e", " ", "/", ":", "\u{7F}", "\u{FF}"] {
                var bytes = Array((digitText + follower).utf8)
                bytes += [UInt8](repeating: UInt8(ascii: "5"), count: 16)
                let word = bytes.withUnsafeBufferPointer { EightDigits.load($0.baseAddress!) }
                #expect(EightDigits.digitCount(word) == length, "\(digitText)\(follower)")
                if length > 0 {
                    #expect(EightDigits.value(word, count: length) == UInt64(digitText)!, "\(digitText)")
                }
            }
        }
        // Every byte value next to a digit: only '0'...'9' count.
        for byte in 0...255 {
            let bytes: [UInt8] = [UInt8(ascii: "4"), UInt8(byte), 0, 0, 0, 0, 0, 0]
            let word = bytes.withUnsafeBufferPointer { EightDigits.load($0.baseAddress!) }
            let isDigit = (48...57).contains(byte)
            #expect(EightDigits.digitCount(word) == (isDigit ? 2 : 1), "byte \(byte)")
        }
    }
}
