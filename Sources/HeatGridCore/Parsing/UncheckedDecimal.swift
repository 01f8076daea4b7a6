// The fast path for the decimals data files are made of: one number read at a pointer in a
// single tight loop with no bounds checks, or declined, so that a slower correct reader decides.
//
// Accepted: optional sign, digits with an optional '.', an optional exponent (e/E, optional
// sign, digits), at most 19 significant digits, and a value Clinger's fast path makes exact
// (`DecimalRounding.fastPath`); the result is then bit for bit what `Double(String)` or `strtod`
// give. Everything else (more digits, "nan", blanks, text) is declined and left to
// `DecimalScanner`.
//
// Speed comes from what is not done. No byte is compared against an end: every scan stops at a
// byte that cannot continue a number, which the caller guarantees is there, and digits after the
// '.' are read eight bytes at a time (`EightDigits`), which the caller guarantees are readable.
// All digits go into one `UInt64`, wrapping past 19 of them; `DecimalRounding` reads the rare
// longer ones again.

/// Reads a decimal number at a pointer without checking any bounds: for inner loops over text
/// whose every number is known to be followed by a byte that ends it.
public enum UncheckedDecimal {
    /// The number starting at `start` and the first byte after it, or nil when the text there
    /// is not a number this path can do exactly (the caller then uses `DecimalScanner`).
    ///
    /// The caller guarantees that at or after `start` comes a byte that cannot continue a number
    /// (a line end or a delimiter, say), and that at least eight bytes are readable from it:
    /// reads stop at that byte but may look up to seven bytes past it.
    @inlinable @inline(always)  // guaranteed (SE-0496): this is its callers' inner loop's largest part
    public static func parse(at start: UnsafePointer<UInt8>) -> (value: Double, end: UnsafePointer<UInt8>)? {
        var p = start
        let negative = p[0] == UInt8(ascii: "-")
        if negative || p[0] == UInt8(ascii: "+") { p += 1 }

        var mantissa: UInt64 = 0
        let digitsStart = p
        // The integer part is most often a single digit ("0.000473"): a byte loop is cheaper
        // there than a whole word.
        while DecimalScanner.isDigit(p[0]) {
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
        let digitsEnd = p

        if p[0] | 0x20 == UInt8(ascii: "e") {
            p += 1
            let exponentNegative = p[0] == UInt8(ascii: "-")
            if exponentNegative || p[0] == UInt8(ascii: "+") { p += 1 }
            guard DecimalScanner.isDigit(p[0]) else { return nil }
            var written = 0
            while DecimalScanner.isDigit(p[0]) {
                // Capped: anything this large is out of the fast path's range anyway.
                if written < 100_000 { written = written &* 10 &+ Int(p[0] &- UInt8(ascii: "0")) }
                p += 1
            }
            exponent += exponentNegative ? -written : written
        }

        guard let value = DecimalRounding.fastPath(mantissa: mantissa, digitCount: digitCount, exponent: exponent,
                                                   digits: digitsStart, digitsEnd: digitsEnd) else { return nil }
        return (negative ? -value : value, p)
    }
}
