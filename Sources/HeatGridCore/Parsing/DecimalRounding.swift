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
// The slow path is `strtod`, correctly rounded for any input, for the rest: more than 2^53 in
// the digits, exponents past the table, subnormals, overflow.

/// Decimal digits to the nearest `Double`: Clinger's fast path and the `strtod` slow path, the
/// step every number reader ends with (`DecimalScanner`, `UncheckedDecimal`, and readers with a
/// grammar of their own, such as JSON's, that collect the mantissa and exponent themselves).
public enum DecimalRounding {
    /// `mantissa` x 10^`exponent`, correctly rounded, when Clinger's fast path can compute it
    /// exactly; nil when only the slow path can. The sign is the caller's to apply (negating a
    /// zero gives -0, as it should).
    ///
    /// The mantissa must hold every significant digit: a caller that dropped digits it had no
    /// room for must not come here (a mantissa of 19 digits is past 2^53, so a caller that stops
    /// taking digits at 19 is turned away here anyway).
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
