/// A second matrix for every panel (p-values for stars, a boolean mask, a size for dots), read
/// with the data's keys and put in the panels' drawing order, so it follows any ordering.
///
/// Panels match by title (a file of one untitled panel serves a one-panel figure); rows and
/// columns by their names, or for unnamed axes by index. A panel, shape or key that does not
/// match is an error naming both shapes and the first differing key.
public enum SecondMatrix {
    /// `loaded`'s matrices aligned to `drawn`'s panels; `file` and `specFile`/`key` for messages.
    public static func aligned(_ loaded: Dataset, to drawn: Dataset, file: String, specFile: String,
                               key: String) throws -> [Matrix] {
        func fail(_ message: String) -> HeatGridError { .spec(file: specFile, key: key, message: "\(file): \(message)") }
        return try drawn.panels.map { panel in
            guard let other = loaded.panels.first(where: { $0.title == panel.title })
                    ?? (loaded.panels.count == 1 && drawn.panels.count == 1 ? loaded.panels[0] : nil) else {
                throw fail("no panel titled '\(panel.title)' (it has \(loaded.panels.map { "'\($0.title)'" }.joined(separator: ", ")))")
            }
            let (m, o) = (panel.matrix, other.matrix)
            guard m.rows == o.rows, m.columns == o.columns else {
                throw fail("panel '\(panel.title)' is \(o.rows)x\(o.columns), the data's is \(m.rows)x\(m.columns)")
            }
            // Drawn names (the data's order may have changed) to the second file's positions.
            func positions(_ want: [String], _ have: [String], axis: String) throws -> [Int] {
                var index: [String: Int] = [:]
                for (i, name) in have.enumerated() where index[name] == nil { index[name] = i }
                return try want.enumerated().map { k, name in
                    guard let i = index[name] else {
                        throw fail("panel '\(panel.title)': the data's \(axis) '\(name)' (\(axis) \(k) as drawn) is not in it; its \(axis)s are \(have.prefix(5).joined(separator: ", "))\(have.count > 5 ? ", ..." : "")")
                    }
                    return i
                }
            }
            let rows = try positions(panel.rowKeys, other.rowKeys, axis: "row")
            let columns = try positions(panel.columnKeys, other.columnKeys, axis: "column")
            var values: [Double] = []
            values.reserveCapacity(m.rows * m.columns)
            for r in rows { for c in columns { values.append(o[r, c]) } }
            return Matrix(rows: m.rows, columns: m.columns, values: values)
        }
    }
}
