/// The one mapping from values to colours shared by every panel and the colorbar (Makie's
/// colorbar-from-plot: the colorbar reads this value, never a copy of its parts).
public struct ColorMapping: Sendable {
    /// How one end of the domain is drawn, once `auto` has been decided from the data.
    public enum End: Sendable, Equatable {
        /// Out-of-range values take the end colour of the colormap.
        case clamp
        /// Out-of-range values take a colour of their own, shown as a triangle on the colorbar.
        case extend(RGBA)
    }

    public let scale: any Scale
    public let colormap: any Colormap
    /// Colour of NaN / missing cells.
    public let bad: RGBA
    public let under: End
    public let over: End
    /// Whether some data lie below / above the domain (marks a clamped end tick `≤lo` / `hi+`).
    public let dataLeavesBottom: Bool
    public let dataLeavesTop: Bool

    public init(scale: any Scale, colormap: any Colormap, bad: RGBA, under: End = .clamp, over: End = .clamp,
                dataLeavesBottom: Bool = false, dataLeavesTop: Bool = false) {
        self.scale = scale
        self.colormap = colormap
        self.bad = bad
        self.under = under
        self.over = over
        self.dataLeavesBottom = dataLeavesBottom
        self.dataLeavesTop = dataLeavesTop
    }

    /// Resolves the spec's per-end policies against the data: `auto` extends only an end the data
    /// actually pass. Extended ends use the colormap's under/over colours.
    public init(scale: any Scale, colormap: any Colormap, bad: RGBA, underPolicy: OutOfRangePolicy,
                overPolicy: OutOfRangePolicy, data: DataSummary) {
        let below = data.extent.map { (scale.position(of: $0.lowerBound) ?? 0) < 0 } ?? false
        let above = data.extent.map { (scale.position(of: $0.upperBound) ?? 1) > 1 } ?? false
        func end(_ policy: OutOfRangePolicy, passed: Bool, color: RGBA) -> End {
            switch policy {
            case .clamp: return .clamp
            case .extend: return .extend(color)
            case .auto: return passed ? .extend(color) : .clamp
            }
        }
        self.init(scale: scale, colormap: colormap, bad: bad,
                  under: end(underPolicy, passed: below, color: colormap.under),
                  over: end(overPolicy, passed: above, color: colormap.over),
                  dataLeavesBottom: below, dataLeavesTop: above)
    }

    /// Where `value` lands.
    public func classify(_ value: Double) -> ScaledValue {
        guard !value.isNaN, let t = scale.position(of: value), !t.isNaN else { return .bad }
        if t < 0 {
            if case .extend = under { return .under }
            return .inRange(clampedEnds.low)
        }
        if t > 1 {
            if case .extend = over { return .over }
            return .inRange(clampedEnds.high)
        }
        return .inRange(t)
    }

    /// Where clamped values land: the positions of the domain's ends (0 and 1, except for a
    /// binned scale, whose ends are the middles of its first and last bins).
    private var clampedEnds: (low: Double, high: Double) {
        let domain = scale.domain
        return (min(max(scale.position(of: domain.lowerBound) ?? 0, 0), 1), min(max(scale.position(of: domain.upperBound) ?? 1, 0), 1))
    }

    /// The colour a cell with `value` is drawn in.
    public func color(for value: Double) -> RGBA {
        switch classify(value) {
        case .inRange(let t): return colormap.color(at: t)
        case .under: if case .extend(let c) = under { return c }; return colormap.color(at: 0)
        case .over: if case .extend(let c) = over { return c }; return colormap.color(at: 1)
        case .bad: return bad
        }
    }

    /// 8-bit RGBA for every value, as a cell grid stores them: the same colours as `color(for:)`,
    /// computed through a byte table of the colormap's entries so a million-cell matrix costs a
    /// few milliseconds rather than a colour lookup and four roundings per cell.
    public func rgbaBytes(for values: [Double]) -> [UInt8] {
        func bytes(_ c: RGBA) -> SIMD4<UInt8> {
            SIMD4(UInt8((c.red * 255).rounded()), UInt8((c.green * 255).rounded()),
                  UInt8((c.blue * 255).rounded()), UInt8((c.alpha * 255).rounded()))
        }
        let n = max(colormap.resolution, 1)
        guard n <= 65_536 else {
            return values.flatMap { v -> [UInt8] in let b = bytes(color(for: v)); return [b.x, b.y, b.z, b.w] }
        }
        // Entry i is what the colormap gives anywhere in [i/n, (i+1)/n): its middle.
        let table = colormap.bands(n).map(bytes)
        let ends = clampedEnds
        let low = bytes(colormap.color(at: ends.low)), high = bytes(colormap.color(at: ends.high))
        let underBytes = bytes(color(for: -.infinity)), overBytes = bytes(color(for: .infinity))
        let badBytes = bytes(bad)
        let extendsUnder = under != .clamp, extendsOver = over != .clamp
        // Positions a block at a time: a small buffer that stays in cache, not a second matrix.
        let block = 4096
        let positions = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
        defer { positions.deallocate() }
        let out = [UInt8](unsafeUninitializedCapacity: values.count * 4) { raw, initialized in
            let pixels = UnsafeMutableRawBufferPointer(raw).bindMemory(to: SIMD4<UInt8>.self)
            values.withUnsafeBufferPointer { values in
                var start = 0
                while start < values.count {
                    let count = min(block, values.count - start)
                    scale.positions(of: UnsafeBufferPointer(rebasing: values[start..<(start + count)]),
                                    into: UnsafeMutableBufferPointer(rebasing: positions[0..<count]))
                    // The same cases as `classify`.
                    for j in 0..<count {
                        let t = positions[j]
                        let pixel: SIMD4<UInt8>
                        if t > 0, t < 1 {
                            pixel = table[min(Int(t * Double(n)), n - 1)]
                        } else if t >= 1 {
                            pixel = t > 1 && extendsOver ? overBytes : high
                        } else if t <= 0 {
                            pixel = t < 0 && extendsUnder ? underBytes : low
                        } else {
                            pixel = badBytes
                        }
                        pixels[start + j] = pixel
                    }
                    start += count
                }
            }
            initialized = values.count * 4
        }
        return out
    }
}
