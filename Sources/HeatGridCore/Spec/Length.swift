import Foundation

/// A physical length, written in specs as `"180mm"`, `"3.5in"`, `"72pt"`, `"1.2cm"` or a bare number
/// of points. Stored in points (1/72 in).
public struct Length: Sendable, Hashable, Codable, CustomStringConvertible {
    public var points: Double

    public init(points: Double) { self.points = points }

    private static let units: [(suffix: String, points: Double)] = [
        ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1),
    ]

    /// Parses a length with a unit; nil when malformed or not positive.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for unit in Length.units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value > 0 else { return nil }
            self.points = value * unit.points
            return
        }
        guard let value = Double(trimmed), value.isFinite, value > 0 else { return nil }
        self.points = value
    }

    public var description: String { String(format: "%.4gpt", points) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard number.isFinite, number > 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a positive length")
            }
            self.points = number
            return
        }
        let text = try container.decode(String.self)
        guard let length = Length(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "expected a positive length with a unit (mm, cm, in, pt), found \"\(text)\"")
        }
        self = length
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(points)
    }
}
