import Foundation
import HeatGridCore

/// Reads panels of matrices from JSON (`format` "json"; files ending .json):
///
/// ```json
/// {"panels": [{"title": "Knowledge Recall", "values": [[0.1, 0.2], [null, 0.4]]}],
///  "rowName": "layer", "columnName": "head", "valueName": "importance"}
/// ```
///
/// Each panel's `values` lists its rows (row 0 first), all of the same length; `null` is a bad
/// cell. `title` may be omitted (an untitled panel); the three names default to "row",
/// "column" and "value". Rows and columns may be named: `"rowLabels": ["llama-3", ...]` and
/// `"columnLabels": [...]` (strings, one per row or column) at the top level name them in every
/// panel, and in a panel object that panel's (over the top level's). Other keys are ignored.
public struct JSONSource: DataSource {
    /// "json".
    public let format = "json"
    /// json.
    public let fileExtensions = ["json"]

    public let summary = "panels of nested arrays: {\"panels\": [{\"title\": ..., \"values\": [[...], ...]}], \"rowName\": ..., \"rowLabels\": [...]}"

    /// A JSON source; it has no settings.
    public init() {}

    /// Loads the panels; errors are `HeatGridError.data`, with line and column for syntax errors.
    ///
    /// Well-formed files are read in one pass over their bytes (`FastPanelsReader`); anything else
    /// is read again by `JSONDecoder`, whose walk (`JSONDocument`) phrases every error.
    public func load(_ request: DataRequest) throws -> Dataset {
        if let dataset = try request.withFileBytes({ FastPanelsReader.read($0) }) { return dataset }
        let bytes = try request.readBytes()
        do {
            return try JSONDecoder().decode(JSONDocument.self, from: Data(bytes)).dataset
        } catch let error as JSONShapeError {
            let place = error.locatingText.flatMap { literal in
                TextPositions(bytes: bytes).firstOffset(of: literal).map { TextPositions(bytes: bytes).lineAndColumn(atContentOffset: $0) }
            }
            throw HeatGridError.data(file: request.displayPath, line: place?.line, column: place?.column, message: error.message)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // JSONDecoder says only "not valid JSON"; the syntax error's place comes from
            // JSONSerialization, run again on this (rare) path.
            throw JSONSyntaxError.locate(in: bytes, file: request.displayPath,
                                         emptyFile: "the file is empty; expected a JSON object with a \"panels\" array")
        } catch let error as DecodingError {
            throw HeatGridError.data(file: request.displayPath, line: nil, column: nil,
                                     message: "not the panels layout: \(Self.summary(error))")
        }
    }

    /// A short description of a decoding error the document walk did not phrase itself.
    private static func summary(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
             .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
