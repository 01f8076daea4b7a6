/// Draws the colorbar from the shared `ColorMapping`: the gradient, extend triangles for ends
/// drawn in their own colour, ticks with their labels, the rotated title, and optionally a swatch
/// of the bad colour under the bar.
struct ColorbarDrawer {
    let mapping: ColorMapping
    let ticks: ColorbarTicks
    let theme: Theme
    let title: String
    let badLabel: String?
    let text: TextPlacer

    private var tickFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.tickLabelSize) }
    private var titleFont: FontSpec { FontSpec(family: theme.fontFamily, size: theme.axisTitleSize) }

    /// Length of an extend triangle for a bar of `frame` (matplotlib's extendfrac, about 5%).
    static func triangleLength(for frame: Rect) -> Double {
        min(frame.width * 1.2, frame.height * 0.06)
    }

    /// The part of `frame` the gradient fills, once triangles have taken their ends.
    func gradientFrame(in frame: Rect) -> Rect {
        let length = Self.triangleLength(for: frame)
        let top = mapping.over == .clamp ? 0 : length, bottom = mapping.under == .clamp ? 0 : length
        return Rect(x: frame.minX, y: frame.minY + top, width: frame.width, height: frame.height - top - bottom)
    }

    func draw(in frame: Rect) throws -> [SceneItem] {
        let bar = gradientFrame(in: frame)
        let steps = max(mapping.colormap.resolution, 2)
        let colors = (0..<steps).map { mapping.colormap.color(at: (Double($0) + 0.5) / Double(steps)) }
        var items: [SceneItem] = [.gradient(GradientItem(frame: bar, colors: colors, direction: .bottomToTop))]

        // The outline runs around gradient and triangles as one shape.
        var outline = [Point(x: bar.minX, y: bar.maxY)]
        if case .extend(let color) = mapping.under {
            let tip = Point(x: bar.midX, y: frame.maxY)
            items.append(.polygon(PolygonItem(points: [Point(x: bar.minX, y: bar.maxY), tip, Point(x: bar.maxX, y: bar.maxY)],
                                              fill: color, stroke: nil, lineWidth: 0, role: "colorbar-under")))
            outline.append(tip)
        }
        outline.append(Point(x: bar.maxX, y: bar.maxY))
        outline.append(Point(x: bar.maxX, y: bar.minY))
        if case .extend(let color) = mapping.over {
            let tip = Point(x: bar.midX, y: frame.minY)
            items.append(.polygon(PolygonItem(points: [Point(x: bar.maxX, y: bar.minY), tip, Point(x: bar.minX, y: bar.minY)],
                                              fill: color, stroke: nil, lineWidth: 0, role: "colorbar-over")))
            outline.append(tip)
        }
        outline.append(Point(x: bar.minX, y: bar.minY))
        items.append(.polygon(PolygonItem(points: outline, fill: nil, stroke: theme.axisColor, lineWidth: theme.frameWidth,
                                          role: "colorbar-frame")))

        var labelRight = frame.maxX
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let t = mapping.scale.position(of: value), (-1e-9...(1 + 1e-9)).contains(t) else { continue }
            let y = bar.maxY - min(max(t, 0), 1) * bar.height
            items.append(.line(LineItem(from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + theme.tickLength, y: y),
                                        color: theme.axisColor, width: theme.tickWidth)))
            let item = try text.horizontal(label, font: tickFont, x: bar.maxX + theme.tickLength + theme.tickPad,
                                           align: .start, centerY: y, role: "colorbar-tick")
            labelRight = max(labelRight, item.bounds.maxX)
            items.append(.text(item))
        }
        if !title.isEmpty {
            items.append(.text(try text.vertical(title, font: titleFont, left: labelRight + theme.axisTitlePad,
                                                 centerY: bar.midY, role: "colorbar-title")))
        }
        if let badLabel {
            let side = frame.width
            let swatch = Rect(x: frame.minX, y: frame.maxY + theme.tickLength + theme.tickPad + 2, width: side, height: side)
            items.append(.rect(RectItem(rect: swatch, fill: mapping.bad, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
            items.append(.text(try text.horizontal(badLabel, font: tickFont, x: swatch.maxX + theme.tickPad + theme.tickLength,
                                                   align: .start, centerY: swatch.midY, role: "colorbar-bad")))
        }
        return items
    }
}
