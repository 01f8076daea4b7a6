// The text of a JSON string (RFC 8259, section 7) read from the bytes between its quotes.
//
// Bytes are taken as they are, except for a backslash, which starts an escape: one of
// \" \\ \/ \b \f \n \r \t, or \u and four hex digits naming a UTF-16 code unit. Characters past
// U+FFFF are written as two such escapes, a high surrogate (D800-DBFF) then a low one
// (DC00-DFFF), joined here into one scalar. A raw control character (below U+0020) must be
// escaped. Text that is not Unicode (a surrogate escape without its partner, bytes that are not
// UTF-8) is repaired with U+FFFD and reported as repaired: a reader that must agree with
// Foundation's strict parser rejects it, one that reports its own errors can take it as it is.

/// Decodes JSON strings straight from bytes, for JSON readers that work on bytes.
public enum JSONString {
    /// Why a string could not be decoded.
    public enum Problem: Equatable, Sendable {
        /// The bytes end before the closing quote.
        case unterminated
        /// A raw control character, which a string may only hold escaped.
        case controlCharacter
        /// A backslash followed by a byte that starts no escape.
        case unknownEscape
        /// "\u" not followed by four hex digits.
        case badUnicodeEscape
    }

    /// A string that could not be decoded: the problem and the offset of the byte it is at (the
    /// end of the bytes when they end too early).
    public struct Failure: Error, Equatable {
        public let problem: Problem
        public let offset: Int
    }

    /// The string whose text starts at `start` (just after its opening quote), escapes decoded;
    /// the offset just after its closing quote; and whether U+FFFD had to stand in for text that
    /// is not Unicode (a surrogate escape without its partner, bytes that are not UTF-8).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        throws(Failure) -> (text: String, end: Int, repaired: Bool) {
        var utf8: [UInt8] = []
        var repaired = false
        var p = start
        while true {
            guard p < bytes.count else { throw Failure(problem: .unterminated, offset: p) }
            let byte = bytes[p]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw Failure(problem: .controlCharacter, offset: p) }
            p += 1
            guard byte == UInt8(ascii: "\\") else { utf8.append(byte); continue }

            guard p < bytes.count else { throw Failure(problem: .unterminated, offset: p) }
            let escape = bytes[p]
            p += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape(bytes, at: &p)
                if scalar == nil { repaired = true }
                UTF8.encode(scalar ?? "\u{FFFD}") { utf8.append($0) }
            default:
                throw Failure(problem: .unknownEscape, offset: p - 1)
            }
        }
        if let text = String(validating: utf8, as: UTF8.self) { return (text, p + 1, repaired) }
        return (String(decoding: utf8, as: UTF8.self), p + 1, true)
    }

    /// The scalar of the escape whose hex digits start at `p` (after "\u"), joined with the low
    /// surrogate escape that must follow a high one (nil for a surrogate without its partner);
    /// moves `p` past them.
    private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout Int) throws(Failure) -> Unicode.Scalar? {
        let high = try hexQuad(bytes, at: &p)
        var value = high
        if (0xD800..<0xDC00).contains(high), p + 1 < bytes.count,
           bytes[p] == UInt8(ascii: "\\"), bytes[p + 1] == UInt8(ascii: "u") {
            p += 2
            let low = try hexQuad(bytes, at: &p)
            // A high surrogate followed by anything but a low one stays alone (and is no scalar).
            if (0xDC00..<0xE000).contains(low) { value = 0x10000 + (high - 0xD800) << 10 + (low - 0xDC00) }
        }
        return Unicode.Scalar(value)
    }

    /// The four hex digits at `p`, moving past them.
    private static func hexQuad(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard p < bytes.count, let digit = hexDigit(bytes[p]) else {
                throw Failure(problem: .badUnicodeEscape, offset: p)
            }
            value = value << 4 | UInt32(digit)
            p += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
