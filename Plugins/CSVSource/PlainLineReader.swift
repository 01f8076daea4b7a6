import HeatGridCore

/// The fast path of long-form reading: consecutive lines that have no quotes and nothing
/// unusual, each read in one pass that splits it at the delimiter, parses the row, column and
/// value as it goes, and stores the cell in the current panel's grid.
///
/// It never reports an error. A line it does not expect (a quote, blanks around a number, a
/// field count unlike the header's, a value that is neither a plain decimal nor nan, a blank
/// line, a cell already given or past the size limit, the file's last line or two) stops it
/// before anything is stored, and `CSVTokenizer` reads that line instead. So every error,
/// with its line and column, still comes from the general path, and a line read here means
/// exactly what the tokenizer would have made of it.
///
/// No byte is compared against the end of the file: the reader only starts lines that end at
/// least eight bytes before it, every scan here stops at a line end, and digits are read eight
/// bytes at a time (`EightDigits`), so that line end bounds every read. The checks per line are
/// one comparison against `limit` and one per field for its closing byte.
///
/// Files nearly always hold just the panel (if any), row, column and value columns in that
/// order; lines of such files are read by straight-line code, other layouts field by field.
struct PlainLineReader {
    /// Why `read` stopped.
    enum Stop {
        /// The line at the tokenizer's position is for the tokenizer.
        case declined
        /// The line at the tokenizer's position is plain but names a panel other than
        /// `panelBytes`: its panel field is at these offsets. Read again once that panel is
        /// current.
        case newPanel(Range<Int>)
    }

    /// The file's first byte.
    private let base: UnsafePointer<UInt8>
    /// Lines are only started before here: the byte before it is a line end with at least
    /// eight more bytes after it.
    private let limit: Int
    private let separator: UInt8
    private let columns: LongFormReader.Columns
    /// Whether the fields are exactly [panel,] row, column, value.
    private let inUsualOrder: Bool

    /// A reader for `text`, whose fields are split by `delimiter` (with `.whitespace`, which
    /// long-form data never uses, every line goes to the tokenizer).
    init(text: CSVText, delimiter: CSVDelimiter, columns: LongFormReader.Columns) {
        let bytes = text.bytes
        var lastLineEnd = bytes.count - 9
        while lastLineEnd >= 0, bytes[lastLineEnd] != UInt8(ascii: "\n"), bytes[lastLineEnd] != UInt8(ascii: "\r") {
            lastLineEnd -= 1
        }
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        // A spec may name one column for two parts (odd, but allowed): the tokenizer copes.
        let parts = [columns.panel, columns.row, columns.column, columns.value].compactMap { $0 }
        let distinct = Set(parts).count == parts.count
        limit = delimiter.byte == nil || bytes.baseAddress == nil || !distinct ? 0 : max(lastLineEnd + 1, 0)
        separator = delimiter.byte ?? 0
        self.columns = columns
        let first = columns.panel == nil ? 0 : 1
        inUsualOrder = (columns.panel == nil || columns.panel == 0) && columns.row == first
            && columns.column == first + 1 && columns.value == first + 2 && columns.fieldCount == first + 3
    }

    /// Reads lines from the tokenizer's position into `grid` for as long as they are plain and
    /// name the panel whose field bytes are `panelBytes` (nil: no current panel; ignored
    /// without a panel column); moves the tokenizer past them and returns how many there were,
    /// and why it stopped.
    ///
    /// Comparing the panel field's bytes with the previous line's is far cheaper than finding
    /// its end and looking its title up, and consecutive lines nearly always share a panel.
    func read(from tokenizer: inout CSVTokenizer, panelBytes: Range<Int>?, into grid: GrowingGrid) -> (lines: Int, stop: Stop) {
        var lines = 0
        while true {
            let start = tokenizer.position
            let run = grid.withCells { cells in readRun(at: start, panelBytes: panelBytes, into: &cells) }
            tokenizer.skipLines(run.lines, to: run.end)
            lines += run.lines
            // A cell outside the allocated grid: make room and go on, unless the panel would
            // pass the cell limit (then the tokenizer reports it).
            guard let cell = run.needsRoom, grid.makeRoom(row: cell.row, column: cell.column) else {
                return (lines, run.stop)
            }
        }
    }

    /// What `readRun` did.
    private struct Run {
        /// Lines read, and the offset after them.
        var lines = 0
        var end = 0
        /// Why it stopped, and the cell that did not fit the grid when that was why.
        var stop = Stop.declined
        var needsRoom: (row: Int, column: Int)?
    }

    /// The loop of `read`, storing through `cells` until a line is not for it.
    private func readRun(at position: Int, panelBytes: Range<Int>?, into cells: inout GrowingGrid.Cells) -> Run {
        var lineStart = base + position
        let end = base + limit
        // No current panel: a length no field can match.
        let panel = base + (panelBytes?.lowerBound ?? 0), panelLength = panelBytes?.count ?? -1
        let hasPanel = columns.panel != nil
        let lastField = columns.fieldCount - 1
        var run = Run()

        lines: while lineStart < end {
            var p = lineStart
            let row: Int, column: Int, value: Double
            // Where the panel field is when it names another panel; the line is then checked
            // to the end before `read` stops, so that the tokenizer would read it without error.
            var otherPanel: Range<Int>?
            if inUsualOrder {
                if hasPanel {
                    if let next = matchPanel(at: p, as: panel, length: panelLength, last: false) {
                        p = next
                    } else {
                        guard let panelEnd = fieldEnd(from: p), panelEnd[0] == separator else { break lines }
                        otherPanel = (p - base)..<(panelEnd - base)
                        p = panelEnd + 1
                    }
                }
                guard let (r, afterRow) = readIndex(at: p, last: false),
                      let (c, afterColumn) = readIndex(at: afterRow, last: false),
                      let (v, lineEnd) = readValue(at: afterColumn, last: true) else { break lines }
                (row, column, value, p) = (r, c, v, lineEnd)
            } else {
                var (r, c, v) = (0, 0, 0.0)
                for field in 0...lastField {
                    let last = field == lastField
                    if field == columns.row || field == columns.column {
                        guard let (index, next) = readIndex(at: p, last: last) else { break lines }
                        if field == columns.row { r = index } else { c = index }
                        p = next
                    } else if field == columns.value {
                        guard let (number, next) = readValue(at: p, last: last) else { break lines }
                        v = number
                        p = next
                    } else if field == columns.panel {
                        if let next = matchPanel(at: p, as: panel, length: panelLength, last: last) {
                            p = next
                        } else {
                            guard let panelEnd = fieldEnd(from: p), isFieldEnd(panelEnd[0], last: last) else { break lines }
                            otherPanel = (p - base)..<(panelEnd - base)
                            p = panelEnd + (last ? 0 : 1)
                        }
                    } else {
                        guard let next = skipField(at: p, last: last) else { break lines }
                        p = next
                    }
                }
                (row, column, value) = (r, c, v)
            }
            if let otherPanel {
                run.stop = .newPanel(otherPanel)
                break lines
            }

            switch cells.set(row: row, column: column, value: value) {
            case .stored:
                break
            case .alreadyGiven:
                break lines  // a duplicate: the tokenizer reports it
            case .outside:
                run.needsRoom = (row, column)
                break lines
            }
            // `p` is at the line end: move past it (CRLF counts as one).
            lineStart = p + (p[0] == UInt8(ascii: "\r") && p[1] == UInt8(ascii: "\n") ? 2 : 1)
            run.lines += 1
        }
        run.end = lineStart - base
        return run
    }

    // Each field reader below takes the field's first byte and `last` (whether the field ends
    // the line) and returns what it read and where the next field starts (for the last field:
    // the line end), or nil when the tokenizer must read the line.

    /// A row or column index of 1 to 7 plain digits; "3.0", " 3" and longer indices are left
    /// to the tokenizer.
    @inline(__always)
    private func readIndex(at p: UnsafePointer<UInt8>, last: Bool) -> (Int, UnsafePointer<UInt8>)? {
        let word = EightDigits.load(p)
        let digits = EightDigits.digitCount(word)
        guard digits > 0, digits < 8, isFieldEnd(p[digits], last: last) else { return nil }
        return (Int(truncatingIfNeeded: EightDigits.value(word, count: digits)), p + digits + (last ? 0 : 1))
    }

    /// A value: a plain decimal by `UncheckedDecimal`, else whatever `DecimalScanner` makes of
    /// the field (17 digits, "nan", an empty field...). (Guaranteed inlining: the optimiser
    /// would keep this call in the loop for its size.)
    @inline(always)
    private func readValue(at p: UnsafePointer<UInt8>, last: Bool) -> (Double, UnsafePointer<UInt8>)? {
        if let (number, end) = UncheckedDecimal.parse(at: p), isFieldEnd(end[0], last: last) {
            return (number, end + (last ? 0 : 1))
        }
        guard let (number, end) = unusualValue(at: p), isFieldEnd(end[0], last: last) else { return nil }
        return (number, end + (last ? 0 : 1))
    }

    /// The panel field when it has the `length` bytes at `panel` (the current panel's; a
    /// negative length for none); nil when it differs.
    @inline(__always)
    private func matchPanel(at p: UnsafePointer<UInt8>, as panel: UnsafePointer<UInt8>, length: Int, last: Bool) -> UnsafePointer<UInt8>? {
        guard length >= 0, p + length < base + limit, isFieldEnd(p[length], last: last),
              length == 0 || Self.equal(p, panel, count: length) else { return nil }
        return p + length + (last ? 0 : 1)
    }

    /// A field of no interest, skipped.
    @inline(__always)
    private func skipField(at p: UnsafePointer<UInt8>, last: Bool) -> UnsafePointer<UInt8>? {
        guard let end = fieldEnd(from: p), isFieldEnd(end[0], last: last) else { return nil }
        return end + (last ? 0 : 1)
    }

    /// A value field that is not the usual decimal (17 digits, "nan", an empty field...) as
    /// `DecimalScanner` reads it, and where the field ends; nil for what the tokenizer must
    /// report. Kept out of line so the loop stays small enough to optimise.
    @inline(never)
    private func unusualValue(at start: UnsafePointer<UInt8>) -> (Double, UnsafePointer<UInt8>)? {
        guard let end = fieldEnd(from: start) else { return nil }
        switch DecimalScanner.scan(start, count: end - start) {
        case .number(let number): return (number, end)
        case .notANumber, .empty: return (.nan, end)
        case .infinite, .invalid: return nil
        }
    }

    /// Whether `byte` ends a field: the separator, or a line end for the last field.
    @inline(__always)
    private func isFieldEnd(_ byte: UInt8, last: Bool) -> Bool {
        last ? byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") : byte == separator
    }

    /// Where the field at `start` ends (at a separator or line end), or nil when it holds a quote.
    /// (Out of line: the loop is kept small so that the optimiser inlines the hot parts.)
    @inline(never)
    private func fieldEnd(from start: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var p = start
        while true {
            let byte = p[0]
            if byte == separator || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return p }
            if byte == UInt8(ascii: "\"") { return nil }
            p += 1
        }
    }

    /// Whether `count` (at least 1) bytes at `a` and `b` are equal, compared eight at a time;
    /// eight bytes must be readable at both (true inside lines this reader starts).
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        if count <= 8 {
            let difference = EightDigits.load(a) ^ EightDigits.load(b)
            return difference & (~0 &>> UInt64(64 &- 8 &* count)) == 0
        }
        // Whole words, then the last eight bytes (overlapping the word before).
        var k = 0
        while k &+ 16 < count {
            if EightDigits.load(a + k) != EightDigits.load(b + k) { return false }
            k &+= 8
        }
        if EightDigits.load(a + k) != EightDigits.load(b + k) { return false }
        return EightDigits.load(a + count - 8) == EightDigits.load(b + count - 8)
    }
}
