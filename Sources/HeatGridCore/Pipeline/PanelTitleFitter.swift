/// Fits panel titles between their neighbours, in this order:
/// 1. all titles shrink together (one size for every title, never below `minimumScale` of the
///    theme's size) until each pair of neighbours in a row keeps `gap` between them and no title
///    leaves the canvas;
/// 2. a title still too wide at that size wraps onto two lines at the space that balances them;
/// 3. a line still too wide is cut with an ellipsis ("Syntactic Underst…").
struct PanelTitleFitter {
    let measurer: any TextMeasurer
    /// Smallest allowed fraction of the theme's title size.
    var minimumScale = 0.75

    struct Result {
        var font: FontSpec
        /// Each title's lines (one or two).
        var lines: [[String]]
        /// Whether some title needed a second line.
        var wraps: Bool { lines.contains { $0.count > 1 } }
    }

    func fit(titles: [String], boxes: [Rect], canvasWidth: Double, margin: Double, gap: Double,
             font: FontSpec) throws -> Result {
        let widths = try titles.map { try measurer.measure($0, font: font).width }
        // Room for each title: half the distance to each neighbour's centre in its row, and the canvas edge.
        var scale = 1.0
        var room = boxes.map { 2 * (min($0.midX, canvasWidth - $0.midX) - margin) }
        for i in boxes.indices {
            for j in boxes.indices where j != i && sameRow(boxes[i], boxes[j]) {
                let distance = abs(boxes[i].midX - boxes[j].midX)
                room[i] = min(room[i], distance - gap)
                if widths[i] + widths[j] > 0 {
                    scale = min(scale, 2 * (distance - gap) / (widths[i] + widths[j]))
                }
            }
            if widths[i] > 0 { scale = min(scale, room[i] / widths[i]) }
        }
        scale = max(min(scale, 1), minimumScale)
        var fitted = font
        fitted.size = font.size * scale
        let lines = try titles.enumerated().map { i, title in try self.lines(title, width: room[i], font: fitted) }
        return Result(font: fitted, lines: lines)
    }

    /// `title` as one line, two balanced lines, or with its (last) line ellipsised, to fit `width`.
    private func lines(_ title: String, width: Double, font: FontSpec) throws -> [String] {
        if try measure(title, font) <= width + 1e-9 { return [title] }
        let words = title.split(separator: " ").map(String.init)
        if words.count > 1 {
            var best: (first: String, second: String, widest: Double)?
            for cut in 1..<words.count {
                let first = words[..<cut].joined(separator: " "), second = words[cut...].joined(separator: " ")
                let widest = max(try measure(first, font), try measure(second, font))
                if best == nil || widest < best!.widest { best = (first, second, widest) }
            }
            if let best, try measure(best.first, font) <= width + 1e-9 {
                let second = try measure(best.second, font) <= width + 1e-9 ? best.second
                    : try ellipsised(best.second, width: width, font: font)
                return [best.first, second]
            }
        }
        return [try ellipsised(title, width: width, font: font)]
    }

    private func measure(_ text: String, _ font: FontSpec) throws -> Double { try measurer.measure(text, font: font).width }

    private func sameRow(_ a: Rect, _ b: Rect) -> Bool { abs(a.minY - b.minY) < 1e-6 }

    /// The longest prefix of `title` that, with "…", fits in `width`.
    private func ellipsised(_ title: String, width: Double, font: FontSpec) throws -> String {
        var characters = Array(title)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "\u{2026}"
            if try measurer.measure(candidate, font: font).width <= width { return candidate }
        }
        return "\u{2026}"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
