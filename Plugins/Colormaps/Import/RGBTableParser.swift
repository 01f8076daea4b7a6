import HeatGridCore

/// Reads a table of colours, one per row: `r g b` or `r g b a`, separated by commas,
/// semicolons, tabs or spaces (CSV, TSV and the whitespace `.txt` tables Scientific Colour Maps
/// and matplotlib exports ship).
///
/// - A first row of nothing but non-numbers (`r,g,b`) is a header and skipped.
/// - Lines starting with `#` are comments; blank lines are skipped.
/// - Components are all in 0...1 or all in 0...255, decided for the whole file: any component
///   above 1 means 0...255. (A 0...255 file that only uses 0 and 1 reads as 0...1; no rule can
///   tell those apart.)
struct RGBTableParser {
    let displayPath: String

    private static let componentNames = ["red", "green", "blue", "alpha"]

    private struct Row {
        let line: Int
        let values: [Double]
    }

    func parse(_ bytes: [UInt8]) throws -> [RGBA] {
        let lines = ImportText.lines(bytes)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw fail(nil, nil, "the file is empty; expected rows of red, green, blue numbers")
        }
        var rows: [Row] = []
        var sawHeader = false
        for line in lines {
            guard let first = line.firstText, first.scalar != "#" else { continue }
            let fields = try self.fields(of: line)
            // A header is only allowed before the first colour, and only when nothing in it is a
            // number: a row mixing both is a typo worth pointing at, not a header.
            if rows.isEmpty, !sawHeader, fields.allSatisfy({ DecimalNumber.parse($0.text) == nil }) {
                sawHeader = true
                continue
            }
            rows.append(try row(of: fields, line: line.number, expectedCount: rows.first?.values.count))
        }
        guard rows.count >= 2 else {
            let line = rows.first?.line
            throw fail(line, line == nil ? nil : 1,
                       "a colormap needs at least 2 colours, found \(rows.count)")
        }
        let scale = rows.contains { $0.values.contains { $0 > 1 } } ? 255.0 : 1.0
        return rows.map { row in
            RGBA(red: row.values[0] / scale, green: row.values[1] / scale, blue: row.values[2] / scale,
                 alpha: row.values.count == 4 ? row.values[3] / scale : 1)
        }
    }

    /// The fields of a line. Commas and semicolons separate fields with optional blanks around
    /// them; runs of blanks separate fields too. Two separators with nothing between them are an
    /// empty field, which is reported rather than silently closing the gap.
    private func fields(of line: SourceLine) throws -> [Field] {
        let scalars = line.scalars
        var fields: [Field] = []
        var index = 0
        var pendingSeparator: Int?  // column of a comma/semicolon not yet followed by a field
        var sawField = false
        while index < scalars.count {
            let scalar = scalars[index]
            if ImportText.isSpace(scalar) { index += 1; continue }
            if scalar == "," || scalar == ";" {
                if pendingSeparator != nil || !sawField {
                    throw fail(line.number, index + 1, "expected a number before '\(scalar)', found an empty field")
                }
                pendingSeparator = index + 1
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, !ImportText.isSpace(scalars[index]),
                  scalars[index] != ",", scalars[index] != ";" { index += 1 }
            fields.append(Field(text: ImportText.string(scalars[start..<index]), column: start + 1))
            pendingSeparator = nil
            sawField = true
        }
        if let column = pendingSeparator {
            throw fail(line.number, column, "expected a number after the last separator, found the end of the line")
        }
        return fields
    }

    private func row(of fields: [Field], line: Int, expectedCount: Int?) throws -> Row {
        if fields.count > 4 {
            throw fail(line, fields[4].column,
                       "expected 3 or 4 values (red, green, blue[, alpha]), found \(fields.count)")
        }
        var values: [Double] = []
        for (k, field) in fields.enumerated() {
            guard let value = DecimalNumber.parse(field.text), (0...255).contains(value) else {
                throw fail(line, field.column, "expected a number in 0...1 or 0...255 for "
                           + "\(Self.componentNames[k]), found \(ImportText.quoted(field.text))")
            }
            values.append(value)
        }
        if values.count < 3 {
            let column = (fields.last.map { $0.column + $0.text.unicodeScalars.count }) ?? 1
            throw fail(line, column, "expected a number for \(Self.componentNames[values.count]), "
                       + "found the end of the line (rows are red, green, blue[, alpha])")
        }
        if let expectedCount, expectedCount != values.count {
            let column = values.count == 4 ? fields[3].column : fields[2].column
            throw fail(line, column, "expected \(expectedCount) values like the first colour row, found \(values.count)")
        }
        return Row(line: line, values: values)
    }

    private func fail(_ line: Int?, _ column: Int?, _ message: String) -> HeatGridError {
        .data(file: displayPath, line: line, column: column, message: message)
    }
}
