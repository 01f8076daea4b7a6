/// A value in a .npy header: the subset of Python literals `numpy.lib.format` writes (and a
/// little more, so headers from other writers and older NumPy versions still parse).
indirect enum HeaderValue: Equatable {
    case string(String)
    /// A whole number; nil when it does not fit in an `Int`.
    case integer(Int?)
    case bool(Bool)
    case none
    /// A float or other number the header has no use for, kept as written.
    case otherNumber(String)
    /// A tuple `( )` or list `[ ]`.
    case sequence([HeaderValue], isTuple: Bool)
    /// Keys in the order written.
    case dict([(key: String, value: HeaderValue)])

    static func == (lhs: HeaderValue, rhs: HeaderValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.none, .none): true
        case let (.otherNumber(a), .otherNumber(b)): a == b
        case let (.sequence(a, t), .sequence(b, u)): a == b && t == u
        case let (.dict(a), .dict(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

/// A tolerant parser for the header's Python dict literal, e.g.
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (8, 32, 32), }`: either quote, any
/// spacing, trailing commas, `(5,)` and `()`, Python 2's `3L`, and NUL or space padding.
struct HeaderLiteralParser {
    private let bytes: [UInt8]
    /// Whether strings are UTF-8 (format 3.0) rather than Latin-1 (1.0 and 2.0).
    private let isUTF8: Bool
    private var position = 0
    private var depth = 0

    init(bytes: [UInt8], isUTF8: Bool) {
        self.bytes = bytes
        self.isUTF8 = isUTF8
    }

    /// The one value the header holds (it must be followed by nothing but padding).
    static func parse(_ bytes: [UInt8], isUTF8: Bool) throws -> HeaderValue {
        var parser = HeaderLiteralParser(bytes: bytes, isUTF8: isUTF8)
        let value = try parser.value()
        parser.skipSpace()
        if parser.position < bytes.count { throw parser.failure("unexpected \(parser.describeNext()) after the dict") }
        return value
    }

    private mutating func value() throws -> HeaderValue {
        skipSpace()
        guard position < bytes.count else { throw failure("the header ends where a value should be") }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): return try nested { try $0.dict() }
        case UInt8(ascii: "("): return try nested { try $0.sequence(closing: UInt8(ascii: ")")) }
        case UInt8(ascii: "["): return try nested { try $0.sequence(closing: UInt8(ascii: "]")) }
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return try number()
        default:
            if Self.isLetter(byte) { return try word() }
            throw failure("unexpected \(describeNext())")
        }
    }

    /// Runs `body` one level deeper, refusing absurd nesting (a crafted header could otherwise
    /// exhaust the stack).
    private mutating func nested(_ body: (inout HeaderLiteralParser) throws -> HeaderValue) throws -> HeaderValue {
        guard depth < NumPyLimits.maxHeaderNesting else { throw failure("brackets nested too deeply") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func dict() throws -> HeaderValue {
        position += 1  // {
        var entries: [(key: String, value: HeaderValue)] = []
        while true {
            skipSpace()
            if try consumeClosing(UInt8(ascii: "}")) { return .dict(entries) }
            guard case .string(let key) = try value() else { throw failure("expected a quoted key") }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key '\(key)', found \(describeNext())")
            }
            position += 1
            entries.append((key, try value()))
            try separator(closing: UInt8(ascii: "}"))
        }
    }

    private mutating func sequence(closing: UInt8) throws -> HeaderValue {
        position += 1  // ( or [
        var items: [HeaderValue] = []
        while true {
            skipSpace()
            if try consumeClosing(closing) { return .sequence(items, isTuple: closing == UInt8(ascii: ")")) }
            items.append(try value())
            try separator(closing: closing)
        }
    }

    /// After an item: a comma, or the closing bracket (left for the loop to consume).
    private mutating func separator(closing: UInt8) throws {
        skipSpace()
        guard position < bytes.count else { throw failure("the header ends before '\(Character(Unicode.Scalar(closing)))'") }
        if bytes[position] == UInt8(ascii: ",") { position += 1; return }
        guard bytes[position] == closing else {
            throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))', found \(describeNext())")
        }
    }

    private mutating func consumeClosing(_ closing: UInt8) throws -> Bool {
        guard position < bytes.count else { throw failure("the header ends before '\(Character(Unicode.Scalar(closing)))'") }
        guard bytes[position] == closing else { return false }
        position += 1
        return true
    }

    private mutating func string() throws -> String {
        let quote = bytes[position]
        let start = position
        position += 1
        var content: [UInt8] = []
        while position < bytes.count, bytes[position] != quote {
            // A backslash keeps the next byte as it is: enough for the quotes and backslashes a
            // dtype or key could hold.
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
            content.append(bytes[position])
            position += 1
        }
        guard position < bytes.count else {
            position = start
            throw failure("a string is not closed")
        }
        position += 1
        return isUTF8 ? String(decoding: content, as: UTF8.self)
            : String(String.UnicodeScalarView(content.map { Unicode.Scalar($0) }))
    }

    private mutating func number() throws -> HeaderValue {
        let start = position
        var sign = 1
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            if bytes[position] == UInt8(ascii: "-") { sign = -1 }
            position += 1
        }
        var magnitude: Int? = 0
        var digits = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            if let m = magnitude {
                let (times10, o1) = m.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                magnitude = o1 || o2 ? nil : sum
            }
            digits += 1
            position += 1
        }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            // A float: not part of a valid header, but it may sit under a key that is ignored.
            while position < bytes.count, Self.isFloatByte(bytes[position]) { position += 1 }
            return .otherNumber(String(decoding: bytes[start..<position], as: UTF8.self))
        }
        guard digits > 0 else {
            position = start
            throw failure("unexpected \(describeNext())")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "L") || bytes[position] == UInt8(ascii: "l") {
            position += 1  // Python 2 long, as NumPy on Python 2 wrote shapes: (3L, 4L)
        }
        return .integer(magnitude.map { $0 * sign })
    }

    /// True, False, None, or a prefixed string like u'<f8'.
    private mutating func word() throws -> HeaderValue {
        let start = position
        while position < bytes.count, Self.isLetter(bytes[position]) { position += 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        if position < bytes.count, bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\""),
           word.count <= 2, word.lowercased().allSatisfy({ "ubr".contains($0) }) {
            return .string(try string())
        }
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .none
        default:
            position = start
            throw failure("unexpected word '\(word)' (expected a quoted string, a number, True, False or None)")
        }
    }

    private mutating func skipSpace() {
        // NumPy pads with spaces and ends with a newline; some writers pad with NULs.
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[position]) { position += 1 }
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private static func isFloatByte(_ byte: UInt8) -> Bool {
        digit(byte) != nil || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                               UInt8(ascii: "-")].contains(byte)
    }

    /// The next character for a message: quoted, or "the end of the header".
    private func describeNext() -> String {
        guard position < bytes.count else { return "the end of the header" }
        let byte = bytes[position]
        return (0x20..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// An error quoting the start of the header and the character position of the problem.
    private func failure(_ detail: String) -> NumPyFormatError {
        var end = bytes.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[end - 1]) { end -= 1 }
        let shown = bytes[..<end].prefix(100).map { (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : "?" }
        let quoted = String(shown) + (end > 100 ? "..." : "")
        // Past the last non-padding character, a character number would point into the padding.
        let place = position < end ? "at character \(position + 1) of" : "at the end of"
        return NumPyFormatError("the .npy header is not a valid Python dict literal: \(detail) \(place) \"\(quoted)\"")
    }
}
