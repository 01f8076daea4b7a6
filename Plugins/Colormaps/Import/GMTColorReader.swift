import HeatGridCore

/// Reads GMT colours: `r g b` (three fields), `r/g/b`, `c/m/y/k`, `#rrggbb`, a gray level,
/// `h-s-v`, a colour name, each optionally with `@transparency` (percent), or `-` for "not
/// painted" (transparent).
enum GMTColorReader {
    /// Where in the line a colour was bad and why.
    struct Failure: Error {
        let column: Int
        let message: String
    }

    /// A colour written as one field.
    static func color(_ field: Field) throws(Failure) -> PaletteColor {
        var text = field.text
        var alpha = 1.0
        if let at = text.firstIndex(of: "@") {
            let transparencyText = String(text[text.index(after: at)...])
            let column = field.column + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: at) + 1
            guard let transparency = DecimalNumber.parse(transparencyText), (0...100).contains(transparency) else {
                throw Failure(column: column, message: "expected a transparency 0...100 after '@', found "
                              + ImportText.quoted(transparencyText))
            }
            alpha = 1 - transparency / 100
            text = String(text[..<at])
        }
        var color = try opaqueColor(Field(text: text, column: field.column))
        color.rgba.alpha *= alpha
        return color
    }

    /// A colour written as three fields: `r g b` 0...255, or `h s v` in an HSV palette.
    static func color(_ fields: ArraySlice<Field>, hsvModel: Bool) throws(Failure) -> PaletteColor {
        let names = hsvModel ? ["hue", "saturation", "value"] : ["red", "green", "blue"]
        let limits: [Double] = hsvModel ? [360, 1, 1] : [255, 255, 255]
        var values: [Double] = []
        for (k, field) in fields.enumerated() {
            values.append(try number(field.text, column: field.column, upTo: limits[k], for: names[k]))
        }
        if hsvModel { return PaletteColor(hsv: HSV(hue: values[0], saturation: values[1], value: values[2])) }
        return PaletteColor(rgba: RGBA(red: values[0] / 255, green: values[1] / 255, blue: values[2] / 255))
    }

    private static func opaqueColor(_ field: Field) throws(Failure) -> PaletteColor {
        let text = field.text
        if text == "-" { return PaletteColor(rgba: RGBA(red: 0, green: 0, blue: 0, alpha: 0)) }
        if text.hasPrefix("#") {
            guard let color = HexListParser.hexColor(text) else {
                throw Failure(column: field.column, message: "expected a colour like #rrggbb, found \(ImportText.quoted(text))")
            }
            return PaletteColor(rgba: color)
        }
        if text.contains("/") {
            let parts = self.parts(of: field, separatedBy: "/")
            if parts.count == 3 {
                var rgb: [Double] = []
                for (k, part) in parts.enumerated() {
                    rgb.append(try number(part.text, column: part.column, upTo: 255, for: ["red", "green", "blue"][k]))
                }
                return PaletteColor(rgba: RGBA(red: rgb[0] / 255, green: rgb[1] / 255, blue: rgb[2] / 255))
            }
            if parts.count == 4 {
                var cmyk: [Double] = []
                for (k, part) in parts.enumerated() {
                    cmyk.append(try number(part.text, column: part.column, upTo: 100,
                                           for: ["cyan", "magenta", "yellow", "black"][k]) / 100)
                }
                let black = 1 - cmyk[3]
                return PaletteColor(rgba: RGBA(red: (1 - cmyk[0]) * black, green: (1 - cmyk[1]) * black,
                                               blue: (1 - cmyk[2]) * black))
            }
            throw Failure(column: field.column,
                          message: "expected r/g/b (0...255) or c/m/y/k (0...100), found \(ImportText.quoted(text))")
        }
        if let gray = DecimalNumber.parse(text) {
            guard (0...255).contains(gray) else {
                throw Failure(column: field.column, message: "expected a gray level 0...255, found \(ImportText.quoted(text))")
            }
            return PaletteColor(rgba: RGBA(red: gray / 255, green: gray / 255, blue: gray / 255))
        }
        if text.contains("-"), let first = text.unicodeScalars.first, ("0"..."9").contains(first) || first == "." {
            let parts = self.parts(of: field, separatedBy: "-")
            guard parts.count == 3 else {
                throw Failure(column: field.column, message: "expected h-s-v (hue 0...360, saturation and value "
                              + "0...1), found \(ImportText.quoted(text))")
            }
            let hue = try number(parts[0].text, column: parts[0].column, upTo: 360, for: "hue")
            let saturation = try number(parts[1].text, column: parts[1].column, upTo: 1, for: "saturation")
            let value = try number(parts[2].text, column: parts[2].column, upTo: 1, for: "value")
            return PaletteColor(hsv: HSV(hue: hue, saturation: saturation, value: value))
        }
        if let named = NamedColors.color(named: text) { return PaletteColor(rgba: named) }
        throw Failure(column: field.column, message: "expected a colour (r g b, r/g/b, #rrggbb, a gray level, h-s-v "
                      + "or a colour name), found \(ImportText.quoted(text))")
    }

    /// A number in 0...limit, or a failure naming the component.
    static func number(_ text: String, column: Int, upTo limit: Double, for component: String) throws(Failure) -> Double {
        guard let value = DecimalNumber.parse(text), (0...limit).contains(value) else {
            throw Failure(column: column, message: "expected a number 0...\(Int(limit)) for \(component), found "
                          + (text.isEmpty ? "nothing" : ImportText.quoted(text)))
        }
        return value
    }

    /// The pieces of `field` between separators, each with its own column (empty pieces kept, so
    /// `255//0` is reported rather than read as two numbers).
    private static func parts(of field: Field, separatedBy separator: Unicode.Scalar) -> [Field] {
        var parts: [Field] = []
        var current = String.UnicodeScalarView()
        var start = field.column
        for (offset, scalar) in field.text.unicodeScalars.enumerated() {
            if scalar == separator {
                parts.append(Field(text: String(current), column: start))
                current = String.UnicodeScalarView()
                start = field.column + offset + 1
            } else {
                current.append(scalar)
            }
        }
        parts.append(Field(text: String(current), column: start))
        return parts
    }
}
