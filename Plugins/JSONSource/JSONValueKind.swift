/// Names the kind of JSON value a decoder holds ("a string ('abc')", "true", "an array", ...),
/// for messages that say what was found instead of what was expected.
enum JSONValueKind {
    static func describe(_ decoder: Decoder) -> String {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() { return "null" }
            if let flag = try? single.decode(Bool.self) { return flag ? "true" : "false" }
            if (try? single.decode(Double.self)) != nil { return "a number" }
            if let text = try? single.decode(String.self) {
                return "a string ('\(text.count > 40 ? text.prefix(40) + "..." : Substring(text))')"
            }
        }
        if (try? decoder.unkeyedContainer()) != nil { return "an array" }
        return "an object"
    }
}
