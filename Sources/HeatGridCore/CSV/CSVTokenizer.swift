/// Splits CSV text into records of fields, scanning bytes: RFC 4180 quoting ("" for a quote;
/// delimiters and line ends allowed inside quotes), LF or CRLF line ends (a lone CR too),
/// blank lines skipped, a final line without a line end accepted; each record and field with
/// the line it starts on, each error with its line and column.
///
/// The one splitter of CSV text: the CSV source reads data files with it (its fast path for
/// plain lines of numbers, `PlainLineReader`, hands every line it does not expect back to this
/// tokenizer, so errors and meanings come from here), and `SideTable` reads the small side
/// files of splits and tracks with it, so a side file is quoted, trimmed and numbered by lines
/// exactly as a data file is. (It lives in the core for that; its loops compile to the same
/// machine code here as they did in the CSV source, whose number fast paths stay there.)
///
/// Fields come back as byte ranges, so a number field is parsed where it lies and never
/// becomes a String. The caller passes one `[CSVField]` array to every call; reusing its
/// storage keeps the loop free of allocations.
public struct CSVTokenizer {
    /// The file.
    public let text: CSVText
    /// What separates fields.
    public let delimiter: CSVDelimiter
    /// The next byte to read.
    public private(set) var position: Int
    /// The 1-based line of `position`.
    public private(set) var line: Int

    /// A tokenizer at the start of `text`'s content (after a byte order mark).
    public init(_ text: CSVText, delimiter: CSVDelimiter) {
        self.text = text
        self.delimiter = delimiter
        position = text.contentStart
        line = 1
    }

    /// Reads the next non-blank record into `fields` (replacing what it held). Returns nil at
    /// the end of the file.
    public mutating func next(into fields: inout [CSVField]) throws -> CSVRecordPlace? {
        fields.removeAll(keepingCapacity: true)
        guard skipBlankLines() else { return nil }
        let recordLine = line
        if let separator = delimiter.byte {
            return try readDelimited(separator, recordLine: recordLine, into: &fields)
        }
        return try readWhitespaceSeparated(recordLine: recordLine, into: &fields)
    }

    /// Moves past `count` lines the caller read by itself (the CSV source's fast path), to `position`
    /// (the start of the next line).
    public mutating func skipLines(_ count: Int, to position: Int) {
        self.position = position
        line += count
    }

    /// Skips lines holding only spaces and tabs. Returns false at the end of the file.
    private mutating func skipBlankLines() -> Bool {
        let bytes = text.bytes
        var probe = position
        while probe < bytes.count {
            switch bytes[probe] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                probe += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                probe = afterLineEnd(probe)
                position = probe
                line += 1
            default:
                return true
            }
        }
        position = bytes.count
        return false
    }

    /// Fields separated by one byte (',' or tab).
    private mutating func readDelimited(_ separator: UInt8, recordLine: Int, into fields: inout [CSVField]) throws -> CSVRecordPlace {
        let bytes = text.bytes
        let count = bytes.count
        var p = position
        while true {
            if let quoteAt = openingQuote(from: p, separator: separator) {
                p = try readQuoted(at: quoteAt, into: &fields)
            } else {
                // The hot loop: an unquoted field ends at the separator or a line end.
                let start = p
                while p < count {
                    let byte = bytes[p]
                    if byte == separator || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                    p += 1
                }
                fields.append(CSVField(start: start, end: p, origin: start, line: line,
                                    isQuoted: false, hasEscapedQuotes: false))
            }
            if p < count, bytes[p] == separator {
                p += 1
                continue
            }
            return finishRecord(at: p, recordLine: recordLine)
        }
    }

    /// Fields separated by runs of spaces and tabs; leading and trailing blanks ignored.
    private mutating func readWhitespaceSeparated(recordLine: Int, into fields: inout [CSVField]) throws -> CSVRecordPlace {
        let bytes = text.bytes
        let count = bytes.count
        var p = position
        while true {
            while p < count, bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t") { p += 1 }
            if p >= count || bytes[p] == UInt8(ascii: "\n") || bytes[p] == UInt8(ascii: "\r") {
                return finishRecord(at: p, recordLine: recordLine)
            }
            if bytes[p] == UInt8(ascii: "\"") {
                p = try readQuoted(at: p, into: &fields)
            } else {
                let start = p
                while p < count {
                    let byte = bytes[p]
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                        || byte == UInt8(ascii: "\r") { break }
                    p += 1
                }
                fields.append(CSVField(start: start, end: p, origin: start, line: line,
                                    isQuoted: false, hasEscapedQuotes: false))
            }
        }
    }

    /// The offset of a field's opening quote, allowing spaces before it (a common
    /// hand-written style: `a, "b"`), or nil for an unquoted field.
    @inline(__always)
    private func openingQuote(from start: Int, separator: UInt8) -> Int? {
        let bytes = text.bytes
        var p = start
        while p < bytes.count, bytes[p] == UInt8(ascii: " ") || (bytes[p] == UInt8(ascii: "\t") && separator != UInt8(ascii: "\t")) {
            p += 1
        }
        return p < bytes.count && bytes[p] == UInt8(ascii: "\"") ? p : nil
    }

    /// Reads a quoted field whose opening quote is at `quoteAt`; returns the offset after
    /// the closing quote and any blanks that follow it.
    private mutating func readQuoted(at quoteAt: Int, into fields: inout [CSVField]) throws -> Int {
        let bytes = text.bytes
        let count = bytes.count
        let openLine = line
        var p = quoteAt + 1
        var hasEscapedQuotes = false
        while true {
            guard p < count else {
                throw text.error(line: openLine, at: quoteAt,
                                 "unterminated quoted field: the quote opened here is never closed")
            }
            let byte = bytes[p]
            if byte == UInt8(ascii: "\"") {
                if p + 1 < count, bytes[p + 1] == UInt8(ascii: "\"") {
                    hasEscapedQuotes = true
                    p += 2
                    continue
                }
                break
            }
            // A line end inside quotes belongs to the field but still starts a new line.
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (p + 1 >= count || bytes[p + 1] != UInt8(ascii: "\n"))) {
                line += 1
            }
            p += 1
        }
        fields.append(CSVField(start: quoteAt + 1, end: p, origin: quoteAt, line: openLine,
                            isQuoted: true, hasEscapedQuotes: hasEscapedQuotes))
        p += 1
        while p < count, bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t"),
              delimiter != .tab || bytes[p] != UInt8(ascii: "\t") {
            p += 1
        }
        if p < count {
            let byte = bytes[p]
            let ends = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == delimiter.byte
                || (delimiter == .whitespace && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")))
            if !ends {
                throw text.error(line: line, at: p,
                                 "unexpected text after a closing quote; a quoted field must end at a delimiter or the line end (write \"\" for a quote inside quotes)")
            }
        }
        return p
    }

    /// Ends a record at `p` (a line end or the end of the file) and moves past the line end.
    private mutating func finishRecord(at p: Int, recordLine: Int) -> CSVRecordPlace {
        let bytes = text.bytes
        if p < bytes.count {
            position = afterLineEnd(p)
            line += 1
        } else {
            position = bytes.count
        }
        return CSVRecordPlace(line: recordLine, end: p)
    }

    /// The offset after the line end at `p` (CRLF counts as one).
    @inline(__always)
    private func afterLineEnd(_ p: Int) -> Int {
        let bytes = text.bytes
        if bytes[p] == UInt8(ascii: "\r"), p + 1 < bytes.count, bytes[p + 1] == UInt8(ascii: "\n") { return p + 2 }
        return p + 1
    }
}
