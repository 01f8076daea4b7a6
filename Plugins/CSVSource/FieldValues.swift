import HeatGridCore

/// Reading cell values and indices out of fields, with the messages for what is wrong.
extension CSVText {
    /// A cell value: a finite number, or NaN for "nan" or an empty field (a bad cell).
    /// `column` names the header column for the message, when there is one.
    @inline(__always)
    func value(_ field: CSVField, column: String?) throws -> Double {
        switch DecimalScanner.scan(bytes, from: field.start, to: field.end) {
        case .number(let value): return value
        case .notANumber, .empty: return .nan
        case .infinite:
            throw error(field, "values must be finite, found \(quoted(field))\(inColumn(column)); write nan for a bad cell")
        case .invalid:
            throw error(field, "expected a number\(inColumn(column)) (or nan, or an empty field, for a bad cell), found \(quoted(field))")
        }
    }

    /// What a row or column key field holds: a 0-based index (a whole number like "3", also
    /// "3.0"), a whole number too large to be one, nothing, or else a name. A key column is
    /// read as indices when every field in it is an index, else as names (`LongFormReader`).
    @inline(__always)
    func key(_ field: CSVField) -> KeyField {
        // Fast path: up to 9 plain digits.
        var p = field.start
        let end = field.end
        var digits = 0
        var index = 0
        while p < end, digits < 9, DecimalScanner.isDigit(bytes[p]) {
            index = index * 10 + Int(bytes[p] &- UInt8(ascii: "0"))
            p += 1
            digits += 1
        }
        if p == end, digits > 0 { return .index(index) }

        switch DecimalScanner.scan(bytes, from: field.start, to: field.end) {
        case .number(let number):
            guard number >= 0, number == number.rounded(.towardZero) else { return .name }
            guard number < Double(DataLimits.maxCellsPerPanel) else { return .tooLarge }
            return .index(Int(number))
        case .empty:
            return .empty
        case .notANumber, .infinite, .invalid:
            return .name
        }
    }

    private func inColumn(_ column: String?) -> String {
        column.map { " in column '\($0)'" } ?? ""
    }
}

/// What a row or column key field holds (`CSVText.key`).
enum KeyField: Equatable {
    /// A 0-based index.
    case index(Int)
    /// A whole number, but past any panel's size.
    case tooLarge
    /// An empty field (or only blanks): neither an index nor a name.
    case empty
    /// Anything else: the key names its row or column.
    case name
}
