import Foundation

/// The colour arithmetic HeatGrid measures with: sRGB to linear light and back (IEC 61966-2-1),
/// and CIELAB lightness and coordinates (D65 white), so colormaps are judged by how they look,
/// not by their names.
extension RGBA {
    /// One sRGB component (0...1) in linear light.
    public static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// One linear-light component back in sRGB (0...1, clamped).
    public static func encoded(_ c: Double) -> Double {
        let c = min(max(c, 0), 1)
        return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
    }

    /// The colour in linear light (red, green, blue).
    public var linearRGB: SIMD3<Double> { SIMD3(Self.linear(red), Self.linear(green), Self.linear(blue)) }

    /// A colour from linear-light components (alpha 1).
    public init(linear c: SIMD3<Double>) {
        self.init(red: Self.encoded(c.x), green: Self.encoded(c.y), blue: Self.encoded(c.z))
    }

    /// CIELAB (L* 0...100, a*, b*) under D65.
    public var lab: (l: Double, a: Double, b: Double) {
        let c = linearRGB
        let x = (0.4124564 * c.x + 0.3575761 * c.y + 0.1804375 * c.z) / 0.95047
        let y = 0.2126729 * c.x + 0.7151522 * c.y + 0.0721750 * c.z
        let z = (0.0193339 * c.x + 0.1191920 * c.y + 0.9503041 * c.z) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}
