import HeatGridCore

/// How values become SVG text: numbers, colours and escaped character data.
///
/// Numbers are written locale-free and without `printf` (which cost most of an SVG's time when
/// cairo wrote every coordinate with it): the value is rounded to a whole number of
/// `10^-decimals` with integer arithmetic and printed as digits, trailing zeros and a `-0`
/// dropped. Coordinates in points take 3 decimals (a thousandth of a point: 1/240 of a pixel at
/// 300 dpi); scale factors take more, so that long runs of cells or glyphs stay in place.
/// Colours are `#rrggbb` with the alpha, when below 1, as a separate opacity attribute
/// (SVG 1.1 has no alpha digits).
enum SVGValues {
    /// Decimals for coordinates and lengths in points.
    static let pointDecimals = 3

    private static let powersOfTen: [Double] = (0...12).map { (0..<$0).reduce(1.0) { a, _ in a * 10 } }

    /// `value` rounded to `decimals` places (0...12), without trailing zeros or a sign on zero.
    static func number(_ value: Double, decimals: Int = pointDecimals) -> String {
        let scaled = (value * powersOfTen[decimals]).rounded()
        guard scaled.isFinite, abs(scaled) < 9e18 else { return value.isFinite ? "\(value)" : "0" }
        return fixed(Int64(scaled), decimals: decimals)
    }

    /// `units / 10^decimals` as decimal text: the integer part, then the fraction's digits without
    /// trailing zeros.
    static func fixed(_ units: Int64, decimals: Int) -> String {
        let negative = units < 0
        let magnitude = negative ? UInt64(-units) : UInt64(units)
        let divisor = UInt64(powersOfTen[decimals])
        var text = (negative ? "-" : "") + String(magnitude / divisor)
        var fraction = magnitude % divisor
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let written = String(fraction)
            text += "." + String(repeating: "0", count: digits - written.count) + written
        }
        return text
    }

    /// `#rrggbb` for 8-bit components.
    static func hex(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> String {
        "#" + Hex.byte(red) + Hex.byte(green) + Hex.byte(blue)
    }

    /// `#rrggbb` of a colour, alpha ignored.
    static func hex(_ color: RGBA) -> String {
        hex(byte(color.red), byte(color.green), byte(color.blue))
    }

    /// A colour component in 0...1 as the nearest 8-bit value.
    static func byte(_ component: Double) -> UInt8 {
        UInt8((min(max(component, 0), 1) * 255).rounded())
    }

    /// ` fill="#rrggbb"` (or `stroke`), with ` fill-opacity="…"` when the colour is translucent.
    static func paint(_ property: String, _ color: RGBA) -> String {
        var out = " \(property)=\"\(hex(color))\""
        if color.alpha < 1 { out += " \(property)-opacity=\"\(number(max(color.alpha, 0), decimals: 4))\"" }
        return out
    }

    /// XML text or attribute content: the five special characters as entities, and characters
    /// XML 1.0 forbids (controls other than tab and line breaks) dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
