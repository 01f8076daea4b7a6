import Foundation

/// Turns Foundation's JSON parse errors into `HeatGridError.data` with a line and column: for
/// data files and specs alike.
///
/// Foundation reports a place in its debug description only: "around character N" (a 0-based
/// byte offset after any byte order mark, on Linux) or "line L, column C" (on Apple platforms).
public enum JSONSyntaxError {
    /// The syntax error in `bytes` (known not to be valid JSON), with its place when
    /// Foundation's parser gives one; `emptyFile` is the message for a file with nothing in it.
    public static func locate(in bytes: [UInt8], file: String,
                              emptyFile: String = "the file is empty; expected JSON") -> HeatGridError {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            return .data(file: file, line: nil, column: nil, message: "not valid JSON")
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
        let text = TextPositions(bytes: bytes)

        if let line = number(after: "line ", in: detail), let column = number(after: "column ", in: detail) {
            return .data(file: file, line: line, column: column, message: "not valid JSON: \(stripPlace(detail))\(hint)")
        }
        if let offset = number(after: "character ", in: detail) {
            let (line, column) = text.lineAndColumn(atContentOffset: offset)
            return .data(file: file, line: line, column: column, message: "not valid JSON: \(stripPlace(detail))\(hint)")
        }
        if detail.localizedCaseInsensitiveContains("end of file") || detail.localizedCaseInsensitiveContains("end of data") {
            let (line, column) = text.lineAndColumn(atContentOffset: text.endOfLastText)
            let message = bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
                ? emptyFile
                : "not valid JSON: the file ends too early (is a bracket, brace or quote left open?)"
            return .data(file: file, line: line, column: column, message: message)
        }
        // "Number 1e400 is not representable in Swift.": find the number to point at it.
        if let range = detail.range(of: "Number "), let end = detail.range(of: " is not representable") {
            let literal = String(detail[range.upperBound..<end.lowerBound])
            let place = text.firstOffset(of: literal).map { text.lineAndColumn(atContentOffset: $0) }
            return .data(file: file, line: place?.line, column: place?.column,
                         message: "number \(literal) is out of range; values must be finite")
        }
        return .data(file: file, line: nil, column: nil, message: "not valid JSON: \(detail)")
    }

    /// What usually causes a syntax error at a place.
    private static let hint = " (a missing comma, quote or bracket?)"

    /// The whole number following `label` in `text`, if any.
    private static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        let digits = text[range.upperBound...].prefix(while: \.isNumber)
        return Int(digits)
    }

    /// "Invalid value around character 16." -> "invalid value".
    private static func stripPlace(_ detail: String) -> String {
        var text = detail
        for marker in [" around character", " around line", " at line", " on line"] {
            if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        }
        while text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
