/// Every failure HeatGrid reports to a user: where it happened and what was expected.
///
/// The description reads like a compiler diagnostic (`file:line:column: message`) so editors
/// and terminals can jump to the spot.
public enum HeatGridError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad content in a data file, at a line and column when known.
    case data(file: String, line: Int?, column: Int?, message: String)
    /// A bad or unknown key in a figure spec or theme file; `key` is a dotted path like `scale.domain`.
    case spec(file: String, key: String, message: String)
    /// A file that cannot be read or written.
    case io(path: String, message: String)
    /// A figure that cannot be laid out (e.g. the size is too small for its text).
    case layout(message: String)
    /// A name that no registered plugin answers to (colormap, layout, format, ...).
    case unknownPlugin(kind: String, name: String, available: [String])
    /// A colormap name that is not registered, with the closest registered names.
    case unknownColormap(name: String, closest: [String], available: [String])

    public var description: String {
        switch self {
        case let .data(file, line, column, message):
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            return "\(place): \(message)"
        case let .spec(file, key, message):
            return "\(file): \(key): \(message)"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .layout(message):
            return "layout: \(message)"
        case let .unknownPlugin(kind, name, available):
            let hint = nearest(to: name, in: available).map { "did you mean '\($0)'? " } ?? ""
            return "unknown \(kind) '\(name)'; \(hint)available: \(available.sorted().joined(separator: ", "))"
        case let .unknownColormap(name, closest, available):
            let hint = closest.isEmpty ? "" : "did you mean \(closest.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
            return "unknown colormap '\(name)'; \(hint)available: \(available.joined(separator: ", ")) (each also reversed with _r), or a path to a .csv/.json/.cpt file"
        }
    }
}
