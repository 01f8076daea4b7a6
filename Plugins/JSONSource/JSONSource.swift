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
/// "column" and "value". Other keys are ignored.
public struct JSONSource: DataSource {
    /// "json".
    public let format = "json"
    /// json.
    public let fileExtensions = ["json"]

    /// A JSON source; it has no settings.
    public init() {}

    /// Loads the panels; errors are `HeatGridError.data` (with line and column for syntax errors).
    public func load(_ request: DataRequest) throws -> Dataset {
        let bytes = try request.readBytes()
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw JSONSyntaxError.describe(error, in: bytes, file: request.displayPath)
        }
        return try JSONDocumentReader(file: request.displayPath).dataset(from: document)
    }
}
