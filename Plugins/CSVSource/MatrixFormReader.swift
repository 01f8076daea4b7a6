import HeatGridCore

/// Reads a headerless grid of numbers: each line is one matrix row, all the same length,
/// making a single panel.
struct MatrixFormReader {
    let text: CSVText
    /// The panel's title (the file name without extension).
    let title: String

    /// Reads every record from `tokenizer`, which has not read any yet.
    func read(tokenizer: inout CSVTokenizer) throws -> Dataset {
        var fields: [CSVField] = []
        guard let first = try tokenizer.next(into: &fields) else {
            throw HeatGridError.data(file: text.displayPath, line: 1, column: 1,
                                     message: "the file is empty; expected lines of numbers, one line per matrix row")
        }
        let columns = fields.count
        let limitRows = DataLimits.maxCellsPerPanel / columns
        var values: [Double] = []
        // Lines tend to be alike, so the first one's length times the file size is a fair
        // guess of the cell count; it saves regrowing the array many times on big files.
        let firstLineBytes = max(first.end - text.contentStart, 1)
        let estimate = (text.bytes.count / firstLineBytes + 1).multipliedReportingOverflow(by: columns)
        values.reserveCapacity(estimate.overflow ? DataLimits.maxCellsPerPanel : min(estimate.partialValue, DataLimits.maxCellsPerPanel))
        var rows = 0
        var place: CSVRecordPlace? = first
        fields.reserveCapacity(columns + 1)
        while let current = place {
            guard fields.count == columns else {
                let offset = fields.count > columns ? fields[columns].origin : current.end
                throw text.error(line: current.line, at: offset,
                                 "expected \(columns) values like line \(first.line), found \(fields.count); every line is one matrix row and all must be the same length")
            }
            guard rows < limitRows else {
                throw text.error(line: current.line, at: fields[0].origin,
                                 "too many rows: a panel may hold at most \(DataLimits.maxCellsPerPanel) cells")
            }
            for field in fields {
                do {
                    values.append(try text.value(field, column: nil))
                } catch let error as HeatGridError where current.line == first.line {
                    // A word on the first line is most likely a header.
                    guard case let .data(file, line, column, message) = error else { throw error }
                    throw HeatGridError.data(file: file, line: line, column: column, message:
                        "\(message); a matrix file has no header line (for long-form data with a header, use the csv format)")
                }
            }
            rows += 1
            place = try tokenizer.next(into: &fields)
        }
        return Dataset(panels: [Panel(title: title, matrix: Matrix(rows: rows, columns: columns, values: values))],
                       rowName: "row", columnName: "column", valueName: "value")
    }
}
