/// A small strict JSON parser (RFC 8259) over bytes that records positions. Nesting is capped so
/// a file of a million `[` cannot exhaust the stack.
struct PositionedJSONParser {
    struct SyntaxError: Error {
        let line: Int
        let column: Int
        let message: String
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var column = 1
    private static let maxDepth = 256

    init(bytes: [UInt8]) {
        self.bytes = bytes
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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
        let (startLine, startColumn) = (line, column)
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
        return PositionedJSON(value: value, line: startLine, column: startColumn)
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
        var members: [(key: String, keyLine: Int, keyColumn: Int, value: PositionedJSON)] = []
        skipBlanks()
        if peek(UInt8(ascii: "}")) { advance(); return .object(members) }
        while true {
            skipBlanks()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a quoted key, found \(describeNext())") }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            skipBlanks()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the key \"\(key)\", found \(describeNext())") }
            advance()
            skipBlanks()
            members.append((key, keyLine, keyColumn, try parseValue(depth: depth + 1)))
            skipBlanks()
            if peek(UInt8(ascii: ",")) { advance(); continue }
            if peek(UInt8(ascii: "}")) { advance(); return .object(members) }
            throw error("expected ',' or '}' after an object member, found \(describeNext())")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        advance()  // opening quote
        var utf8: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                guard index < bytes.count else { break }
                let escape = bytes[index]
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    advance()
                    utf8.append(contentsOf: try parseUnicodeEscape())
                    continue
                default: throw error("unknown escape '\\\(Unicode.Scalar(escape))' in a string")
                }
                advance()
            case 0x00..<0x20:
                throw error("expected a closing '\"' before the end of the line")
            default:
                utf8.append(byte)
                advance()
            }
        }
        throw error("expected a closing '\"', found the end of the file")
    }

    /// The UTF-8 of `XXXX` (after `\u`), joining a surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func parseUnicodeEscape() throws(SyntaxError) -> [UInt8] {
        let high = try hexQuad()
        var scalarValue = UInt32(high)
        if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            advance(); advance()
            let low = try hexQuad()
            scalarValue = (0xDC00..<0xE000).contains(low)
                ? 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00) : 0xFFFD
        }
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexDigit(bytes[index]) else {
                throw error("expected 4 hex digits after '\\u', found \(describeNext())")
            }
            value = value << 4 | UInt16(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        let (startLine, startColumn) = (line, column)
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
            throw SyntaxError(line: startLine, column: startColumn, message: "malformed number '\(text)'")
        }
        return value
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let (start, startLine, startColumn) = (index, line, column)
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw SyntaxError(line: startLine, column: startColumn,
                                  message: "expected a JSON value, found \(describeWord(at: start))")
            }
            advance()
        }
    }

    // MARK: Position keeping

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// Moves one byte on; columns count characters, so UTF-8 continuation bytes add none.
    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte == UInt8(ascii: "\r") {
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { return }  // the \n counts the line
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipBlanks() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
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
        SyntaxError(line: line, column: column, message: message)
    }
}
