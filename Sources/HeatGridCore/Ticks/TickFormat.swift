import Foundation

/// How tick labels are written: one number of decimals for the whole axis (0.0000 ... 0.0025,
/// never 0 ... 0.0025), true minus signs, and powers of ten where plain decimals get unreadable.
public enum TickFormat: Sendable, Equatable {
    /// Plain decimals, switching to scientific notation for tiny or huge numbers (the default).
    case automatic
    /// Plain decimals always.
    case plain
    /// `2.5×10⁻⁵` always.
    case scientific
    /// SI prefixes: `250µ`, `1.5k`, `3M`.
    case si
    /// A printf pattern with one floating-point conversion, e.g. `%.2f`, `%.1e`, `%g%%`.
    case printf(String)

    /// Parses the spec's `colorbar.format`: "auto", "plain", "sci", "si" or a printf pattern.
    public init?(spec: String) {
        switch spec.lowercased() {
        case "auto", "automatic": self = .automatic
        case "plain", "fixed": self = .plain
        case "sci", "scientific": self = .scientific
        case "si": self = .si
        default:
            // Exactly one %-conversion, of a floating-point kind: anything else could make
            // String(format:) read arguments that are not there.
            let pattern = #"^([^%]|%%)*%[-+ 0#]*[0-9]{0,2}(\.[0-9]{1,2})?[eEfFgG]([^%]|%%)*$"#
            guard spec.range(of: pattern, options: .regularExpression) != nil else { return nil }
            self = .printf(spec)
        }
    }

    /// The spec's spelling of this format ("auto", "plain", "sci", "si" or the printf pattern):
    /// `TickFormat(spec: format.spec) == format`.
    public var spec: String {
        switch self {
        case .automatic: "auto"
        case .plain: "plain"
        case .scientific: "sci"
        case .si: "si"
        case .printf(let pattern): pattern
        }
    }

    /// Labels for `values` in this format.
    public func labels(_ values: [Double]) -> [String] {
        switch self {
        case .automatic:
            let largest = values.map(abs).max() ?? 0
            let decimals = Self.decimals(values)
            return largest >= 1e6 || decimals > 5 ? Self.scientific(values) : values.map { Self.label($0, decimals: decimals) }
        case .plain:
            let decimals = Self.decimals(values)
            return values.map { Self.label($0, decimals: decimals) }
        case .scientific:
            return Self.scientific(values)
        case .si:
            return Self.si(values)
        case .printf(let pattern):
            return values.map { Self.minus(String(format: pattern, $0)) }
        }
    }

    /// Labels in the automatic format.
    public static func labels(_ values: [Double]) -> [String] { TickFormat.automatic.labels(values) }

    /// `value` with `decimals` decimals; negative numbers get U+2212 MINUS SIGN.
    public static func label(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return (value < 0 && !isZero ? "\u{2212}" : "") + text
    }

    /// `10⁻³`-style power of ten.
    public static func power(_ exponent: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                              "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return "10" + String(String(exponent).map { digits[$0] ?? $0 })
    }

    /// The fewest decimals that show every value exactly (up to 10).
    static func decimals(_ values: [Double]) -> Int {
        (0...10).first { d in
            let scale = pow(10, Double(d))
            return values.allSatisfy { v in
                let scaled = v * scale
                return abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled))
            }
        } ?? 10
    }

    /// `2.5×10⁻⁵`: a mantissa with one decimal count for all, and each value's own exponent.
    static func scientific(_ values: [Double]) -> [String] {
        let parts = values.map { v -> (Double, Int) in
            guard v != 0, v.isFinite else { return (v, 0) }
            let exponent = Int(floor(log10(abs(v))))
            return (v / pow(10, Double(exponent)), exponent)
        }
        let decimals = min(decimals(parts.map(\.0)), 3)
        return parts.map { mantissa, exponent in
            if mantissa == 0 { return "0" }
            let m = label(mantissa, decimals: decimals)
            return (m == "1" ? "" : m == "\u{2212}1" ? "\u{2212}" : m + "×") + power(exponent)
        }
    }

    /// SI prefixes from pico to tera.
    static func si(_ values: [Double]) -> [String] {
        let prefixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""),
                                            (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p")]
        let largest = values.map(abs).max() ?? 0
        let (unit, prefix) = prefixes.first { largest >= $0.0 } ?? prefixes.last!
        let scaled = values.map { $0 / unit }
        let decimals = min(Self.decimals(scaled), 3)
        return scaled.map { $0 == 0 ? "0" : label($0, decimals: decimals) + prefix }
    }

    private static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
}

/// Encoded as its spec string (`"sci"`, `"%.2f"`).
extension TickFormat: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let format = TickFormat(spec: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a tick format: \(text)"))
        }
        self = format
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spec)
    }
}
