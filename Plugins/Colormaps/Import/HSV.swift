import HeatGridCore

/// Hue in degrees (0...360), saturation and value in 0...1, as GMT writes `h-s-v`.
struct HSV: Equatable {
    var hue: Double
    var saturation: Double
    var value: Double

    var rgb: (red: Double, green: Double, blue: Double) {
        // 360 is a full turn: the same colour as 0 (a cyclic palette runs 0-1-1 to 360-1-1).
        let sector = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 60
        let whole = sector.rounded(.down)
        let f = sector - whole
        let v = value
        let p = v * (1 - saturation), q = v * (1 - saturation * f), t = v * (1 - saturation * (1 - f))
        switch Int(whole) {
        case 0: return (v, t, p)
        case 1: return (q, v, p)
        case 2: return (p, v, t)
        case 3: return (p, q, v)
        case 4: return (t, p, v)
        default: return (v, p, q)
        }
    }

    init(hue: Double, saturation: Double, value: Double) {
        self.hue = hue; self.saturation = saturation; self.value = value
    }

    init(_ color: RGBA) {
        let high = max(color.red, color.green, color.blue)
        let low = min(color.red, color.green, color.blue)
        let chroma = high - low
        var hue = 0.0
        if chroma > 0 {
            if high == color.red {
                hue = 60 * ((color.green - color.blue) / chroma).truncatingRemainder(dividingBy: 6)
            } else if high == color.green {
                hue = 60 * ((color.blue - color.red) / chroma + 2)
            } else {
                hue = 60 * ((color.red - color.green) / chroma + 4)
            }
            if hue < 0 { hue += 360 }
        }
        self.init(hue: hue, saturation: high > 0 ? chroma / high : 0, value: high)
    }
}
