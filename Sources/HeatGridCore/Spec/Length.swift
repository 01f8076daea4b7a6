import Foundation

/// A physical length, written in specs as `"180mm"`, `"3.5in"`, `"72pt"`, `"1.2cm"`, `"2400px"`
/// (pixels at the figure's DPI), a bare number of points, or a journal width preset:
/// `"single"` (89 mm, one column), `"onehalf"` (120 mm) and `"double"` (183 mm, full width).
public struct Length: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The length in points (1/72 in), for lengths given in physical units.
    public var points: Double
    /// The length in pixels when it was given in px; its points depend on the DPI.
    public var pixels: Double?

    public init(points: Double) { self.points = points }

    /// A length of `pixels` pixels.
    public init(pixels: Double) {
        self.pixels = pixels
        self.points = pixels * 72 / 300
    }

    /// The length in points when rendered at `dpi` (pixel lengths scale, physical ones do not).
    public func points(dpi: Double) -> Double { pixels.map { $0 * 72 / dpi } ?? points }

    private static let units: [(suffix: String, points: Double)] = [
        ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1),
    ]

    /// Journal figure widths (Nature, Science, Cell and most others are within a few mm).
    public static let presets: [String: Double] = ["single": 89, "onehalf": 120, "double": 183]

    /// Parses a length with a unit or a preset name; nil when malformed or not positive.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let mm = Length.presets[trimmed] {
            self.init(points: mm * 72 / 25.4)
            return
        }
        if trimmed.hasSuffix("px") {
            guard let value = Double(trimmed.dropLast(2).trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0
            else { return nil }
            self.init(pixels: value)
            return
        }
        for unit in Length.units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value > 0 else { return nil }
            self.init(points: value * unit.points)
            return
        }
        guard let value = Double(trimmed), value.isFinite, value > 0 else { return nil }
        self.init(points: value)
    }

    public var description: String {
        pixels.map { String(format: "%.4gpx", $0) } ?? String(format: "%.4gpt", points)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard number.isFinite, number > 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a positive length")
            }
            self.init(points: number)
            return
        }
        let text = try container.decode(String.self)
        guard let length = Length(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "expected a positive length with a unit (mm, cm, in, pt, px) or a preset (single, onehalf, double), found \"\(text)\"")
        }
        self = length
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let pixels { try container.encode(String(format: "%gpx", pixels)) } else { try container.encode(points) }
    }
}
