import Foundation
import HeatGridCore

/// Editable SVG text: a scene's text items as `<text>` elements, for SVG files whose other
/// content cairo drew. The text keeps the layout's geometry: `x`/`y` is the baseline origin
/// the layout measured, sizes are in the document's user units (cairo writes SVG with
/// `viewBox` in points, so `font-size="8"` is 8 pt), and rotated labels turn about their origin.
enum SVGTextElements {
    /// `svg` with one `<text>` per item inserted before the closing `</svg>`.
    static func inserting(_ texts: [TextItem], into svg: [UInt8]) throws -> [UInt8] {
        guard !texts.isEmpty else { return svg }
        let closing = Array("</svg>".utf8)
        guard let end = lastIndex(of: closing, in: svg) else {
            throw HeatGridError.backend(format: "svg", message: "cairo wrote an SVG without a closing </svg>")
        }
        var block = "<g id=\"text\">\n"
        for item in texts { block += try element(item) + "\n" }
        block += "</g>\n"
        return Array(svg[..<end]) + Array(block.utf8) + Array(svg[end...])
    }

    /// One `<text>` element, with the families of every font its characters come from (the
    /// theme's family first, then fallbacks) so a viewer falls back the same way.
    static func element(_ item: TextItem) throws -> String {
        let shaped = try ShapedText(item.text, font: item.font)
        var families = [item.font.family]
        for run in shaped.runs where !families.contains(run.face.match.family) && !run.face.match.family.isEmpty {
            families.append(run.face.match.family)
        }
        let x = number(item.origin.x), y = number(item.origin.y)
        var attributes = "x=\"\(x)\" y=\"\(y)\""
        if item.angle != 0 { attributes += " transform=\"rotate(\(number(-item.angle)) \(x) \(y))\"" }
        attributes += " font-family=\"\(escaped(families.map(cssFamily).joined(separator: ", ")))\""
        attributes += " font-size=\"\(number(item.font.size))\""
        if item.font.bold { attributes += " font-weight=\"bold\"" }
        attributes += " fill=\"\(rgb(item.color))\""
        if item.color.alpha < 1 { attributes += " fill-opacity=\"\(number(item.color.alpha))\"" }
        return "<text \(attributes) xml:space=\"preserve\">\(escaped(item.text))</text>"
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

    /// A CSS family name: bare when it is a plain run of words, else quoted.
    static func cssFamily(_ name: String) -> String {
        let words = name.split(separator: " ")
        let plain = !words.isEmpty && words.allSatisfy { word in
            word.first.map { !$0.isNumber && $0 != "-" } ?? false
                && word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        }
        return plain ? name : "'" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// `#rrggbb` (SVG 1.1 has no alpha digits; alpha goes to `fill-opacity`).
    static func rgb(_ color: RGBA) -> String {
        String(RGBA(red: color.red, green: color.green, blue: color.blue).hex)
    }

    /// A coordinate with at most 3 decimals, locale-free and without trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
