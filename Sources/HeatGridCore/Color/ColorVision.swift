/// How a colour looks to someone with a colour-vision deficiency, so authors can check a figure
/// before submitting it (`heatgrid render --cvd deuteranopia`). Dichromacies use the matrices of
/// Machado, Oliveira and Fernandes (2009) at severity 1, applied in linear light as colorspacious
/// and DaltonLens do; `grey` is the colour's luminance (a greyscale print).
public enum ColorVision: String, Sendable, CaseIterable {
    case deuteranopia, protanopia, tritanopia, grey

    /// Rows of the 3x3 matrix on linear RGB (Machado et al. 2009, Table 1, severity 1.0).
    private var matrix: [SIMD3<Double>] {
        switch self {
        case .protanopia: [SIMD3(0.152286, 1.052583, -0.204868), SIMD3(0.114503, 0.786281, 0.099216), SIMD3(-0.003882, -0.048116, 1.051998)]
        case .deuteranopia: [SIMD3(0.367322, 0.860646, -0.227968), SIMD3(0.280085, 0.672501, 0.047413), SIMD3(-0.011820, 0.042940, 0.968881)]
        case .tritanopia: [SIMD3(1.255528, -0.076749, -0.178779), SIMD3(-0.078411, 0.930809, 0.147602), SIMD3(0.004733, 0.691367, 0.303900)]
        case .grey: Array(repeating: SIMD3(0.2126, 0.7152, 0.0722), count: 3)
        }
    }

    /// `color` as seen with this deficiency (alpha kept).
    public func simulate(_ color: RGBA) -> RGBA {
        let c = color.linearRGB, m = matrix
        var seen = RGBA(linear: SIMD3((m[0] * c).sum(), (m[1] * c).sum(), (m[2] * c).sum()))
        seen.alpha = color.alpha
        return seen
    }
}

extension Scene {
    /// The scene with every colour as seen with `vision`: cells, fills, strokes, gradients, text.
    public func seen(as vision: ColorVision) -> Scene {
        func s(_ c: RGBA) -> RGBA { vision.simulate(c) }
        var scene = self
        scene.background = s(background)
        scene.items = items.map { item in
            switch item {
            case .cells(var grid):
                var cache: [UInt32: [UInt8]] = [:]
                for k in stride(from: 0, to: grid.rgba.count, by: 4) {
                    let key = UInt32(grid.rgba[k]) << 24 | UInt32(grid.rgba[k + 1]) << 16 | UInt32(grid.rgba[k + 2]) << 8 | UInt32(grid.rgba[k + 3])
                    let bytes = cache[key] ?? {
                        let c = s(RGBA(red: Double(grid.rgba[k]) / 255, green: Double(grid.rgba[k + 1]) / 255,
                                       blue: Double(grid.rgba[k + 2]) / 255, alpha: Double(grid.rgba[k + 3]) / 255))
                        let b = [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
                        cache[key] = b
                        return b
                    }()
                    grid.rgba.replaceSubrange(k..<(k + 4), with: bytes)
                }
                return .cells(grid)
            case .rect(var r): r.fill = r.fill.map(s); r.stroke = r.stroke.map(s); return .rect(r)
            case .line(var l): l.color = s(l.color); return .line(l)
            case .polygon(var p): p.fill = p.fill.map(s); p.stroke = p.stroke.map(s); return .polygon(p)
            case .gradient(var g): g.colors = g.colors.map(s); return .gradient(g)
            case .text(var t): t.color = s(t.color); return .text(t)
            }
        }
        return scene
    }
}
