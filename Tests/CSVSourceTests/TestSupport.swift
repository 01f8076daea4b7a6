import Foundation
import HeatGridCore
import Testing
@testable import CSVSource
import TestSupport

/// A fresh temporary directory for one test's fixture files, removed afterwards.
final class Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("CSVSourceTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `bytes` to `name` and returns its URL.
    func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}

/// Loads `text` (written to a temporary file called `name`) with `source`.
func load(_ text: String, name: String = "data.csv", spec: DataSpec? = nil,
          source: any DataSource = CSVSource()) throws -> Dataset {
    try load(bytes: Array(text.utf8), name: name, spec: spec, source: source)
}

/// Loads raw bytes (for a byte order mark or odd line ends) with `source`.
func load(bytes: [UInt8], name: String = "data.csv", spec: DataSpec? = nil,
          source: any DataSource = CSVSource()) throws -> Dataset {
    let scratch = try Scratch()
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

/// Parses a whole string with the number parser.
func scanNumber(_ text: String) -> ScannedNumber {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { NumberParser.scan($0, from: 0, to: $0.count) }
}

/// The package root, found from this file's path (Tests/CSVSourceTests/ is two levels down).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
