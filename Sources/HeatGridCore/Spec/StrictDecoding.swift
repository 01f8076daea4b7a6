/// A coding key for any string, used to list the keys an object really has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Rejects keys that `Keys` does not know, naming the nearest valid key: a typo in a spec
    /// must fail loudly, never be silently ignored.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let hint = nearest(to: key.stringValue, in: known).map { "; did you mean '\($0)'?" } ?? ""
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key],
                debugDescription: "unknown key\(hint) (valid keys: \(known.joined(separator: ", ")))"))
        }
    }
}
