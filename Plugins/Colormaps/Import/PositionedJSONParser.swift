import HeatGridCore

/// A small strict JSON parser (RFC 8259) over bytes that records where each value starts. Nesting
/// is capped so a file of a million `[` cannot exhaust the stack.
struct PositionedJSONParser {
    struct SyntaxError: Error {
        /// Where it is: a content offset, which `TextPositions` turns into a line and column.
        let offset: Int
        let message: String
    }

    private let bytes: [UInt8]
    /// Where the content starts (after any byte order mark): offsets count from here.
    private let contentStart: Int
    private var index: Int
    private static let maxDepth = 256

    init(text: TextPositions) {
        bytes = text.bytes
        contentStart = text.contentStart
        index = contentStart
    }

    /// The single value the bytes hold.
    mutating func parseDocument() throws(SyntaxError) -> PositionedJSON {
        skipBlanks()
        let value = try parseValue(depth: 0)
        skipBlanks()
        if index < bytes.count { throw error("expected the end of the file after the JSON value, found \(describeNext())") }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> PositionedJSON {
        guard depth < Self.maxDepth else { throw error("JSON nested more than \(Self.maxDepth) levels deep") }
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        let start = offset
        let value: PositionedJSON.Value
        switch bytes[index] {
        case UInt8(ascii: "["): value = try parseArray(depth: depth)
        case UInt8(ascii: "{"): value = try parseObject(depth: depth)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default: throw error("expected a JSON value, found \(describeNext())")
        }
        return PositionedJSON(value: value, offset: start)
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> PositionedJSON.Value {
        advance()  // [
        var elements: [PositionedJSON] = []
        skipBlanks()
        if peek(UInt8(ascii: "]")) { advance(); return .array(elements) }
        while true {
            skipBlanks()
            elements.append(try parseValue(depth: depth + 1))
            skipBlanks()
            if peek(UInt8(ascii: ",")) { advance(); continue }
            if peek(UInt8(ascii: "]")) { advance(); return .array(elements) }
            throw error("expected ',' or ']' after an array element, found \(describeNext())")
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> PositionedJSON.Value {
        advance()  // {
        var members: [(key: String, keyOffset: Int, value: PositionedJSON)] = []
        skipBlanks()
        if peek(UInt8(ascii: "}")) { advance(); return .object(members) }
        while true {
            skipBlanks()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a quoted key, found \(describeNext())") }
            let keyOffset = offset
            let key = try parseString()
            skipBlanks()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the key \"\(key)\", found \(describeNext())") }
            advance()
            skipBlanks()
            members.append((key, keyOffset, try parseValue(depth: depth + 1)))
            skipBlanks()
            if peek(UInt8(ascii: ",")) { advance(); continue }
            if peek(UInt8(ascii: "}")) { advance(); return .object(members) }
            throw error("expected ',' or '}' after an object member, found \(describeNext())")
        }
    }

    /// A string, escapes decoded; a lone surrogate or bytes that are not UTF-8 become U+FFFD.
    private mutating func parseString() throws(SyntaxError) -> String {
        let textStart = index + 1  // after the opening quote
        do {
            let string = try bytes.withUnsafeBufferPointer { buffer throws(JSONString.Failure) in
                try JSONString.decode(buffer, from: textStart)
            }
            index = string.end
            return string.text
        } catch {
            let at = error.offset
            let message = switch error.problem {
            case .unterminated: "expected a closing '\"', found the end of the file"
            case .controlCharacter: "expected a closing '\"' before the end of the line"
            case .unknownEscape: "unknown escape '\\\(Unicode.Scalar(bytes[at]))' in a string"
            case .badUnicodeEscape: "expected 4 hex digits after '\\u', found \(describeWord(at: at))"
            }
            throw SyntaxError(offset: at - contentStart, message: message)
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        func digits(_ parser: inout PositionedJSONParser) -> Int {
            var count = 0
            while parser.index < parser.bytes.count,
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) {
                parser.advance()
                count += 1
            }
            return count
        }
        if peek(UInt8(ascii: "-")) { advance() }
        let leadingZero = peek(UInt8(ascii: "0"))
        let integerDigits = digits(&self)
        var valid = integerDigits > 0 && !(leadingZero && integerDigits > 1)
        if peek(UInt8(ascii: ".")) { advance(); valid = valid && digits(&self) > 0 }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            advance()
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { advance() }
            valid = valid && digits(&self) > 0
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard valid, let value = Double(text), value.isFinite else {
            throw SyntaxError(offset: start - contentStart, message: "malformed number '\(text)'")
        }
        return value
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let start = index
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw SyntaxError(offset: start - contentStart, message: "expected a JSON value, found \(describeWord(at: start))")
            }
            advance()
        }
    }

    // MARK: Bytes

    /// The content offset of `index`.
    private var offset: Int { index - contentStart }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func advance() { index += 1 }

    private mutating func skipBlanks() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private func describeNext() -> String { describeWord(at: index) }

    /// The token at `index` as written (up to a delimiter), quoted.
    private func describeWord(at index: Int) -> String {
        guard index < bytes.count else { return "the end of the file" }
        var end = index
        let delimiters: [UInt8] = Array(" \t\r\n,:[]{}\"".utf8)
        while end < bytes.count, end - index < 40, !delimiters.contains(bytes[end]) { end += 1 }
        if end == index { end = index + 1 }
        return ImportText.quoted(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(offset: offset, message: message)
    }
}
