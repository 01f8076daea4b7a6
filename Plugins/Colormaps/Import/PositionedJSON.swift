/// A JSON value with the 1-based line and column where it starts, so a bad colour deep in a
/// colormap file can be reported at its own place (Foundation's parser keeps no positions).
struct PositionedJSON {
    indirect enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([PositionedJSON])
        /// Members in file order, each key with its own position.
        case object([(key: String, keyLine: Int, keyColumn: Int, value: PositionedJSON)])
    }

    let value: Value
    let line: Int
    let column: Int

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
