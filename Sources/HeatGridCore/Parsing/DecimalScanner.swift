// Decimal text to `Double` straight from bytes, without building Strings: the general number
// reader of text data, for a field whose ends are known.
//
// Grammar: optional spaces, optional sign, digits with an optional '.', an optional exponent
// (e/E, optional sign, digits), optional spaces; "nan" and "inf"/"infinity" in any case are
// recognised as such. The digits are collected into a 64-bit mantissa and a decimal exponent
// for `DecimalRounding`: most numbers in data files have at most 19 significant digits and a
// small exponent, so they take Clinger's fast path (exact); the rest go to `strtod`, which rounds
// correctly.
//
// Every read is checked against the field's end. Where the caller can promise a byte that ends
// the number, `UncheckedDecimal` is a tighter loop for the common case.

/// What one field of text holds, as far as numbers go.
public enum ScannedNumber: Equatable, Sendable {
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

/// Reads a field of decimal text as a number (blanks around it allowed), every byte read checked
/// against the field's end.
public enum DecimalScanner {
    /// What `bytes[start..<end]` holds.
    @inlinable @inline(__always)
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> ScannedNumber {
        guard let base = bytes.baseAddress else { return .empty }
        return scan(base + start, count: end - start)
    }

    /// What the `count` bytes at `text` hold.
    @inlinable
    public static func scan(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        var lo = 0, hi = count
        while lo < hi, isBlank(text[lo]) { lo += 1 }
        while hi > lo, isBlank(text[hi - 1]) { hi -= 1 }
        if lo == hi { return .empty }

        var i = lo
        let negative = text[i] == UInt8(ascii: "-")
        if negative || text[i] == UInt8(ascii: "+") { i += 1 }
        if i < hi, !isDigit(text[i]), text[i] != UInt8(ascii: ".") {
            return scanWord(text + i, count: hi - i)
        }

        // Every digit goes into `mantissa` as it is read, wrapping past 19 of them
        // (`DecimalRounding` reads the rare longer ones again).
        var mantissa: UInt64 = 0
        let digitsStart = i
        while i < hi, isDigit(text[i]) {
            mantissa = mantissa &* 10 &+ UInt64(text[i] &- UInt8(ascii: "0"))
            i += 1
        }
        var digitCount = i - digitsStart
        var exponent = 0
        if i < hi, text[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < hi, isDigit(text[i]) {
                mantissa = mantissa &* 10 &+ UInt64(text[i] &- UInt8(ascii: "0"))
                i += 1
            }
            digitCount += i - fractionStart
            exponent = fractionStart - i
        }
        guard digitCount > 0 else { return .invalid }
        let digitsEnd = i
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

        if let value = DecimalRounding.fastPath(mantissa: mantissa, digitCount: digitCount, exponent: exponent,
                                                 digits: text + digitsStart, digitsEnd: text + digitsEnd) {
            return .number(negative ? -value : value)
        }
        return slowPath(text + lo, count: hi - lo)
    }

    /// Whether `byte` is an ASCII digit.
    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Space or tab: what may surround a number in a field.
    @inlinable @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// A well-formed decimal the fast path cannot do exactly (the sign included).
    @usableFromInline
    static func slowPath(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        guard let value = DecimalRounding.slowPath(text, count: count) else { return .invalid }
        return value.isFinite ? .number(value) : .infinite
    }

    /// Recognises "nan" and the infinities (after the sign); anything else is invalid.
    @usableFromInline
    static func scanWord(_ text: UnsafePointer<UInt8>, count: Int) -> ScannedNumber {
        if matchesIgnoringCase(text, count: count, "nan") { return .notANumber }
        if matchesIgnoringCase(text, count: count, "inf") || matchesIgnoringCase(text, count: count, "infinity") {
            return .infinite
        }
        return .invalid
    }

    private static func matchesIgnoringCase(_ text: UnsafePointer<UInt8>, count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for k in 0..<count where text[k] | 0x20 != letters[k] { return false }
        return true
    }
}
