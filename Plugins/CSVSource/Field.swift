/// One field of a record, as byte offsets into the file (no String is made until needed).
struct Field {
    /// First byte of the content (after the opening quote when quoted).
    var start: Int
    /// One past the last byte of the content (before the closing quote when quoted).
    var end: Int
    /// The field's first byte, the opening quote included: where errors point.
    var origin: Int
    /// The 1-based line the field starts on (quoted fields may span lines).
    var line: Int
    /// Whether the field was written in double quotes.
    var isQuoted: Bool
    /// Whether the quoted content holds doubled quotes ("") that stand for one.
    var hasEscapedQuotes: Bool
}

/// Where a record was found, for messages about the whole line.
struct RecordPlace {
    /// The 1-based line the record starts on.
    var line: Int
    /// The offset of the record's line end (or the end of the file): where a missing field would go.
    var end: Int
}
