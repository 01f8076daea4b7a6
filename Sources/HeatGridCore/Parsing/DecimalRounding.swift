#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The last step of reading a decimal number: its digits, as a whole number `mantissa` times
// 10^`exponent` ("0.000473" is 473 x 10^-6), to the nearest `Double`.
//
// Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately", 1990):
// when the mantissa is at most 2^53 and the exponent within -22...22, the mantissa and
// 10^|exponent| are both exactly representable as `Double`s, so a single IEEE multiply or
// divide, which rounds once, gives the correctly rounded value: bit for bit what `strtod` and
// `Double(String)` give. A larger exponent still qualifies while the surplus power can move into
// the mantissa and leave it at most 2^53 ("12e30" is 12e8 x 10^22). The numbers data files hold
// (%.7g, repr: at most 17 digits, small exponents) nearly all qualify.
//
// Readers gather digits the quick way: each one into a 64-bit mantissa as it is read, wrapping
// past 19 of them (all a UInt64 holds). That mantissa is nearly always the one to use. Two rare
// cases read the digits again: more than 19, where leading and trailing zeros
// ("0.000000000000000000473", numpy's "4.730224609375000000e-03") may leave few enough
// significant ones; and a mantissa past 2^53 that ends in zeros, which fits once they move into
// the exponent.
//
// The slow path is `strtod`, correctly rounded for any input, for the rest: more than 2^53 in
// the digits, exponents past the table, subnormals, overflow.

/// Decimal digits to the nearest `Double`: Clinger's fast path and the `strtod` slow path, the
/// step every number reader ends with (`DecimalScanner`, `UncheckedDecimal`, and readers with a
/// grammar of their own, such as JSON's, that collect the mantissa and exponent themselves).
public enum DecimalRounding {
    /// The fast path for a reader that gathered every digit it read into `mantissa`, wrapping
    /// past 19 of them: `digitCount` digits, written (with any '.') from `digits` up to
    /// `digitsEnd`, times 10^`exponent`. Nil when only the slow path can compute the value.
    @inlinable @inline(always)  // guaranteed (SE-0496): readers call it in their inner loops
    public static func fastPath(mantissa: UInt64, digitCount: Int, exponent: Int,
                                digits: UnsafePointer<UInt8>, digitsEnd: UnsafePointer<UInt8>) -> Double? {
        if digitCount > 19 || mantissa > maxExactMantissa {
            return fastPath(longMantissa: mantissa, digitCount: digitCount, exponent: exponent,
                            digits: digits, digitsEnd: digitsEnd)
        }
        return fastPath(mantissa: mantissa, exponent: exponent)
    }

    /// `mantissa` x 10^`exponent`, correctly rounded, when Clinger's fast path can compute it
    /// exactly; nil when only the slow path can. The sign is the caller's to apply (negating a
    /// zero gives -0, as it should).
    ///
    /// The mantissa must hold every digit: a caller that dropped digits it had no room for must
    /// not come here (a mantissa of 19 digits is past 2^53, so a caller that stops taking digits
    /// at 19 is turned away here anyway).
    @inlinable @inline(always)  // guaranteed (SE-0496): readers call it in their inner loops
    public static func fastPath(mantissa: UInt64, exponent: Int) -> Double? {
        if mantissa == 0 { return 0 }
        guard mantissa <= maxExactMantissa else { return nil }
        // At most 2^53, so the signed conversion (one instruction, unlike the unsigned one) is exact.
        let value = Double(Int64(bitPattern: mantissa))
        if exponent < 0 {
            guard exponent >= -22 else { return nil }
            return value / exactPowerOfTen(-exponent)
        }
        if exponent <= 22 { return value * exactPowerOfTen(exponent) }
        return withLargeExponent(mantissa: mantissa, exponent: exponent)
    }

    /// The nearest `Double` to the `count` bytes of decimal text at `text`: infinite past
    /// `Double`'s range, zero below it; nil if the text is not one whole number.
    ///
    /// For text the fast path turned away, already checked against the caller's grammar
    /// (optional sign, digits with an optional '.', optional exponent): `strtod` then reads all
    /// of it.
    public static func slowPath(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { copy in
            for k in 0..<count { copy[k] = CChar(bitPattern: text[k]) }
            copy[count] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let parsed = strtod(copy.baseAddress!, &stop)
            // A host that set a numeric locale with a decimal comma stops strtod early;
            // Swift's own parser always uses '.', so use it then.
            if stop == copy.baseAddress! + count { return parsed }
            return Double(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    /// 10^`exponent` for an exponent in 0...22: every one is exactly representable as a `Double`.
    ///
    /// The table of powers, as a switch: the compiler makes it a table of constants in each module
    /// that inlines it. (A global array would be lazily initialised when public: every use from
    /// another module would call a function to check that.)
    @inlinable @inline(always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        case 22: 1e22
        default: .nan  // outside the table: callers check the range
        }
    }

    /// 2^53: whole numbers up to here convert to `Double` exactly.
    @inlinable
    static var maxExactMantissa: UInt64 { 1 << 53 }

    /// The fast path for gathered digits that may have wrapped (more than 19) or are past 2^53:
    /// the digits (and '.') from `start` to `end`, times 10^`exponent`, read again without their
    /// leading and trailing zeros; nil past 19 significant digits or 2^53. (Rare, so out of line.)
    @usableFromInline
    static func fastPath(longMantissa: UInt64, digitCount: Int, exponent: Int,
                         digits start: UnsafePointer<UInt8>, digitsEnd end: UnsafePointer<UInt8>) -> Double? {
        // Only zeros at either end (and a '.' among them) can leave fewer significant digits.
        guard digitCount > 19 || longMantissa % 10 == 0 else { return nil }
        func isPadding(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "0") || byte == UInt8(ascii: ".") }
        var first = start, last = end
        while first < last, isPadding(first[0]) { first += 1 }
        while last > first, isPadding(last[-1]) { last -= 1 }
        var mantissa: UInt64 = 0, significantDigits = 0
        for p in first..<last where p[0] != UInt8(ascii: ".") {
            significantDigits += 1
            guard significantDigits <= 19 else { return nil }
            mantissa = mantissa * 10 + UInt64(p[0] - UInt8(ascii: "0"))
        }
        // Each trailing zero set aside is a power of ten for the exponent.
        let trailingZeros = (last..<end).count { $0[0] != UInt8(ascii: ".") }
        return fastPath(mantissa: mantissa, exponent: exponent + trailingZeros)
    }

    /// The fast path for an exponent past 22 ("12e30"): the surplus power moved into the mantissa
    /// while that stays exact. (Rare, so out of line.)
    @usableFromInline
    static func withLargeExponent(mantissa: UInt64, exponent: Int) -> Double? {
        guard exponent <= 22 + 15 else { return nil }
        let shifted = mantissa.multipliedReportingOverflow(by: UInt64(exactPowerOfTen(exponent - 22)))
        guard !shifted.overflow, shifted.partialValue <= maxExactMantissa else { return nil }
        return Double(shifted.partialValue) * 1e22
    }
}
