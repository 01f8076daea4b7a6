import HeatGridCore

/// A colour as a palette file wrote it. The HSV triple is kept when the file gave one, because
/// an HSV palette interpolates hues and 360-1-1 must stay 360 rather than become red's 0.
struct PaletteColor {
    var rgba: RGBA
    var hsv: HSV?

    init(rgba: RGBA, hsv: HSV? = nil) {
        self.rgba = rgba
        self.hsv = hsv
    }

    init(hsv: HSV, alpha: Double = 1) {
        let (r, g, b) = hsv.rgb
        self.init(rgba: RGBA(red: r, green: g, blue: b, alpha: alpha), hsv: hsv)
    }

    /// The components interpolation works on: red, green, blue, alpha, or hue, saturation,
    /// value, alpha for an HSV palette.
    func components(hsvModel: Bool) -> [Double] {
        if hsvModel {
            let hsv = self.hsv ?? HSV(rgba)
            return [hsv.hue, hsv.saturation, hsv.value, rgba.alpha]
        }
        return [rgba.red, rgba.green, rgba.blue, rgba.alpha]
    }

    /// The colour a fraction `f` of the way from `a` to `b`, linear in the palette's model (GMT
    /// interpolates an HSV palette in HSV, straight along the hue numbers as written).
    static func interpolate(_ a: PaletteColor, _ b: PaletteColor, _ f: Double, hsvModel: Bool) -> RGBA {
        let from = a.components(hsvModel: hsvModel), to = b.components(hsvModel: hsvModel)
        let mixed = zip(from, to).map { $0 + f * ($1 - $0) }
        if hsvModel {
            return PaletteColor(hsv: HSV(hue: mixed[0], saturation: mixed[1], value: mixed[2]), alpha: mixed[3]).rgba
        }
        return RGBA(red: mixed[0], green: mixed[1], blue: mixed[2], alpha: mixed[3])
    }
}
