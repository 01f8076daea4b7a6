/// Draws a colorbar from its `ColorMapping`: the gradient, extend triangles for ends drawn in
/// their own colour, ticks with their labels, and the title's lines. A vertical bar has its labels
/// on the right and the title rotated beside them; a horizontal one its labels below and the title
/// under them.
struct ColorbarDrawer {
    let mapping: ColorMapping
    let ticks: ColorbarTicks
    let theme: Theme
    /// The title's lines, already fitted to the bar's length.
    let title: [String]
    let text: TextPlacer

    private var tickFont: FontSpec { theme.font(size: theme.tickLabelSize) }
    private var titleFont: FontSpec { theme.font(size: theme.axisTitleSize) }

    /// Length of an extend triangle for a bar of `frame` (matplotlib's extendfrac, about 5%).
    static func triangleLength(for frame: Rect, vertical: Bool) -> Double {
        let (thickness, length) = vertical ? (frame.width, frame.height) : (frame.height, frame.width)
        return min(thickness * 1.2, length * 0.06)
    }

    /// The gradient's rectangle in a bar's `frame`: the frame less the extend triangles at its ends.
    static func gradientFrame(in frame: Rect, mapping: ColorMapping, vertical: Bool) -> Rect {
        let length = triangleLength(for: frame, vertical: vertical)
        let high = mapping.over == .clamp ? 0 : length, low = mapping.under == .clamp ? 0 : length
        return vertical ? Rect(x: frame.minX, y: frame.minY + high, width: frame.width, height: frame.height - high - low)
                        : Rect(x: frame.minX + low, y: frame.minY, width: frame.width - low - high, height: frame.height)
    }

    /// The bar in `frame`, vertical or horizontal as its placement says (never guessed from the
    /// frame: a bar beside a very flat body is still vertical).
    func draw(in frame: Rect, vertical: Bool) throws -> [SceneItem] {
        vertical ? try drawVertical(in: frame) : try drawHorizontal(in: frame)
    }

    /// The bar's colours, in equal bands from its start: the colormap's steps, or for a binned
    /// scale each bin's colour (the colour its cells get).
    private var colors: [RGBA] {
        if let edges = mapping.scale.boundaries, edges.count >= 2 {
            return zip(edges, edges.dropFirst()).map { mapping.color(for: ($0 + $1) / 2) }
        }
        let steps = max(mapping.colormap.resolution, 2)
        return mapping.colormap.bands(steps)
    }

    private func drawVertical(in frame: Rect) throws -> [SceneItem] {
        let bar = Self.gradientFrame(in: frame, mapping: mapping, vertical: true)
        var items: [SceneItem] = [.gradient(GradientItem(frame: bar, colors: colors, direction: .bottomToTop))]
        // The outline runs around gradient and triangles as one shape, counter-clockwise from bottom left.
        var outline = [Point(x: bar.minX, y: bar.maxY)]
        if case .extend(let color) = mapping.under {
            let tip = Point(x: bar.midX, y: frame.maxY)
            items.append(triangle([Point(x: bar.minX, y: bar.maxY), tip, Point(x: bar.maxX, y: bar.maxY)], color, "colorbar-under"))
            outline.append(tip)
        }
        outline += [Point(x: bar.maxX, y: bar.maxY), Point(x: bar.maxX, y: bar.minY)]
        if case .extend(let color) = mapping.over {
            let tip = Point(x: bar.midX, y: frame.minY)
            items.append(triangle([Point(x: bar.maxX, y: bar.minY), tip, Point(x: bar.minX, y: bar.minY)], color, "colorbar-over"))
            outline.append(tip)
        }
        outline.append(Point(x: bar.minX, y: bar.minY))
        items.append(frameItem(outline))

        var labelRight = frame.maxX
        let labelHeight = try text.measurer.measure("0", font: tickFont).height
        for (value, label) in try thinned(visibleTicks, length: bar.height, extent: { _ in labelHeight }) {
            let y = bar.maxY - position(value) * bar.height
            items.append(.line(LineItem(from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + theme.tickLength, y: y),
                                        color: theme.axisColor, width: theme.tickWidth)))
            let item = try text.horizontal(label, font: tickFont, x: bar.maxX + theme.tickLength + theme.tickPad,
                                           align: .start, centerY: y, role: "colorbar-tick")
            labelRight = max(labelRight, item.bounds.maxX)
            items.append(.text(item))
        }
        var left = labelRight + theme.axisTitlePad
        for line in title {
            let item = try text.vertical(line, font: titleFont, left: left, centerY: bar.midY, role: "colorbar-title")
            left = item.bounds.maxX
            items.append(.text(item))
        }
        return items
    }

    private func drawHorizontal(in frame: Rect) throws -> [SceneItem] {
        let bar = Self.gradientFrame(in: frame, mapping: mapping, vertical: false)
        var items: [SceneItem] = [.gradient(GradientItem(frame: bar, colors: colors, direction: .leftToRight))]
        var outline = [Point(x: bar.minX, y: bar.minY)]
        if case .extend(let color) = mapping.under {
            let tip = Point(x: frame.minX, y: bar.midY)
            items.append(triangle([Point(x: bar.minX, y: bar.minY), tip, Point(x: bar.minX, y: bar.maxY)], color, "colorbar-under"))
            outline.append(tip)
        }
        outline += [Point(x: bar.minX, y: bar.maxY), Point(x: bar.maxX, y: bar.maxY)]
        if case .extend(let color) = mapping.over {
            let tip = Point(x: frame.maxX, y: bar.midY)
            items.append(triangle([Point(x: bar.maxX, y: bar.maxY), tip, Point(x: bar.maxX, y: bar.minY)], color, "colorbar-over"))
            outline.append(tip)
        }
        outline.append(Point(x: bar.maxX, y: bar.minY))
        items.append(frameItem(outline))

        var labelBottom = frame.maxY
        let labelTop = bar.maxY + theme.tickLength + theme.tickPad
        let ticks = try thinned(visibleTicks, length: bar.width) { try text.measurer.measure($0, font: tickFont).width }
        for (value, label) in ticks {
            let x = bar.minX + position(value) * bar.width
            items.append(.line(LineItem(from: Point(x: x, y: bar.maxY), to: Point(x: x, y: bar.maxY + theme.tickLength),
                                        color: theme.axisColor, width: theme.tickWidth)))
            let item = try text.horizontal(label, font: tickFont, x: x, align: .center, top: labelTop, role: "colorbar-tick")
            labelBottom = max(labelBottom, item.bounds.maxY)
            items.append(.text(item))
        }
        var top = labelBottom + theme.axisTitlePad
        for line in title {
            let item = try text.horizontal(line, font: titleFont, x: bar.midX, align: .center, top: top, role: "colorbar-title")
            top = item.bounds.maxY
            items.append(.text(item))
        }
        return items
    }

    /// Ticks whose values the scale places on the bar (value, label, whether a clamped end's mark).
    private var visibleTicks: [(Double, String, Bool)] {
        ticks.values.indices.map { (ticks.values[$0], ticks.labels[$0], ticks.marked.contains($0)) }.filter { value, _, _ in
            guard let t = mapping.scale.barPosition(of: value) else { return false }
            return (-1e-9...(1 + 1e-9)).contains(t)
        }
    }

    /// `ticks` without those whose labels would touch a kept neighbour along a bar `length`
    /// points long (a pow or log scale crowds nice linear ticks at one end). Marked ends
    /// ("0.0030+", "≤0.0000") are kept first; the others are kept from the bottom up.
    private func thinned(_ ticks: [(Double, String, Bool)], length: Double,
                         extent: (String) throws -> Double) throws -> [(Double, String)] {
        let gap = theme.tickLabelSize * 0.3
        var kept: [(Double, String, Double, Double)] = []  // value, label, centre, half extent
        func fits(_ centre: Double, _ half: Double) -> Bool {
            kept.allSatisfy { abs($0.2 - centre) >= $0.3 + half + gap }
        }
        for tick in ticks.filter(\.2) + ticks.filter({ !$0.2 }) {
            let centre = position(tick.0) * length, half = try extent(tick.1) / 2
            if fits(centre, half) { kept.append((tick.0, tick.1, centre, half)) }
        }
        return kept.sorted { $0.2 < $1.2 }.map { ($0.0, $0.1) }
    }

    private func position(_ value: Double) -> Double { min(max(mapping.scale.barPosition(of: value) ?? 0, 0), 1) }

    private func triangle(_ points: [Point], _ color: RGBA, _ role: String) -> SceneItem {
        .polygon(PolygonItem(points: points, fill: color, stroke: nil, lineWidth: 0, role: role))
    }

    private func frameItem(_ outline: [Point]) -> SceneItem {
        .polygon(PolygonItem(points: outline, fill: nil, stroke: theme.axisColor, lineWidth: theme.frameWidth, role: "colorbar-frame"))
    }
}
