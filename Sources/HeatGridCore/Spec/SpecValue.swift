/// A JSON value as written in a spec, kept raw: the keys of a section that belong to the plugin
/// answering to it (a layout's, a scale's, a data source's, a backend's options), read by that
/// plugin with `option(_:as:specFile:)`.
public enum SpecValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([SpecValue])
    case object([String: SpecValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let bool = try? c.decode(Bool.self) { self = .bool(bool) }
        else if let number = try? c.decode(Double.self) { self = .number(number) }
        else if let string = try? c.decode(String.self) { self = .string(string) }
        else if let list = try? c.decode([SpecValue].self) { self = .list(list) }
        else { self = .object(try c.decode([String: SpecValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let bool): try c.encode(bool)
        case .number(let number): try c.encode(number)
        case .string(let string): try c.encode(string)
        case .list(let list): try c.encode(list)
        case .object(let object): try c.encode(object)
        }
    }

    /// The value as JSON would show it (`2`, `"row"`, `[1, 2]`), for error messages.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let bool): return "\(bool)"
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
        case .string(let string): return "\"\(string)\""
        case .list(let list): return "[" + list.map(\.description).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.keys.sorted().map { "\"\($0)\": \(object[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A Swift type a plugin option can be read as (`Int`, `Double`, `String`, `Bool`, `Length`,
/// `RGBA`, and lists of them), with the phrase error messages use for what was expected.
public protocol SpecOptionValue: Sendable {
    /// The value, or nil when `value` is not of this type.
    init?(specValue value: SpecValue)
    /// The value as a spec would hold it.
    var specValue: SpecValue { get }
    /// What a spec must give, for error messages: "a whole number".
    static var expectation: String { get }
}

extension Double: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .number(let number) = value, number.isFinite else { return nil }
        self = number
    }
    public var specValue: SpecValue { .number(self) }
    public static var expectation: String { "a number" }
}

extension Int: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 else { return nil }
        self = Int(number)
    }
    public var specValue: SpecValue { .number(Double(self)) }
    public static var expectation: String { "a whole number" }
}

extension String: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .string(let string) = value else { return nil }
        self = string
    }
    public var specValue: SpecValue { .string(self) }
    public static var expectation: String { "a string" }
}

extension Bool: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .bool(let bool) = value else { return nil }
        self = bool
    }
    public var specValue: SpecValue { .bool(self) }
    public static var expectation: String { "true or false" }
}

extension Length: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        switch value {
        case .number(let points) where points.isFinite && points > 0: self.init(points: points)
        case .string(let text): guard let length = Length(parsing: text) else { return nil }; self = length
        default: return nil
        }
    }
    public var specValue: SpecValue { pixels.map { .string("\($0)px") } ?? .number(points) }
    public static var expectation: String {
        "a positive length with a unit (mm, cm, in, pt, px) or a preset (single, onehalf, double)"
    }
}

extension RGBA: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .string(let hex) = value, let color = RGBA(hex: hex) else { return nil }
        self = color
    }
    public var specValue: SpecValue { .string(hex) }
    public static var expectation: String { "a hex colour like \"#222222\"" }
}

extension Array: SpecOptionValue where Element: SpecOptionValue {
    public init?(specValue value: SpecValue) {
        guard case .list(let items) = value else { return nil }
        var elements: [Element] = []
        for item in items {
            guard let element = Element(specValue: item) else { return nil }
            elements.append(element)
        }
        self = elements
    }
    public var specValue: SpecValue { .list(map(\.specValue)) }
    public static var expectation: String { "a list, each item \(Element.expectation)" }
}

extension Decoder {
    /// Every key of this object except `core`, kept raw: the part of a section that belongs to
    /// the plugin answering to it, checked against that plugin's options once it is known.
    func pluginOptions(excluding core: [String]) throws -> [String: SpecValue] {
        let container = try container(keyedBy: AnyCodingKey.self)
        var options: [String: SpecValue] = [:]
        for key in container.allKeys where !core.contains(key.stringValue) {
            options[key.stringValue] = try container.decode(SpecValue.self, forKey: key)
        }
        return options
    }
}

extension Encoder {
    /// Writes `options` as keys of this object (next to the section's core keys).
    func encodePluginOptions(_ options: [String: SpecValue]) throws {
        var container = container(keyedBy: AnyCodingKey.self)
        for (key, value) in options { try container.encode(value, forKey: AnyCodingKey(stringValue: key)) }
    }
}
