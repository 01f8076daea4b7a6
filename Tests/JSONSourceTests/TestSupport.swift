import Foundation
import HeatGridCore
import Testing
import JSONSource

/// Loads `text` from a temporary file called `name` with `JSONSource`.
func loadJSON(_ text: String, name: String = "data.json") throws -> Dataset {
    try loadJSON(bytes: Array(text.utf8), name: name)
}

/// Loads raw bytes from a temporary file with `JSONSource`.
func loadJSON(bytes: [UInt8], name: String = "data.json") throws -> Dataset {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("JSONSourceTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try JSONSource().load(DataRequest(url: url, displayPath: "fixtures/\(name)", spec: DataSpec(path: name)))
}

/// What a `HeatGridError.data` said.
struct DataFailure {
    var line: Int?
    var column: Int?
    var message: String
}

/// The data error loading `text` throws (recording an issue when it throws none or another kind).
func jsonFailure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DataFailure {
    try jsonFailure(bytes: Array(text.utf8), sourceLocation: sourceLocation)
}

/// The data error loading raw bytes throws.
func jsonFailure(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> DataFailure {
    do {
        let dataset = try loadJSON(bytes: bytes)
        Issue.record("expected a data error, loaded \(dataset.panels.count) panels", sourceLocation: sourceLocation)
    } catch let HeatGridError.data(file, line, column, message) {
        #expect(file == "fixtures/data.json", sourceLocation: sourceLocation)
        return DataFailure(line: line, column: column, message: message)
    } catch {
        Issue.record("expected a data error, got \(error)", sourceLocation: sourceLocation)
    }
    throw CancellationError()
}

/// The package root, found from this file's path (Tests/JSONSourceTests/ is two levels down).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
