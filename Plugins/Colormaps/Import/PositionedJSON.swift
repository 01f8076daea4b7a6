/// A JSON value with the place where it starts (a content offset, which `TextPositions` turns into
/// a line and column), so a bad colour deep in a colormap file can be reported at its own place
/// (Foundation's parser keeps no positions).
struct PositionedJSON {
    indirect enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([PositionedJSON])
        /// Members in file order, each key with its own position.
        case object([(key: String, keyOffset: Int, value: PositionedJSON)])
    }

    let value: Value
    let offset: Int

    /// What a value is, for "expected ..., found a number" messages.
    var kindDescription: String {
        switch value {
        case .string(let text): return "the string \"\(text.count > 40 ? String(text.prefix(37)) + "..." : text)\""
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
