/// Draws an annotation track's strip beside a body: one rectangle per run of neighbouring cells of
/// one colour (so a strip of categories is a few shapes, crisp at any size), framed per block of a
/// split; or a bar per cell growing away from the body from the zero line.
struct TrackDrawer {
    let track: AnnotationTrack
    let theme: Theme

    /// The space between the body (or the component before it) and the strip.
    static func pad(_ theme: Theme) -> Double { theme.tickPad / 2 }

    /// Bars are drawn in this grey, readable on any background of the themes.
    static let barColor = RGBA(red: 0.45, green: 0.45, blue: 0.45)

    /// The strip's items beside `grid`, `offset` points from the body on the track's side, for a
    /// panel whose keys along the track's axis are `keys`.
    func items(grid: CellFrames, keys: [String], offset: Double) -> [SceneItem] {
        let near = offset + Self.pad(theme)
        let blocks = track.alongRows ? grid.rowBlocks.ranges : grid.columnBlocks.ranges
        let cellLength = track.alongRows ? grid.cellHeight : grid.cellWidth
        var items: [SceneItem] = []
        for block in blocks {
            let span = track.alongRows ? grid.rowSpan(block) : grid.columnSpan(block)
            // The start of cell k of this block along the axis.
            func start(_ k: Int) -> Double { span.start + Double(k - block.lowerBound) * cellLength }
            if case .bars(let values, let range) = track.content {
                let zero = (0 - range.lowerBound) / (range.upperBound - range.lowerBound)
                for k in block {
                    guard let value = values[keys[k]], value.isFinite, value != 0 else { continue }
                    let end = (value - range.lowerBound) / (range.upperBound - range.lowerBound)
                    let inset = cellLength * 0.1
                    items.append(.rect(RectItem(
                        rect: rect(along: start(k) + inset, start(k) + cellLength - inset, across: near + min(zero, end) * track.depth,
                                   near + max(zero, end) * track.depth, grid.body),
                        fill: Self.barColor, stroke: nil, lineWidth: 0)))
                }
                continue
            }
            var runStart = block.lowerBound
            for k in block {
                let color = track.color(for: keys[k])
                let next = k + 1 < block.upperBound ? track.color(for: keys[k + 1]) : nil
                guard k + 1 == block.upperBound || color != next else { continue }
                if let color {
                    let end = k + 1 == block.upperBound ? span.end : start(k + 1)
                    items.append(.rect(RectItem(rect: rect(along: start(runStart), end, across: near, near + track.depth, grid.body),
                                                fill: color, stroke: nil, lineWidth: 0)))
                }
                runStart = k + 1
            }
            items.append(.rect(RectItem(rect: rect(along: span.start, span.end, across: near, near + track.depth, grid.body),
                                        fill: nil, stroke: theme.axisColor, lineWidth: theme.frameWidth)))
        }
        return items
    }

    /// The rectangle from `a0` to `a1` along the axis and `c0` to `c1` points out from `body` on
    /// the track's side.
    private func rect(along a0: Double, _ a1: Double, across c0: Double, _ c1: Double, _ body: Rect) -> Rect {
        switch track.side {
        case .left: Rect(x: body.minX - c1, y: a0, width: c1 - c0, height: a1 - a0)
        case .right: Rect(x: body.maxX + c0, y: a0, width: c1 - c0, height: a1 - a0)
        case .top: Rect(x: a0, y: body.minY - c1, width: a1 - a0, height: c1 - c0)
        case .bottom: Rect(x: a0, y: body.maxY + c0, width: a1 - a0, height: c1 - c0)
        }
    }
}
