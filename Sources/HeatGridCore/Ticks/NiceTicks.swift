import Foundation

/// Nice tick values (1, 2 or 5 times a power of ten), after d3-array's `ticks`.
public enum NiceTicks {
    /// About `count` nice values covering `lo...hi`, all inside it.
    public static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite, count > 0 else { return [] }
        if lo == hi { return [lo] }
        let (start, stop) = (min(lo, hi), max(lo, hi))
        let (power, factor) = increment(start, stop, count: count)
        // Integer multiples divided by an exact inverse keep 0.0005-style ticks free of
        // floating-point noise (0.0015 rather than 0.0015000000000000002).
        if power < 0 {
            let inverse = pow(10, Double(-power)) / factor
            let first = (start * inverse).rounded(.up), last = (stop * inverse).rounded(.down)
            guard first <= last else { return [] }
            return stride(from: first, through: last, by: 1).map { $0 / inverse }
        }
        let step = factor * pow(10, Double(power))
        let first = (start / step).rounded(.up), last = (stop / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The step between ticks for `count` ticks over `lo...hi`.
    public static func step(_ lo: Double, _ hi: Double, count: Int) -> Double {
        let (power, factor) = increment(min(lo, hi), max(lo, hi), count: count)
        return factor * pow(10, Double(power))
    }

    private static func increment(_ start: Double, _ stop: Double, count: Int) -> (power: Int, factor: Double) {
        let raw = (stop - start) / Double(max(count, 1))
        let power = Int(floor(log10(raw)))
        let error = raw / pow(10, Double(power))
        let factor: Double = error >= sqrt(50) ? 10 : error >= sqrt(10) ? 5 : error >= sqrt(2) ? 2 : 1
        return (power, factor)
    }

    /// A nice whole-number step for about `count` ticks over `0..<cells` cells.
    public static func cellStep(cells: Int, count: Int = 6) -> Int {
        guard cells > 1 else { return 1 }
        return max(1, Int(step(0, Double(cells - 1), count: count).rounded()))
    }
}
