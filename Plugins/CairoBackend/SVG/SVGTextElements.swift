import Foundation
import HeatGridCore

/// Editable SVG text: a text item as a `<text>` element, written in its place in the drawing
/// order. The text keeps the layout's geometry: `x`/`y` is the baseline origin the layout
/// measured, sizes are in the document's user units (points, so `font-size="8"` is 8 pt), and
/// rotated labels turn about their origin. The viewer supplies the font, so the families of every
/// font the shaped text uses are named, the theme's first.
enum SVGTextElements {
    /// One `<text>` element, with the families of every font its characters come from (the
    /// theme's family first, then fallbacks) so a viewer falls back the same way.
    static func element(_ item: TextItem) throws -> String {
        let shaped = try ShapedText(item.text, font: item.font)
        var families = [item.font.family]
        for run in shaped.runs where !families.contains(run.face.match.family) && !run.face.match.family.isEmpty {
            families.append(run.face.match.family)
        }
        let x = SVGValues.number(item.origin.x), y = SVGValues.number(item.origin.y)
        var attributes = "x=\"\(x)\" y=\"\(y)\""
        if item.angle != 0 { attributes += " transform=\"rotate(\(SVGValues.number(-item.angle, decimals: 6)) \(x) \(y))\"" }
        attributes += " font-family=\"\(SVGValues.escaped(families.map(cssFamily).joined(separator: ", ")))\""
        attributes += " font-size=\"\(SVGValues.number(item.font.size))\""
        if item.font.bold { attributes += " font-weight=\"bold\"" }
        attributes += SVGValues.paint("fill", item.color)
        return "<text \(attributes) xml:space=\"preserve\">\(SVGValues.escaped(item.text))</text>\n"
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
}
