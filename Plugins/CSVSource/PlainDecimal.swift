/// The fast path for the decimals data files are made of: reads one number at a pointer in a
/// single tight loop and says where it stopped, or gives up so a slower correct path can decide.
///
/// Accepted: optional sign, digits with an optional '.', an optional exponent (e/E, optional
/// sign, digits), at most 19 significant digits, and a value Clinger's fast path makes exact:
/// a mantissa of at most 2^53 scaled by 10^-22 ... 10^22. Both operands are then exact
/// `Double`s, so the one multiply or divide rounds correctly and the result is bit-for-bit
/// what `Double(String)` or `strtod` give. Everything else (more digits, "12e30", "nan",
/// blanks, text) returns nil and is left to `NumberParser.scan`.
///
/// No bounds are checked: the caller guarantees a byte at or after `start` that cannot
/// continue a number (a line end, say) with at least eight more bytes readable from it.
/// Every scan stops at such a byte, and digits are read eight bytes at a time
/// (`EightDigits`), so nothing needs comparing against the end of the buffer.
enum PlainDecimal {
    /// 10^0 ... 10^22: every one is exactly representable as a `Double`.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number starting at `start` and the first byte after it, or nil when the text there
    /// is not a number this path can do exactly (the caller then uses `NumberParser.scan`).
    @inline(always)  // guaranteed (SE-0496): this is the inner loop's largest part
    static func parse(at start: UnsafePointer<UInt8>) -> (value: Double, end: UnsafePointer<UInt8>)? {
        var p = start
        let negative = p[0] == UInt8(ascii: "-")
        if negative || p[0] == UInt8(ascii: "+") { p += 1 }

        // All digits go into one UInt64, wrapping if there are more than 19; the count of
        // significant ones below decides whether the wrapped value may be used.
        var mantissa: UInt64 = 0
        let digitsStart = p
        // The integer part is most often a single digit ("0.000473"): a byte loop is cheaper
        // there than a whole word.
        while NumberParser.isDigit(p[0]) {
            mantissa = mantissa &* 10 &+ UInt64(p[0] &- UInt8(ascii: "0"))
            p += 1
        }
        var digitCount = p - digitsStart
        var exponent = 0
        if p[0] == UInt8(ascii: ".") {
            p += 1
            let fractionDigits = EightDigits.accumulate(&p, into: &mantissa)
            digitCount += fractionDigits
            exponent = -fractionDigits
        }
        guard digitCount > 0 else { return nil }

        if p[0] | 0x20 == UInt8(ascii: "e") {
            p += 1
            let exponentNegative = p[0] == UInt8(ascii: "-")
            if exponentNegative || p[0] == UInt8(ascii: "+") { p += 1 }
            guard NumberParser.isDigit(p[0]) else { return nil }
            var written = 0
            while NumberParser.isDigit(p[0]) {
                // Capped: anything this large is out of the fast path's range anyway.
                if written < 100_000 { written = written &* 10 &+ Int(p[0] &- UInt8(ascii: "0")) }
                p += 1
            }
            exponent += exponentNegative ? -written : written
        }

        // Leading zeros ("0.000123") add nothing to the mantissa, so only a long run of
        // significant digits (which may have wrapped) is sent to the slow path.
        if digitCount > 19, significantDigits(from: digitsStart, before: p) > 19 { return nil }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, p) }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        // At most 2^53, so the signed conversion (one instruction) is exact.
        var value = Double(Int64(bitPattern: mantissa))
        if exponent < 0 {
            value /= exactPowersOfTen[-exponent]
        } else {
            value *= exactPowersOfTen[exponent]
        }
        return (negative ? -value : value, p)
    }

    /// Digits from the first non-zero one, in the digits and '.' from `start` (rare: only for
    /// numbers written with more than 19 digits).
    private static func significantDigits(from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>) -> Int {
        var p = start
        while p < end, p[0] == UInt8(ascii: "0") || p[0] == UInt8(ascii: ".") { p += 1 }
        var count = 0
        while p < end, NumberParser.isDigit(p[0]) || p[0] == UInt8(ascii: ".") {
            if p[0] != UInt8(ascii: ".") { count += 1 }
            p += 1
        }
        return count
    }
}
