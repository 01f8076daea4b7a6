#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one field of text holds, as far as numbers go.
enum ScannedNumber: Equatable {
    /// A finite number.
    case number(Double)
    /// "nan" in any case: a bad cell on purpose.
    case notANumber
    /// Nothing but (perhaps) spaces.
    case empty
    /// "inf", "Infinity" or a number too large for a `Double` (rejected by callers: values must be finite).
    case infinite
    /// Anything else.
    case invalid
}

/// Decimal text to `Double` straight from bytes, without building Strings.
///
/// Grammar: optional spaces, optional sign, digits with an optional '.', an optional exponent
/// (e/E, optional sign, digits), optional spaces. Most numbers in data files have at most
/// 19 significant digits and a small exponent, so they take the Clinger fast path (exact);
/// the rest go to `strtod`, which rounds correctly. (Long-form lines try `PlainDecimal`, a
/// tighter loop for the same common case, first, and come here for anything else.)
enum NumberParser {
    /// 10^0 ... 10^22: every one is exactly representable as a `Double`, which is what makes
    /// a single multiply or divide correctly rounded.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 2^53: integers up to here convert to `Double` exactly.
    private static let maxExactInteger: UInt64 = 1 << 53

    /// Scans `bytes[start..<end]`.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> ScannedNumber {
        guard let base = bytes.baseAddress else { return .empty }
        return scan(base + start, count: end - start)
    }

    /// Scans `count` bytes at `text`.
    static func scan(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        var lo = 0, hi = count
        while lo < hi, isBlank(text[lo]) { lo += 1 }
        while hi > lo, isBlank(text[hi - 1]) { hi -= 1 }
        if lo == hi { return .empty }

        var i = lo
        var negative = false
        if text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        if i < hi, !isDigit(text[i]), text[i] != UInt8(ascii: ".") {
            return scanWord(text + i, count: hi - i)
        }

        // Significant digits go into `mantissa`; zeros are held back in `pendingZeros` until a
        // non-zero digit follows, so trailing zeros ("4.730000000000000000e-03", as numpy
        // writes) never use up the 19 digits a UInt64 holds.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var pendingZeros = 0
        var exponent = 0
        var sawDigit = false
        var tooManyDigits = false

        @inline(__always) func take(_ digit: UInt64) {
            if digit == 0 {
                if significantDigits > 0 { pendingZeros += 1 }
                return
            }
            let needed = significantDigits + pendingZeros + 1
            if needed > 19 || tooManyDigits {
                tooManyDigits = true
                return
            }
            for _ in 0..<pendingZeros { mantissa &*= 10 }
            mantissa = mantissa &* 10 &+ digit
            significantDigits = needed
            pendingZeros = 0
        }

        while i < hi, isDigit(text[i]) {
            sawDigit = true
            take(UInt64(text[i] &- UInt8(ascii: "0")))
            i += 1
        }
        // Integer-part digits dropped for being past the 19th still scale the value.
        if i < hi, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < hi, isDigit(text[i]) {
                sawDigit = true
                exponent -= 1
                take(UInt64(text[i] &- UInt8(ascii: "0")))
                i += 1
            }
        }
        guard sawDigit else { return .invalid }
        if i < hi, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < hi, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < hi, isDigit(text[i]) else { return .invalid }
            var written = 0
            while i < hi, isDigit(text[i]) {
                // Capped: anything this large is over- or underflow anyway, and strtod decides.
                if written < 100_000 { written = written * 10 + Int(text[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        guard i == hi else { return .invalid }

        exponent += pendingZeros
        if mantissa == 0 && !tooManyDigits { return .number(negative ? -0.0 : 0.0) }
        if !tooManyDigits, mantissa <= maxExactInteger {
            // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
            var value = Double(mantissa)
            if exponent >= 0 && exponent <= 22 {
                value *= exactPowersOfTen[exponent]
                return .number(negative ? -value : value)
            }
            if exponent < 0 && exponent >= -22 {
                value /= exactPowersOfTen[-exponent]
                return .number(negative ? -value : value)
            }
            // "12e30": move the surplus power into the mantissa while it stays exact.
            if exponent > 22 && exponent <= 22 + 15 {
                let shifted = mantissa.multipliedReportingOverflow(by: UInt64(exactPowersOfTen[exponent - 22]))
                if !shifted.overflow, shifted.partialValue <= maxExactInteger {
                    value = Double(shifted.partialValue) * 1e22
                    return .number(negative ? -value : value)
                }
            }
        }
        return slowPath(text + lo, count: hi - lo)
    }

    /// Recognises "nan" and the infinities (after the sign); anything else is invalid.
    private static func scanWord(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        if matchesIgnoringCase(text, count: count, "nan") { return .notANumber }
        if matchesIgnoringCase(text, count: count, "inf") || matchesIgnoringCase(text, count: count, "infinity") {
            return .infinite
        }
        return .invalid
    }

    /// Text the fast path cannot do exactly: `strtod` on a null-terminated copy (the text is
    /// already known to be a well-formed decimal, so strtod reads all of it).
    private static func slowPath(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        let value: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { copy in
            for k in 0..<count { copy[k] = CChar(bitPattern: text[k]) }
            copy[count] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let parsed = strtod(copy.baseAddress!, &stop)
            // A host that set a numeric locale with a decimal comma stops strtod early;
            // Swift's own parser always uses '.', so use it then.
            if stop == copy.baseAddress! + count { return parsed }
            return Double(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
        guard let value else { return .invalid }
        return value.isFinite ? .number(value) : .infinite
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func matchesIgnoringCase(_ text: UnsafePointer<UInt8>, count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for k in 0..<count where text[k] | 0x20 != letters[k] { return false }
        return true
    }
}
