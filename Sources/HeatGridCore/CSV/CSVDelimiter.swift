/// What separates the fields of a CSV line.
public enum CSVDelimiter: Sendable, Equatable {
    /// ',' (CSV).
    case comma
    /// '\t' (TSV).
    case tab
    /// Runs of spaces or tabs, as `numpy.savetxt` writes by default. Only chosen for a
    /// headerless grid of numbers, where nothing else could separate the values.
    case whitespace

    /// The single separating byte, or nil for `.whitespace`.
    public var byte: UInt8? {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .tab: UInt8(ascii: "\t")
        case .whitespace: nil
        }
    }

    /// The delimiter the first non-blank line suggests: tab when it has a tab and no comma,
    /// else comma. (Whitespace is never guessed here; callers try it for numeric grids.)
    public static func detect(in text: CSVText) -> CSVDelimiter {
        let line = text.firstNonBlankLine()
        var sawTab = false
        for offset in line where text.bytes[offset] == UInt8(ascii: ",") || text.bytes[offset] == UInt8(ascii: "\t") {
            if text.bytes[offset] == UInt8(ascii: ",") { return .comma }
            sawTab = true
        }
        return sawTab ? .tab : .comma
    }
}
