import Foundation

/// A colour with components in 0...1 (not premultiplied). Encoded in JSON as `"#rrggbb"` or
/// `"#rrggbbaa"`.
public struct RGBA: Sendable, Hashable, Codable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public static let black = RGBA(red: 0, green: 0, blue: 0)
    public static let white = RGBA(red: 1, green: 1, blue: 1)

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` is optional); nil when malformed.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6 || digits.count == 8, let packed = UInt32(digits, radix: 16) else { return nil }
        let value = digits.count == 6 ? (packed << 8) | 0xff : packed
        self.init(red: Double((value >> 24) & 0xff) / 255, green: Double((value >> 16) & 0xff) / 255,
                  blue: Double((value >> 8) & 0xff) / 255, alpha: Double(value & 0xff) / 255)
    }

    /// `#rrggbb`, with `aa` appended when not opaque.
    public var hex: String {
        func byte(_ c: Double) -> String {
            let b = Int((min(max(c, 0), 1) * 255).rounded())
            return (b < 16 ? "0" : "") + String(b, radix: 16)
        }
        return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
    }

    public var description: String { hex }

    /// Relative luminance (WCAG), used to pick readable text over a colour.
    public var luminance: Double {
        let c = linearRGB
        return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let color = RGBA(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "expected a colour like \"#1f77b4\", found \"\(text)\"")
        }
        self = color
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
