import Foundation
import HeatGridCore

/// The loading steps `CSVSource` and `MatrixSource` share: map the file, pick the
/// delimiter, decide between long form and a numeric grid, and hand over to the reader.
enum TableLoader {
    /// Loads `request`; with `matrixOnly` the file must be a numeric grid (no header).
    /// `fastPath: false` reads long-form data with the tokenizer alone (for tests comparing).
    static func load(_ request: DataRequest, matrixOnly: Bool, fastPath: Bool = true) throws -> Dataset {
        let title = request.url.deletingPathExtension().lastPathComponent
        // The file is parsed where it lies (memory-mapped), never copied or split into Strings.
        return try request.withFileBytes { raw in
            let text = CSVText(bytes: raw.assumingMemoryBound(to: UInt8.self), displayPath: request.displayPath)
            if text.isBlank {
                throw HeatGridError.data(file: request.displayPath, line: 1, column: 1, message: matrixOnly
                    ? "the file is empty; expected lines of numbers, one line per matrix row"
                    : "the file is empty; expected a header line")
            }

            var delimiter = CSVDelimiter.detect(in: text)
            var tokenizer = CSVTokenizer(text, delimiter: delimiter)
            var fields: [CSVField] = []
            guard let firstPlace = try tokenizer.next(into: &fields) else {
                preconditionFailure("a non-blank file has a first record")
            }
            var numeric = isNumeric(fields, in: text)
            if !numeric, fields.count == 1 {
                // No comma or tab: perhaps numbers separated by spaces (numpy.savetxt's default).
                var spaced = CSVTokenizer(text, delimiter: .whitespace)
                var spacedFields: [CSVField] = []
                if try spaced.next(into: &spacedFields) != nil, spacedFields.count > 1, isNumeric(spacedFields, in: text) {
                    delimiter = .whitespace
                    numeric = true
                }
            }

            if matrixOnly || numeric {
                try rejectColumnNames(request, matrixOnly: matrixOnly)
                var fresh = CSVTokenizer(text, delimiter: delimiter)
                return try MatrixFormReader(text: text, title: title).read(tokenizer: &fresh)
            }
            return try LongFormReader(text: text, spec: request.spec, singlePanelTitle: title, usesFastPath: fastPath)
                .read(header: fields, headerPlace: firstPlace, tokenizer: &tokenizer)
        }
    }

    /// Whether every field of a record is a number (or nan/inf): a data line, not a header.
    private static func isNumeric(_ fields: [CSVField], in text: CSVText) -> Bool {
        fields.allSatisfy { field in
            switch DecimalScanner.scan(text.bytes, from: field.start, to: field.end) {
            case .number, .notANumber, .infinite: true
            case .empty, .invalid: false
            }
        }
    }

    /// A grid has no header, so column names in the spec point at nothing: say so rather than
    /// ignore them (the user most likely expected a header line).
    private static func rejectColumnNames(_ request: DataRequest, matrixOnly: Bool) throws {
        let spec = request.spec
        let named = [("panel", spec.panel), ("row", spec.row), ("column", spec.column), ("value", spec.value)]
            .compactMap { key, name in name.map { "\(key) ('\($0)')" } }
        guard !named.isEmpty else { return }
        let why = matrixOnly ? "the matrix format has no header line"
            : "the file has no header line (its first line is all numbers)"
        throw HeatGridError.data(file: request.displayPath, line: 1, column: 1, message:
            "\(why), so the spec's data section cannot name columns: remove \(named.joined(separator: ", ")), or add a header line and use long-form data")
    }
}
