import Foundation
import Testing
import HeatGridCore
@testable import Colormaps

/// Parses `text` as `format`, named "test", with errors naming "test.<ext>".
func importColormap(_ text: String, _ format: ColormapFile.Format, name: String = "test") throws -> ImportedColormap {
    try ColormapFile.parse(Array(text.utf8), format: format, displayPath: displayPath(for: format), name: name)
}

func displayPath(for format: ColormapFile.Format) -> String {
    switch format {
    case .rgbTable: return "test.csv"
    case .json: return "test.json"
    case .cpt: return "test.cpt"
    }
}

/// Whether `color` is (r, g, b[, a]) in 0...255 units, to within `tolerance` of those units.
func matches(_ color: RGBA, _ r: Double, _ g: Double, _ b: Double, alpha a: Double = 255,
             within tolerance: Double = 1e-9) -> Bool {
    abs(color.red * 255 - r) <= tolerance && abs(color.green * 255 - g) <= tolerance
        && abs(color.blue * 255 - b) <= tolerance && abs(color.alpha * 255 - a) <= tolerance
}

/// Expects `body` to throw `HeatGridError.data` at `line`:`column` naming `file`, with a message
/// containing `fragment`.
func expectDataError(file: String, line: Int?, column: Int?, _ fragment: String,
                     sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected an error containing \"\(fragment)\"", sourceLocation: sourceLocation)
    } catch let error as HeatGridError {
        guard case let .data(actualFile, actualLine, actualColumn, message) = error else {
            Issue.record("expected a data error, got \(error)", sourceLocation: sourceLocation)
            return
        }
        #expect(actualFile == file, sourceLocation: sourceLocation)
        #expect(actualLine == line, "\(error)", sourceLocation: sourceLocation)
        #expect(actualColumn == column, "\(error)", sourceLocation: sourceLocation)
        #expect(message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a HeatGridError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// A fresh empty folder under the temporary directory, removed by the caller.
func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("heatgrid-colormaps-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
