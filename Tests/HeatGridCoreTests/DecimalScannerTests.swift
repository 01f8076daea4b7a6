import Foundation
import HeatGridCore
import Testing
import TestSupport

/// Scans a whole string.
private func scanNumber(_ text: String) -> ScannedNumber {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { DecimalScanner.scan($0, from: 0, to: $0.count) }
}

@Suite("Decimal scanner")
struct DecimalScannerTests {
    @Test(arguments: [
        ("0", 0.0), ("42", 42), (" 42 ", 42), ("\t-7\t", -7), ("1.5e-3", 0.0015), ("2E+2", 200),
        ("2e2", 200), (".5", 0.5), ("5.", 5), ("+3", 3), ("-4.25e1", -42.5), ("0.1", 0.1),
        ("1e22", 1e22), ("1e23", 1e23), ("12e30", 12e30), ("9007199254740993", 9007199254740992),
        ("123456789012345678901234567890", 123456789012345678901234567890.0),
        ("0.30000000000000004", 0.30000000000000004), ("1e-400", 0), ("4.9e-324", Double.leastNonzeroMagnitude),
        ("2.2250738585072014e-308", 2.2250738585072014e-308), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("4.730224609375000000e-03", 4.730224609375e-03), ("100000000000000000000000", 1e23),
        ("0.000000000000000000000000000001", 1e-30), ("00012.5000", 12.5),
    ])
    func parses(_ text: String, _ expected: Double) {
        #expect(scanNumber(text) == .number(expected), "\(text)")
    }

    @Test func negativeZeroKeepsItsSign() throws {
        guard case .number(let value) = scanNumber("-0.0") else { Issue.record("not a number"); return }
        #expect(value == 0 && value.sign == .minus)
    }

    @Test(arguments: ["nan", "NaN", "NAN", "-nan", "+nan"])
    func notANumber(_ text: String) {
        #expect(scanNumber(text) == .notANumber)
    }

    @Test(arguments: ["inf", "-inf", "Infinity", "-INFINITY", "1e309", "-1.8e308"])
    func infinite(_ text: String) {
        #expect(scanNumber(text) == .infinite)
    }

    @Test(arguments: ["", " ", "\t  "])
    func empty(_ text: String) {
        #expect(scanNumber(text) == .empty)
    }

    @Test(arguments: ["abc", "1e", "1e+", "--1", "1.2.3", "0x10", "1 2", ".", "-", "e5", "1,5", "nanx", "infinit", "1d5", "½"])
    func invalid(_ text: String) {
        #expect(scanNumber(text) == .invalid)
    }

    @Test func agreesWithSwiftOnRandomDoublesInManyFormats() {
        var generator = SplitMix64(state: 0x5EED)
        let formats = ["%.17g", "%.6e", "%.3f", "%.20e", "%g", "%.15g", "%E", "%.25f", "%.1e"]
        var checked = 0
        var mismatches: [String] = []
        for k in 0..<10_000 {
            let value: Double
            switch k % 4 {
            case 0: value = Double(bitPattern: generator.next() & ~(0x7FF << 52) | (UInt64.random(in: 1...2046, using: &generator) << 52))
            case 1: value = Double.random(in: 0..<1, using: &generator)
            case 2: value = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -30...30, using: &generator)))
            default: value = Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / 1000
            }
            var texts = ["\(value)"]
            texts.append(String(format: formats[k % formats.count], value))
            for text in texts {
                let expected = Double(text)!
                checked += 1
                if scanNumber(text) != .number(expected) { mismatches.append(text) }
            }
        }
        #expect(checked == 20_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func agreesWithSwiftOnRandomDecimalStrings() {
        var generator = SplitMix64(state: 42)
        var mismatches: [String] = []
        for _ in 0..<10_000 {
            let integerDigits = Int.random(in: 0...22, using: &generator)
            let fractionDigits = Int.random(in: 0...22, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            text += String((0..<integerDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if fractionDigits > 0 || integerDigits == 0 {
                text += "." + String((0..<max(fractionDigits, 1)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            }
            if Bool.random(using: &generator) {
                text += (Bool.random(using: &generator) ? "e" : "E") + ["", "+", "-"].randomElement(using: &generator)!
                text += String(Int.random(in: 0...330, using: &generator))
            }
            guard let expected = Double(text), expected.isFinite else { continue }
            if scanNumber(text) != .number(expected) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
