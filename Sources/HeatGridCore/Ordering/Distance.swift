// Pairwise distances between the rows of a matrix, for clustering (`Clustering.distances`).
//
// The result is scipy's condensed form: the upper triangle of the n x n distance matrix, row after
// row, as `scipy.spatial.distance.pdist` returns it: d(0,1), d(0,2), ..., d(0,n-1), d(1,2), ...
// (`condensedIndex(i, j, n)`). It holds n(n-1)/2 Float64 values: 16 MB for 2,000 rows, 1.6 GB
// for the 20,000 that `Clustering.maximumObservationCount` allows.
//
// Metrics, for rows x and y of m values (as scipy's pdist):
// - euclidean: sqrt(Σ (x_k - y_k)²).
// - correlation: 1 - r, with r the Pearson correlation of x and y: 0 for rows that rise and fall
//   together whatever their offset and scale, 1 for uncorrelated rows, 2 for opposite ones.
// - cosine: 1 - x·y / (|x| |y|): like correlation, without removing each row's mean.
//
// Missing values. Any non-finite value (NaN, and ±infinity too) is missing. A pair of rows is
// compared over the coordinates present in both ("pairwise complete", like R's dist() and
// cor(use = "pairwise.complete.obs")):
// - euclidean: the sum of squares over the u common coordinates is scaled up to all m columns,
//   sqrt(m / u · Σ (x_k - y_k)²), as R's dist() does;
// - correlation and cosine: computed on the common coordinates alone (means, norms and products).
//
// Undefined distances get a fixed value, so the result is never NaN:
// - correlation, when either row is constant on the common coordinates (its variance is zero),
//   and cosine, when either row is all zeros there: 1, the distance of uncorrelated rows ("no
//   evidence either way"); scipy returns NaN here, and its linkage refuses NaN.
// - a pair with no common coordinate: under correlation and cosine 1, as above; under euclidean,
//   the largest distance of any pair that has common coordinates (0 when no pair has one), so
//   such rows join the others last.
// Magnitudes beyond 2^±250 (about 1e±75), whose squares would overflow or vanish, are rescaled by
// a power of two first (each row for correlation and cosine, the whole matrix for euclidean).
//
// Speed. Rows without missing values go through one tight kernel: their dot products, four rows
// against two at a time (eight sums per pass over the columns, in SIMD registers), in blocks of
// 64 rows that stay in the processor's cache while every later row streams past them. The metric
// comes from the dot products: correlation and cosine normalise the rows first (correlation
// centres them too) and give 1 - u·v; euclidean centres the columns (distances do not change) and
// gives |u|² + |v|² - 2 u·v, recomputed directly as Σ (u_k - v_k)² when that difference is below
// 1e-4 (|u|² + |v|²), where cancellation would cost digits (near-duplicate rows, distance 0 for
// equal rows). Rows with missing values are compared one pair at a time, with the rules above.
// 2,000 rows of 2,000 values take about 0.4 s on one core.

/// How far apart two rows are; see the top of `Distance.swift` for the formulas and the rules for
/// missing values.
public enum DistanceMetric: String, Sendable, CaseIterable, Codable {
    /// The straight-line distance, sqrt(Σ (x - y)²).
    case euclidean
    /// 1 - Pearson correlation: 0 for rows that rise and fall together, 1 for uncorrelated rows,
    /// 2 for opposite ones.
    case correlation
    /// 1 - the cosine of the angle between the rows as vectors.
    case cosine
}

extension Clustering {
    /// The pairwise distances between the rows of `values` (`rows` x `columns`, row-major; any
    /// non-finite value is missing), condensed as scipy's `pdist` returns them: d(0,1), d(0,2),
    /// ..., d(0,n-1), d(1,2), ..., n(n-1)/2 values (index of d(i,j), i < j:
    /// `Clustering.condensedIndex(i, j, count: rows)`). Never NaN; see the top of `Distance.swift`
    /// for missing values. Fewer than two rows give no distances.
    ///
    /// - Throws: `HeatGridError.tooLarge` for more than `maximumObservationCount` rows.
    public static func distances(_ values: [Double], rows: Int, columns: Int,
                                 metric: DistanceMetric) throws -> [Double] {
        try checkCount(rows, limit: maximumObservationCount, what: "rows to cluster",
                       reason: "their pairwise distances take rows² / 2 doubles")
        precondition(columns >= 0 && values.count == max(rows, 0) * columns,
                     "values must hold rows * columns entries")
        guard rows >= 2 else { return [] }
        let (distances, scale) = PairwiseDistances(values: values, rows: rows, columns: columns, metric: metric).compute()
        return scale == 1 ? distances : distances.map { Swift.min($0 * scale, .greatestFiniteMagnitude) }
    }

    /// The position of d(i, j) in a condensed distance array of `count` observations (i ≠ j; the
    /// order of i and j does not matter).
    @inlinable
    public static func condensedIndex(_ i: Int, _ j: Int, count: Int) -> Int {
        let (a, b) = i < j ? (i, j) : (j, i)
        return count * a - a * (a + 1) / 2 + b - a - 1
    }
}

/// The distance computation of `Clustering.distances`: preparation of the complete rows, the
/// blocked dot-product kernel for pairs of them, and the pairwise-complete path for the rest.
struct PairwiseDistances {
    /// The values, rescaled by powers of two where their magnitudes would overflow or underflow.
    let values: [Double]
    let rows: Int
    let columns: Int
    let metric: DistanceMetric
    /// A power of two: the true distances are the computed ones times this. It is 1 unless, under
    /// euclidean, the largest magnitude is beyond 2^±250, where squares and their products would
    /// overflow or vanish (correlation and cosine rescale such rows each by its own power of two
    /// instead, which changes nothing in their distances).
    let scale: Double

    init(values: [Double], rows: Int, columns: Int, metric: DistanceMetric) {
        self.rows = rows; self.columns = columns; self.metric = metric
        /// The power of two that brings `largest` to 1...2 when it is beyond 2^±250, else 0.
        func exponent(_ largest: Double) -> Int {
            largest > 0x1p250 || (largest > 0 && largest < 0x1p-250) ? Int(largest.exponent) : 0
        }
        func scaled(_ v: Double, _ e: Int) -> Double { v.isFinite ? Double(sign: .plus, exponent: -e, significand: v) : v }
        var scaledValues = values
        var scale = 1.0
        if metric == .euclidean {
            // One factor for all: distances scale with it.
            var largest = 0.0
            for v in values where v.isFinite { largest = Swift.max(largest, v.magnitude) }
            let e = exponent(largest)
            if e != 0 {
                for p in scaledValues.indices { scaledValues[p] = scaled(values[p], e) }
                scale = Double(sign: .plus, exponent: e, significand: 1)
            }
        } else if columns > 0 {
            // Correlation and cosine do not depend on a row's scale: each row its own factor.
            for i in 0..<rows {
                var largest = 0.0
                for k in 0..<columns where values[i * columns + k].isFinite {
                    largest = Swift.max(largest, values[i * columns + k].magnitude)
                }
                let e = exponent(largest)
                if e != 0 { for k in 0..<columns { scaledValues[i * columns + k] = scaled(values[i * columns + k], e) } }
            }
        }
        self.values = scaledValues
        self.scale = scale
    }

    /// Below this fraction of |u|² + |v|², a euclidean |u|² + |v|² - 2 u·v is recomputed directly.
    static let cancellationGuard = 1e-4

    /// The condensed distances in units of `scale`, and `scale`.
    func compute() -> (distances: [Double], scale: Double) {
        let n = rows, m = columns
        var result = [Double](repeating: 0, count: n * (n - 1) / 2)
        var complete = [Int]()
        var incomplete = [Int]()
        for i in 0..<n {
            var ok = true
            for k in 0..<m where !values[i * m + k].isFinite { ok = false; break }
            if ok { complete.append(i) } else { incomplete.append(i) }
        }
        if complete.count >= 2 { computeComplete(complete, into: &result) }
        if incomplete.isEmpty { return (result, scale) }

        // Pairs with a row that has missing values: one at a time, over their common coordinates.
        var isIncomplete = [Bool](repeating: false, count: n)
        for i in incomplete { isIncomplete[i] = true }
        var undefined = false
        values.withUnsafeBufferPointer { v in
            for i in incomplete {
                for j in 0..<n where j != i && (!isIncomplete[j] || j > i) {
                    let d = Self.pairwiseComplete(v.baseAddress! + i * m, v.baseAddress! + j * m, m, metric)
                    if d.isNaN { undefined = true }
                    result[Clustering.condensedIndex(i, j, count: n)] = d
                }
            }
        }
        if undefined {
            // Euclidean pairs without a common coordinate: the largest defined distance.
            var largest = 0.0
            for d in result where d > largest { largest = d }
            for p in result.indices where result[p].isNaN { result[p] = largest }
        }
        return (result, scale)
    }

    // MARK: Rows without missing values

    /// Distances between every pair of `complete` rows, through their dot products.
    private func computeComplete(_ complete: [Int], into result: inout [Double]) {
        let n = rows, m = columns, count = complete.count
        // The prepared rows, packed: columns centred (euclidean), or rows normalised (cosine),
        // centred and normalised (correlation; constant rows become zeros: distance 1 to all).
        var packed = [Double](repeating: 0, count: count * m)
        var squares = [Double](repeating: 0, count: count)
        switch metric {
        case .euclidean:
            var means = [Double](repeating: 0, count: m)
            for i in complete { for k in 0..<m { means[k] += values[i * m + k] } }
            for k in 0..<m { means[k] /= Double(count) }
            for (p, i) in complete.enumerated() {
                var s = 0.0
                for k in 0..<m {
                    let x = values[i * m + k] - means[k]
                    packed[p * m + k] = x
                    s += x * x
                }
                squares[p] = s
            }
        case .correlation, .cosine:
            for (p, i) in complete.enumerated() {
                var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
                for k in 0..<m {
                    let x = values[i * m + k]
                    lo = Swift.min(lo, x); hi = Swift.max(hi, x); sum += x
                }
                let mean = metric == .correlation ? sum / Double(m) : 0
                // Correlation of a constant row, cosine of a zero row: undefined, left at zeros.
                if metric == .correlation ? !(lo < hi) : (lo == 0 && hi == 0) || m == 0 { continue }
                var s = 0.0
                for k in 0..<m {
                    let x = values[i * m + k] - mean
                    packed[p * m + k] = x
                    s += x * x
                }
                guard s > 0 else { continue }
                let scale = 1 / s.squareRoot()
                for k in 0..<m { packed[p * m + k] *= scale }
            }
        }

        let metric = self.metric
        let guardFraction = Self.cancellationGuard
        packed.withUnsafeBufferPointer { pb in
            result.withUnsafeMutableBufferPointer { out in
                guard let base = pb.baseAddress else {
                    // No columns: every distance is 0 (euclidean) or undefined, 1.
                    let d = metric == .euclidean ? 0.0 : 1.0
                    for a in 0..<count { for b in (a + 1)..<count {
                        out[Clustering.condensedIndex(complete[a], complete[b], count: n)] = d
                    } }
                    return
                }
                /// Stores the distance of packed rows a < b from their dot product.
                @inline(__always) func store(_ a: Int, _ b: Int, _ dot: Double) {
                    let d: Double
                    switch metric {
                    case .euclidean:
                        let norms = squares[a] + squares[b]
                        var d2 = norms - 2 * dot
                        if d2 < guardFraction * norms {
                            d2 = Self.squaredDifference(base + a * m, base + b * m, m)
                        }
                        d = Swift.max(d2, 0).squareRoot()
                    case .correlation, .cosine:
                        d = Swift.min(Swift.max(1 - dot, 0), 2)
                    }
                    out[Clustering.condensedIndex(complete[a], complete[b], count: n)] = d
                }
                func row(_ p: Int) -> UnsafePointer<Double> { base + p * m }

                let block = 64
                var start = 0
                while start < count {
                    let end = Swift.min(start + block, count)
                    // Pairs inside the block: each group of four rows against the block's later rows.
                    var a = start
                    while a < end {
                        if a + 4 <= end {
                            for r in 0..<3 { for s in (r + 1)..<4 {
                                store(a + r, a + s, Self.dot(row(a + r), row(a + s), m))
                            } }
                            Self.fourRows(a, against: (a + 4)..<end, row: row, m: m, store: store)
                            a += 4
                        } else {
                            for b in (a + 1)..<count { store(a, b, Self.dot(row(a), row(b), m)) }
                            a += 1
                        }
                    }
                    // Every later row against the block, four block rows at a time.
                    let fours = start + (end - start) / 4 * 4
                    var b = end
                    while b + 2 <= count {
                        var q = start
                        while q < fours {
                            let (c0, c1) = Self.dots4x2(row(q), row(q + 1), row(q + 2), row(q + 3), row(b), row(b + 1), m)
                            for r in 0..<4 { store(q + r, b, c0[r]); store(q + r, b + 1, c1[r]) }
                            q += 4
                        }
                        b += 2
                    }
                    if b < count {
                        var q = start
                        while q < fours {
                            for r in 0..<4 { store(q + r, b, Self.dot(row(q + r), row(b), m)) }
                            q += 4
                        }
                    }
                    start = end
                }
            }
        }
    }

    /// Rows a..<a+4 against the rows of `others`, two at a time.
    @inline(__always)
    private static func fourRows(_ a: Int, against others: Range<Int>, row: (Int) -> UnsafePointer<Double>, m: Int,
                                 store: (Int, Int, Double) -> Void) {
        var b = others.lowerBound
        while b + 2 <= others.upperBound {
            let (c0, c1) = dots4x2(row(a), row(a + 1), row(a + 2), row(a + 3), row(b), row(b + 1), m)
            for r in 0..<4 { store(a + r, b, c0[r]); store(a + r, b + 1, c1[r]) }
            b += 2
        }
        if b < others.upperBound {
            for r in 0..<4 { store(a + r, b, dot(row(a + r), row(b), m)) }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>, _ k: Int) -> SIMD2<Double> {
        UnsafeRawPointer(p + k).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// The eight dot products of rows a0...a3 with rows b0 and b1 (`m` values each), in one pass.
    @inline(__always)
    static func dots4x2(_ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>,
                        _ a2: UnsafePointer<Double>, _ a3: UnsafePointer<Double>,
                        _ b0: UnsafePointer<Double>, _ b1: UnsafePointer<Double>,
                        _ m: Int) -> (SIMD4<Double>, SIMD4<Double>) {
        var s00 = SIMD2<Double>(), s10 = SIMD2<Double>(), s20 = SIMD2<Double>(), s30 = SIMD2<Double>()
        var s01 = SIMD2<Double>(), s11 = SIMD2<Double>(), s21 = SIMD2<Double>(), s31 = SIMD2<Double>()
        var k = 0
        while k + 2 <= m {
            let y0 = load(b0, k), y1 = load(b1, k)
            let x0 = load(a0, k); s00 += x0 * y0; s01 += x0 * y1
            let x1 = load(a1, k); s10 += x1 * y0; s11 += x1 * y1
            let x2 = load(a2, k); s20 += x2 * y0; s21 += x2 * y1
            let x3 = load(a3, k); s30 += x3 * y0; s31 += x3 * y1
            k += 2
        }
        var c0 = SIMD4(s00.sum(), s10.sum(), s20.sum(), s30.sum())
        var c1 = SIMD4(s01.sum(), s11.sum(), s21.sum(), s31.sum())
        if k < m {
            let x = SIMD4(a0[k], a1[k], a2[k], a3[k])
            c0 += x * b0[k]
            c1 += x * b1[k]
        }
        return (c0, c1)
    }

    /// The dot product of two rows of `m` values.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ m: Int) -> Double {
        var s0 = SIMD2<Double>(), s1 = SIMD2<Double>()
        var k = 0
        while k + 4 <= m {
            s0 += load(a, k) * load(b, k)
            s1 += load(a, k + 2) * load(b, k + 2)
            k += 4
        }
        var s = (s0 + s1).sum()
        while k < m { s += a[k] * b[k]; k += 1 }
        return s
    }

    /// Σ (a_k - b_k)² over `m` values.
    static func squaredDifference(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ m: Int) -> Double {
        var s = 0.0
        for k in 0..<m { let d = a[k] - b[k]; s += d * d }
        return s
    }

    // MARK: Rows with missing values

    /// The distance of two rows over the coordinates present in both; NaN for a euclidean pair
    /// without any (the caller fills those in), 1 for undefined correlations and cosines.
    static func pairwiseComplete(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ m: Int,
                                 _ metric: DistanceMetric) -> Double {
        switch metric {
        case .euclidean:
            var s = 0.0, used = 0
            for k in 0..<m where x[k].isFinite && y[k].isFinite {
                let d = x[k] - y[k]
                s += d * d
                used += 1
            }
            return used == 0 ? .nan : (s * Double(m) / Double(used)).squareRoot()
        case .correlation:
            var sx = 0.0, sy = 0.0, used = 0
            var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
            for k in 0..<m where x[k].isFinite && y[k].isFinite {
                sx += x[k]; sy += y[k]; used += 1
                xlo = Swift.min(xlo, x[k]); xhi = Swift.max(xhi, x[k])
                ylo = Swift.min(ylo, y[k]); yhi = Swift.max(yhi, y[k])
            }
            guard used > 0, xlo < xhi, ylo < yhi else { return 1 }
            let mx = sx / Double(used), my = sy / Double(used)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for k in 0..<m where x[k].isFinite && y[k].isFinite {
                let a = x[k] - mx, b = y[k] - my
                sxy += a * b; sxx += a * a; syy += b * b
            }
            return Swift.min(Swift.max(1 - sxy / (sxx * syy).squareRoot(), 0), 2)
        case .cosine:
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for k in 0..<m where x[k].isFinite && y[k].isFinite {
                sxy += x[k] * y[k]; sxx += x[k] * x[k]; syy += y[k] * y[k]
            }
            guard sxx > 0, syy > 0 else { return 1 }
            return Swift.min(Swift.max(1 - sxy / (sxx * syy).squareRoot(), 0), 2)
        }
    }
}
