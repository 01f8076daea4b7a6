/// One field of a CSV record, as byte offsets into the file: no String is made until needed, so a
/// number is parsed where it lies.
public struct CSVField: Sendable, Equatable {
    /// First byte of the content (after the opening quote when quoted).
    public var start: Int
    /// One past the last byte of the content (before the closing quote when quoted).
    public var end: Int
    /// The field's first byte, the opening quote included: where errors point.
    public var origin: Int
    /// The 1-based line the field starts on (quoted fields may span lines).
    public var line: Int
    /// Whether the field was written in double quotes.
    public var isQuoted: Bool
    /// Whether the quoted content holds doubled quotes ("") that stand for one.
    public var hasEscapedQuotes: Bool

    public init(start: Int, end: Int, origin: Int, line: Int, isQuoted: Bool, hasEscapedQuotes: Bool) {
        self.start = start; self.end = end; self.origin = origin; self.line = line
        self.isQuoted = isQuoted; self.hasEscapedQuotes = hasEscapedQuotes
    }
}

/// Where a CSV record was found, for messages about the whole line.
public struct CSVRecordPlace: Sendable, Equatable {
    /// The 1-based line the record starts on.
    public var line: Int
    /// The offset of the record's line end (or the end of the file): where a missing field would go.
    public var end: Int

    public init(line: Int, end: Int) { self.line = line; self.end = end }
}
