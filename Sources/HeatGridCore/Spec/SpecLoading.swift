import Foundation

extension JSONDecoder {
    /// Decodes `T` from a JSON file's bytes, turning decoding failures into `HeatGridError.spec`
    /// messages that name the file, the dotted key and what was expected.
    static func decodeSpecFile<T: Decodable>(_ type: T.Type, from bytes: Data, file: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               (try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])) == nil {
                throw JSONSyntaxError.locate(in: [UInt8](bytes), file: file, emptyFile: "the file is empty; expected a JSON figure spec")
            }
            throw HeatGridError(decoding: error, file: file)
        }
    }
}

extension HeatGridError {
    /// A readable message for a decoding failure: the key path and what was wrong there.
    init(decoding error: DecodingError, file: String) {
        func path(_ codingPath: [CodingKey]) -> String {
            let parts = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            let joined = parts.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
            return joined.isEmpty ? "(top level)" : joined
        }
        switch error {
        case let .keyNotFound(key, context):
            self = .spec(file: file, key: path(context.codingPath + [key]), message: "required key is missing")
        case let .typeMismatch(type, context):
            self = .spec(file: file, key: path(context.codingPath), message: "expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            self = .spec(file: file, key: path(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                // Malformed JSON: Foundation's message carries the line and column.
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                self = .spec(file: file, key: "(syntax)",
                             message: "malformed JSON: \(underlying ?? context.debugDescription)")
            } else {
                self = .spec(file: file, key: path(context.codingPath), message: context.debugDescription)
            }
        @unknown default:
            self = .spec(file: file, key: "(top level)", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [Double].Type: return "a list of numbers"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object (\(name))"
        }
    }
}

extension FigureSpec {
    /// Reads a spec file. Relative paths inside it (data, theme) are resolved against its folder.
    public static func load(from url: URL, displayPath: String? = nil) throws -> FigureSpec {
        let shown = displayPath ?? url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw HeatGridError.io(path: shown, message: "no such spec file")
        }
        guard !isDirectory.boolValue, let bytes = FileManager.default.contents(atPath: url.path) else {
            throw HeatGridError.io(path: shown, message: isDirectory.boolValue
                ? "is a directory, expected a spec JSON file" : "cannot be read")
        }
        let spec = try JSONDecoder.decodeSpecFile(FigureSpec.self, from: bytes, file: shown)
        guard !spec.data.path.isEmpty else {
            throw HeatGridError.spec(file: shown, key: "data.path", message: "expected a data file path")
        }
        return spec
    }
}
