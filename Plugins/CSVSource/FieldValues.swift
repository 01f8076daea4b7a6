/// Reading cell values and indices out of fields, with the messages for what is wrong.
extension SourceText {
    /// A cell value: a finite number, or NaN for "nan" or an empty field (a bad cell).
    /// `column` names the header column for the message, when there is one.
    @inline(__always)
    func value(_ field: Field, column: String?) throws -> Double {
        switch NumberParser.scan(bytes, from: field.start, to: field.end) {
        case .number(let value): return value
        case .notANumber, .empty: return .nan
        case .infinite:
            throw error(field, "values must be finite, found \(quoted(field))\(inColumn(column)); write nan for a bad cell")
        case .invalid:
            throw error(field, "expected a number\(inColumn(column)) (or nan, or an empty field, for a bad cell), found \(quoted(field))")
        }
    }

    /// A 0-based row or column index: a whole number like "3" (also "3.0"). `kind` is "row"
    /// or "column"; `column` names the header column.
    @inline(__always)
    func index(_ field: Field, kind: String, column: String) throws -> Int {
        // Fast path: up to 9 plain digits.
        var p = field.start
        let end = field.end
        var digits = 0
        var index = 0
        while p < end, digits < 9, NumberParser.isDigit(bytes[p]) {
            index = index * 10 + Int(bytes[p] &- UInt8(ascii: "0"))
            p += 1
            digits += 1
        }
        if p == end, digits > 0 { return index }

        let expected = "expected a whole-number \(kind) index (0, 1, 2, ...) in column '\(column)'"
        switch NumberParser.scan(bytes, from: field.start, to: field.end) {
        case .number(let number):
            guard number >= 0, number == number.rounded(.towardZero) else {
                throw error(field, "\(expected), found \(quoted(field))")
            }
            guard number < Double(DataLimits.maxCellsPerPanel) else {
                throw error(field, "\(kind) index \(quoted(field)) is too large: a panel may hold at most \(DataLimits.maxCellsPerPanel) cells")
            }
            return Int(number)
        case .empty:
            throw error(field, "\(expected), found an empty field")
        case .notANumber, .infinite, .invalid:
            throw error(field, "\(expected), found \(quoted(field))")
        }
    }

    private func inColumn(_ column: String?) -> String {
        column.map { " in column '\($0)'" } ?? ""
    }
}
