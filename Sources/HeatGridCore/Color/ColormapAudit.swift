/// Checks that a colormap does not mislead: measured in CIELAB lightness (L*), not by its name.
///
/// The map is sampled at 65 points. Its kind is the one it declares (`Colormap.kind`, as the
/// library's maps do), or else judged from the samples: a short table (at most 32 colours) is qualitative; a map whose ends are nearly the same
/// colour (ΔE < 8) is cyclic; a map whose lightness peaks (or dips) well inside it, at least 15 L*
/// above (below) both ends, at a near-neutral colour (chroma under 45), is diverging; any other is
/// sequential. A sequential map must change
/// lightness one way only; a diverging map must do so in each half, away from its centre. A
/// reversal of more than 5 L* (what jet, hsv and rainbow do) makes equal steps in the data look
/// unequal and draws boundaries that are not there: that is reported, with a uniform map of the
/// same kind to use instead. A cyclic map is judged by how evenly its colour changes around the
/// circle (hsv does not); qualitative maps are not judged.
public enum ColormapAudit {
    /// The largest lightness reversal (L* units) accepted.
    public static let tolerance = 5.0

    /// Why `colormap` misleads, with a suggestion from `available` (registered names, lowercased),
    /// or nil when it does not.
    public static func warning(for colormap: any Colormap, available: Set<String> = []) -> String? {
        let colors = (0...64).map { colormap.color(at: Double($0) / 64) }
        let lightness = colors.map(\.lab.l)
        let kind = colormap.kind ?? judgedKind(colors, lightness: lightness, resolution: colormap.resolution)
        let problem: String?
        switch kind {
        case .qualitative: problem = nil
        case .cyclic: problem = unevenSpeed(colors)
        case .sequential: problem = reversal(in: lightness, from: 0)
        case .diverging:
            let middle = lightness.indices.dropFirst().dropLast().max { abs(lightness[$0] - lightness[0]) < abs(lightness[$1] - lightness[0]) } ?? 32
            problem = reversal(in: Array(lightness[...middle]), from: 0) ?? reversal(in: Array(lightness[middle...]), from: middle)
        }
        guard let problem else { return nil }
        let uniform: [ColormapKind: [String]] = [.sequential: ["batlow", "viridis"], .diverging: ["vik", "RdBu", "coolwarm"],
                                         .cyclic: ["romaO", "twilight"]]
        let suggestion = uniform[kind]?.first { available.contains($0.lowercased()) }.map { "; use a perceptually uniform \(kind.rawValue) map such as '\($0)'" } ?? ""
        return "colormap '\(colormap.name)' is not perceptually uniform: \(problem), so equal steps in the data do not look equal and false boundaries appear\(suggestion)"
    }

    /// The kind the samples show (see the type's description).
    static func judgedKind(_ colors: [RGBA], lightness: [Double], resolution: Int) -> ColormapKind {
        if resolution <= 32 { return .qualitative }
        let (first, last) = (colors.first!.lab, colors.last!.lab)
        let ends = ((first.l - last.l) * (first.l - last.l) + (first.a - last.a) * (first.a - last.a) + (first.b - last.b) * (first.b - last.b)).squareRoot()
        if ends < 8 { return .cyclic }
        // A diverging map turns at a near-neutral centre (white, grey, black or a pale tint); a
        // rainbow's turn is a saturated colour (jet's yellow), so it is judged as sequential.
        let inner = Array(13...51)
        let peak = inner.max { lightness[$0] < lightness[$1] }!, dip = inner.min { lightness[$0] < lightness[$1] }!
        let endsLow = min(lightness.first!, lightness.last!), endsHigh = max(lightness.first!, lightness.last!)
        func neutral(_ i: Int) -> Bool { let c = colors[i].lab; return (c.a * c.a + c.b * c.b).squareRoot() < 45 }
        if (lightness[peak] - endsHigh > 15 && neutral(peak)) || (endsLow - lightness[dip] > 15 && neutral(dip)) { return .diverging }
        return .sequential
    }

    /// How unevenly a cyclic map's colour changes along it (hsv races through blue and crawls
    /// through green): the perceptual distance (ΔE) covered by each eighth of the map, when the
    /// largest is more than four times the smallest; nil otherwise.
    private static func unevenSpeed(_ colors: [RGBA]) -> String? {
        let lab = colors.map(\.lab)
        func distance(_ i: Int) -> Double {
            let (p, q) = (lab[i], lab[i + 1])
            return ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
        }
        let eighths = (0..<8).map { k in (8 * k..<8 * k + 8).reduce(0) { $0 + distance($1) } }
        guard let slow = eighths.min(), let fast = eighths.max(), fast > 4 * max(slow, 1e-9) else { return nil }
        return String(format: "its colour changes %.0f times faster in one part than in another (ΔE %.0f against %.0f per eighth)",
                      fast / max(slow, 1e-9), fast, slow)
    }

    /// How the lightness in `values` turns back against its overall direction by more than the
    /// tolerance, described with positions (`offset`: the first sample's index of 64), or nil.
    private static func reversal(in values: [Double], from offset: Int) -> String? {
        guard values.count > 2 else { return nil }
        let rising = values.last! >= values.first!
        // The largest drop against the direction after a running extreme.
        var extreme = values[0], extremeAt = 0, worst = 0.0, worstFrom = 0, worstTo = 0
        for (i, v) in values.enumerated() {
            if rising ? v > extreme : v < extreme { extreme = v; extremeAt = i }
            let back = rising ? extreme - v : v - extreme
            if back > worst { worst = back; worstFrom = extremeAt; worstTo = i }
        }
        guard worst > tolerance else { return nil }
        func percent(_ i: Int) -> Int { Int((Double(i + offset) / 64 * 100).rounded()) }
        let (a, b) = (values[worstFrom], values[worstTo])
        return String(format: "its lightness %@ from L* %.0f at %d%% to %.0f at %d%%", rising ? "falls back" : "rises back",
                      a, percent(worstFrom), b, percent(worstTo))
    }
}
