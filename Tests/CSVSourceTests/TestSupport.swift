import Foundation
import HeatGridCore
import Testing
@testable import CSVSource
@_exported import TestSupport

/// Loads `text` (written to a temporary file called `name`) with `source`.
func load(_ text: String, name: String = "data.csv", spec: DataSpec? = nil,
          source: any DataSource = CSVSource()) throws -> Dataset {
    try load(bytes: Array(text.utf8), name: name, spec: spec, source: source)
}

/// Loads raw bytes (for a byte order mark or odd line ends) with `source`.
func load(bytes: [UInt8], name: String = "data.csv", spec: DataSpec? = nil,
          source: any DataSource = CSVSource()) throws -> Dataset {
    let scratch = try Scratch(prefix: "CSVSourceTests")
    let url = try scratch.write(bytes, name: name)
    return try source.load(DataRequest(url: url, displayPath: "fixtures/\(name)", spec: spec ?? DataSpec(path: name)))
}

/// What a `HeatGridError.data` said.
struct DataFailure {
    var file: String
    var line: Int?
    var column: Int?
    var message: String
}

/// The data error loading `text` throws (recording an issue when it throws none or another kind).
func loadFailure(_ text: String, name: String = "data.csv", spec: DataSpec? = nil,
                 source: any DataSource = CSVSource(),
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> DataFailure {
    do {
        let dataset = try load(text, name: name, spec: spec, source: source)
        Issue.record("expected a data error, loaded \(dataset.panels.count) panels", sourceLocation: sourceLocation)
    } catch let HeatGridError.data(file, line, column, message) {
        #expect(file == "fixtures/\(name)", sourceLocation: sourceLocation)
        return DataFailure(file: file, line: line, column: column, message: message)
    } catch {
        Issue.record("expected a data error, got \(error)", sourceLocation: sourceLocation)
    }
    throw CancellationError()
}

/// The package root, found from this file's path (Tests/CSVSourceTests/ is two levels down).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
