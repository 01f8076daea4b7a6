/// The bytes of a CSV file plus what error messages need: the path as the user wrote it,
/// and a way to turn byte offsets into 1-based columns.
///
/// Columns are computed only when an error is reported (scanning back to the line start),
/// so the hot loops never count them.
public struct CSVText {
    /// The whole file.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where the content starts: 3 when the file begins with a UTF-8 byte order mark, else 0.
    public let contentStart: Int
    /// The path for error messages.
    public let displayPath: String

    public init(bytes: UnsafeBufferPointer<UInt8>, displayPath: String) {
        self.bytes = bytes
        self.displayPath = displayPath
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        contentStart = bytes.count >= 3 && bytes[0] == bom[0] && bytes[1] == bom[1] && bytes[2] == bom[2] ? 3 : 0
    }

    /// True when the file holds nothing but a BOM and whitespace.
    public var isBlank: Bool {
        firstNonBlankLine().isEmpty
    }

    /// Byte range of the first line with something besides spaces, tabs and line ends
    /// (without its line end), or an empty range at the end when there is none.
    public func firstNonBlankLine() -> Range<Int> {
        var lineStart = contentStart
        var sawText = false
        var offset = contentStart
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if sawText { return lineStart..<offset }
                lineStart = offset + 1
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                sawText = true
            }
            offset += 1
        }
        return sawText ? lineStart..<bytes.count : bytes.count..<bytes.count
    }

    /// The 1-based column of the byte at `offset`, counting characters (UTF-8 scalars) from
    /// the start of its line; a tab counts as one.
    public func column(at offset: Int) -> Int {
        let offset = min(max(offset, contentStart), bytes.count)
        var lineStart = offset
        while lineStart > contentStart,
              bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") {
            lineStart -= 1
        }
        var column = 1
        for k in lineStart..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The text of a field, with a quoted field's doubled quotes made single.
    public func string(_ field: CSVField) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapedQuotes else {
            let text = String(decoding: raw, as: UTF8.self)
            return field.isQuoted ? text : trimmed(text)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            unescaped.append(raw[k])
            k += raw[k] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// A field's text in single quotes for a message, shortened when long.
    public func quoted(_ field: CSVField) -> String {
        let text = string(field)
        let limit = 40
        return text.count > limit ? "'\(text.prefix(limit))...'" : "'\(text)'"
    }

    /// A data error at a byte offset on a line.
    public func error(line: Int, at offset: Int, _ message: String) -> HeatGridError {
        .data(file: displayPath, line: line, column: column(at: offset), message: message)
    }

    /// A data error about a field (at its first byte: the opening quote when quoted).
    public func error(_ field: CSVField, _ message: String) -> HeatGridError {
        error(line: field.line, at: field.origin, message)
    }

    private func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
