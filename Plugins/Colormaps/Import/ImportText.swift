/// One line of an imported colormap file, as Unicode scalars so that a column is simply an index
/// plus one (tabs count as one column, like the other sources' diagnostics).
struct SourceLine {
    /// 1-based line number.
    let number: Int
    let scalars: [Unicode.Scalar]

    /// True when the line holds nothing but spaces and tabs.
    var isBlank: Bool { scalars.allSatisfy(ImportText.isSpace) }

    /// The first non-blank scalar and its 0-based index, if any.
    var firstText: (scalar: Unicode.Scalar, index: Int)? {
        guard let index = scalars.firstIndex(where: { !ImportText.isSpace($0) }) else { return nil }
        return (scalars[index], index)
    }

    /// The whole line as text.
    var text: String { ImportText.string(scalars[...]) }
}

/// A field of a line with the 1-based column where it starts.
struct Field {
    let text: String
    let column: Int
}

/// Splitting bytes into lines and lines into fields, shared by the table and palette parsers.
enum ImportText {
    /// The lines of `bytes` decoded as UTF-8 (invalid bytes become U+FFFD rather than failing, so
    /// the parser can point at them). A leading byte order mark is dropped; `\n`, `\r\n` and a
    /// lone `\r` all end a line.
    static func lines(_ bytes: [UInt8]) -> [SourceLine] {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = String(decoding: content, as: UTF8.self)
        var lines: [SourceLine] = []
        var current: [Unicode.Scalar] = []
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if scalar == "\n" { continue }
            }
            if scalar == "\n" || scalar == "\r" {
                lines.append(SourceLine(number: lines.count + 1, scalars: current))
                current = []
                afterCarriageReturn = scalar == "\r"
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(SourceLine(number: lines.count + 1, scalars: current)) }
        return lines
    }

    /// Space or tab (the only blanks inside a line once line ends are split off).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// The fields of `scalars[range]`, separated by runs of spaces and tabs.
    static func blankSeparatedFields(_ scalars: [Unicode.Scalar], upTo end: Int? = nil) -> [Field] {
        let stop = min(end ?? scalars.count, scalars.count)
        var fields: [Field] = []
        var index = 0
        while index < stop {
            if isSpace(scalars[index]) { index += 1; continue }
            let start = index
            while index < stop, !isSpace(scalars[index]) { index += 1 }
            fields.append(Field(text: string(scalars[start..<index]), column: start + 1))
        }
        return fields
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `text` quoted for a message, shortened so a runaway token cannot flood the terminal.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
        return "'\(shown)'"
    }
}
