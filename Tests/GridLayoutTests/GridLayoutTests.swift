import Testing
import HeatGridCore
@testable import GridLayout
import TestSupport

/// Deterministic metrics (DejaVu Sans-like proportions), so layout is tested without fonts.
struct FixedWidthMeasurer: TextMeasurer {
    func measure(_ text: String, font: FontSpec) throws -> TextMetrics {
        TextMetrics(width: 0.6 * font.size * Double(text.count), ascent: 0.93 * font.size, descent: 0.24 * font.size)
    }
}

struct ClampedScale: Scale {
    var domain: ClosedRange<Double> = 0...0.003
    func position(of value: Double) -> Double? {
        value.isNaN ? nil : (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    }
    func value(at t: Double) -> Double { t * domain.upperBound }
    func ticks(count: Int) -> [Double] { NiceTicks.ticks(domain.lowerBound, domain.upperBound, count: count) }
}

func flagshipDataset(titles: [String]? = nil, shapes: [(Int, Int)]? = nil) -> Dataset {
    let names = titles ?? ["Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making",
                           "Semantic Understanding", "Syntactic Understanding", "Inference", "Math Calculation"]
    return Dataset(panels: names.enumerated().map { i, name in
        let (rows, columns) = shapes?[i] ?? (32, 32)
        return Panel(title: name, matrix: Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { Double($0) * 4e-6 }))
    }, rowName: "layer", columnName: "head", valueName: "importance")
}

func compose(_ dataset: Dataset = flagshipDataset(), size: Size, layout: LayoutSpec = LayoutSpec(rows: 2, columns: 4),
             titles: AxesSpec.TitlePlacement = .all) throws -> (scene: Scene, layout: FigureLayout) {
    let colormap = LookupTableColormap(name: "grey", table: [.black, .white])
    let composer = FigureComposer(
        dataset: dataset, mapping: ColorMapping(scale: ClampedScale(), colormap: colormap, bad: .white, underPolicy: .clamp,
                                                overPolicy: .clamp, data: DataSummary(dataset)), theme: .paper,
        labels: .init(xTitle: "Head", yTitle: "Layer", colorbarTitle: "Heads Importance", xTickStep: 6, yTickStep: 6,
                      axisTitles: titles),
        layout: GridLayout(), layoutSpec: layout, measurer: FixedWidthMeasurer())
    return try composer.compose(size: size)
}

/// Collisions in a composed scene, found by a check written for these tests rather than by
/// `SceneCheck` (which `compose` has already run, so asserting it again could never fail): every
/// text's bounds against every other text, every body (cell grid) and every colorbar (gradient and
/// extend triangles); bodies and colorbars against each other; everything inside the canvas.
/// Boxes that only touch, or overlap by less than `tolerance` points, do not collide.
func collisions(in scene: Scene, tolerance: Double = 0.01) -> [String] {
    struct Box { var name: String; var x0, y0, x1, y1: Double }
    func box(_ name: String, _ r: Rect) -> Box { Box(name: name, x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height) }
    func collide(_ a: Box, _ b: Box) -> Bool {
        min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance && min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance
    }
    var texts: [Box] = [], drawn: [Box] = [], bodies = 0
    for item in scene.items {
        switch item {
        case .text(let t) where t.role != "cell-annotation": texts.append(box("\(t.role) '\(t.text)'", t.bounds))
        case .cells(let grid):
            drawn.append(box("body \(bodies)", grid.frame))
            bodies += 1
        case .gradient(let g): drawn.append(box("colorbar", g.frame))
        case .polygon(let p) where p.fill != nil && !p.points.isEmpty:
            let xs = p.points.map(\.x), ys = p.points.map(\.y)
            drawn.append(Box(name: p.role, x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!))
        default: break
        }
    }
    var found: [String] = []
    for b in texts + drawn where b.x0 < -tolerance || b.y0 < -tolerance
        || b.x1 > scene.size.width + tolerance || b.y1 > scene.size.height + tolerance {
        found.append("\(b.name) leaves the canvas")
    }
    for (i, a) in texts.enumerated() {
        for b in texts[(i + 1)...] + drawn where collide(a, b) { found.append("\(a.name) collides with \(b.name)") }
    }
    // (An extend triangle only touches its own gradient.)
    for (i, a) in drawn.enumerated() {
        for b in drawn[(i + 1)...] where collide(a, b) { found.append("\(a.name) collides with \(b.name)") }
    }
    return found
}

@Suite struct GridLayoutTests {
    let flagshipSize = Size(width: 180 / 25.4 * 72, height: 80 / 25.4 * 72)

    @Test func flagshipBoxesAlignAndCellsAreSquare() throws {
        let (_, layout) = try compose(size: flagshipSize)
        let boxes = layout.panels.map(\.body)
        #expect(boxes.count == 8)
        for box in boxes { #expect(abs(box.width - box.height) < 1e-9) }
        for column in 0..<4 { #expect(boxes[column].minX == boxes[column + 4].minX) }
        for row in 0..<2 { #expect(Set(boxes[(row * 4)..<(row * 4 + 4)].map(\.minY)).count == 1) }
        #expect(boxes[0].maxX < boxes[1].minX)
        #expect(boxes[0].maxY < boxes[4].minY)
    }

    @Test func colorbarSpansBothRowsExactly() throws {
        let (_, layout) = try compose(size: flagshipSize)
        let bar = try #require(layout.legendArea)
        #expect(abs(bar.minY - layout.panels[0].body.minY) < 1e-9)
        #expect(abs(bar.maxY - layout.panels[7].body.maxY) < 1e-9)
        #expect(bar.minX > layout.panels[3].body.maxX)
    }

    @Test func flagshipSceneHasEveryLabelAndNoCollision() throws {
        let (scene, _) = try compose(size: flagshipSize)
        #expect(collisions(in: scene).isEmpty, "\(collisions(in: scene))")
        let texts = scene.texts
        #expect(texts.filter { $0.role == "panel-title" }.count == 8)
        #expect(texts.filter { $0.role == "y-title" && $0.text == "Layer" }.count == 8)
        #expect(texts.filter { $0.role == "x-tick" }.map(\.text).prefix(6) == ["0", "6", "12", "18", "24", "30"])
        #expect(texts.filter { $0.role == "colorbar-tick" }.last?.text == "0.0030+")  // data above the clamp
        #expect(texts.first { $0.role == "colorbar-title" }?.angle == 90)
    }

    @Test func layerZeroIsAtTheTop() throws {
        let (scene, _) = try compose(size: flagshipSize)
        let yTicks = scene.texts.filter { $0.role == "y-tick" }.prefix(6)
        #expect(yTicks.map(\.text) == ["0", "6", "12", "18", "24", "30"])
        #expect(zip(yTicks, yTicks.dropFirst()).allSatisfy { $0.bounds.minY < $1.bounds.minY })
    }

    @Test(arguments: [(60.0, 40.0), (89.0, 45.0), (120.0, 60.0), (183.0, 80.0), (300.0, 130.0), (300.0, 60.0), (100.0, 200.0)])
    func manySizesFitWithoutCollisions(widthMM: Double, heightMM: Double) throws {
        let size = Size(width: widthMM / 25.4 * 72, height: heightMM / 25.4 * 72)
        for titles in AxesSpec.TitlePlacement.allCases {
            do {
                let (scene, _) = try compose(size: size, titles: titles)
                #expect(collisions(in: scene).isEmpty, "\(collisions(in: scene))")
                let canvas = Rect(x: 0, y: 0, width: size.width, height: size.height)
                for item in scene.cellGrids { #expect(canvas.contains(item.frame)) }
            } catch let error as HeatGridError {
                // Too small is allowed only as a clear layout error.
                guard "\(error)".hasPrefix("layout: ") else { Issue.record("unexpected \(error)"); continue }
                #expect(widthMM < 100)
            }
        }
    }

    @Test func tinyFigureFailsWithAClearMessage() throws {
        #expect {
            try compose(size: Size(width: 60, height: 40))
        } throws: { error in
            "\(error)".contains("cannot hold") && "\(error)".contains("make it at least")
        }
    }

    @Test func outerTitlesOnlyOnTheLeftColumnAndBottomRow() throws {
        let (scene, layout) = try compose(size: flagshipSize, titles: .outer)
        #expect(scene.texts.filter { $0.role == "y-title" }.count == 2)
        #expect(scene.texts.filter { $0.role == "x-title" }.count == 4)
        #expect(layout.panels[4].outer.contains(.left) && !layout.panels[5].outer.contains(.left))
    }

    @Test func shapesFromTheSpec() throws {
        #expect(try GridLayout.shape(for: 8, spec: LayoutSpec()) == (2, 4))
        #expect(try GridLayout.shape(for: 8, spec: LayoutSpec(rows: 1)) == (1, 8))
        #expect(try GridLayout.shape(for: 8, spec: LayoutSpec(columns: 3)) == (3, 3))
        #expect(try GridLayout.shape(for: 3, spec: LayoutSpec()) == (1, 3))
        #expect(throws: HeatGridError.self) { try GridLayout.shape(for: 8, spec: LayoutSpec(rows: 2, columns: 3)) }
        #expect(throws: HeatGridError.self) { try GridLayout.shape(for: 8, spec: LayoutSpec(rows: 0)) }
    }

    @Test func mixedMatrixSizesKeepSquareCellsOfOneSize() throws {
        let data = flagshipDataset(titles: ["A", "B"], shapes: [(32, 32), (40, 40)])
        let (scene, _) = try compose(data, size: flagshipSize, layout: LayoutSpec(rows: 1, columns: 2))
        let grids = scene.cellGrids
        let cellSizes = grids.map { $0.frame.width / Double($0.columns) }
        #expect(abs(cellSizes[0] - cellSizes[1]) < 1e-9)
    }
}

@Suite struct LayoutVariantTests {
    let size = Size(width: 220 / 25.4 * 72, height: 120 / 25.4 * 72)

    func composed(_ spec: LayoutSpec, size: Size? = nil, placement: ColorbarPlacement = .right) throws -> (Scene, FigureLayout) {
        let dataset = flagshipDataset()
        var labels = FigureComposer.Labels(xTitle: "Head", yTitle: "Layer", colorbarTitle: "Heads Importance",
                                           xTickStep: 6, yTickStep: 6, axisTitles: .outer)
        labels.colorbarPlacement = placement
        let mapping = ColorMapping(scale: ClampedScale(), colormap: LookupTableColormap(name: "g", table: [.black, .white]),
                                   bad: .white, underPolicy: .clamp, overPolicy: .clamp, data: DataSummary(dataset))
        let composer = FigureComposer(dataset: dataset, mapping: mapping, theme: .paper, labels: labels,
                                      layout: GridLayout(type: spec.type), layoutSpec: spec, measurer: FixedWidthMeasurer())
        let result = try composer.compose(size: size ?? self.size)
        #expect(collisions(in: result.scene).isEmpty, "\(collisions(in: result.scene))")
        return result
    }

    @Test(arguments: [(4, 2), (1, 8), (8, 1), (2, 4)])
    func gridShapesAlignTheirBoxes(rows: Int, columns: Int) throws {
        let size = Size(width: Double(columns) * 110 + 80, height: Double(rows) * 100 + 40)
        let (_, layout) = try composed(LayoutSpec(rows: rows, columns: columns), size: size)
        let boxes = layout.panels.map(\.body)
        for i in boxes.indices {
            let (r, c) = (i / columns, i % columns)
            if c > 0 { #expect(abs(boxes[i].minY - boxes[i - 1].minY) < 1e-9 && boxes[i].minX > boxes[i - 1].maxX) }
            if r > 0 { #expect(abs(boxes[i].minX - boxes[i - columns].minX) < 1e-9 && boxes[i].minY > boxes[i - columns].maxY) }
        }
    }

    @Test func columnMajorOrderFillsColumnsFirst() throws {
        let (_, layout) = try composed(LayoutSpec(rows: 2, columns: 4, order: .column))
        let boxes = layout.panels.map(\.body)
        #expect(abs(boxes[0].minX - boxes[1].minX) < 1e-9 && boxes[1].minY > boxes[0].maxY)
        #expect(boxes[2].minX > boxes[0].maxX)
    }

    @Test func autoPicksTheShapeWithTheBiggestCells() throws {
        let wide = try composed(LayoutSpec(type: "auto"), size: Size(width: 900, height: 140)).1
        #expect(Set(wide.panels.map { $0.body.minY.rounded() }).count == 1)  // one row
        let tall = try composed(LayoutSpec(type: "auto"), size: Size(width: 160, height: 900)).1
        #expect(Set(tall.panels.map { $0.body.minX.rounded() }).count <= 2)
    }

    @Test func templateAreasSpanSlots() throws {
        let (_, layout) = try composed(LayoutSpec(type: "template", areas: ["A A B C D", "A A E F G", ". H . . ."]),
                                       size: Size(width: 620, height: 400))
        let boxes = layout.panels.map(\.body)
        #expect(boxes[0].width > 1.8 * boxes[1].width)  // A spans two columns and two rows
        #expect(abs(boxes[0].width - boxes[0].height) < 1e-9)  // still square cells
        #expect(boxes[7].minY > boxes[4].maxY)
        #expect(throws: HeatGridError.self) {
            try composed(LayoutSpec(type: "template", areas: ["A B A"]))  // not a rectangle
        }
        #expect(throws: HeatGridError.self) { try composed(LayoutSpec(type: "template", areas: ["A B", "C D"])) }  // 4 < 8
    }

    @Test func bottomColorbarSpansThePlotBoxes() throws {
        let (scene, layout) = try composed(LayoutSpec(rows: 2, columns: 4), placement: .bottom)
        let bar = try #require(layout.legendArea)
        let boxes = layout.panels.map(\.body)
        #expect(abs(bar.minX - boxes.map(\.minX).min()!) < 1e-9 && abs(bar.maxX - boxes.map(\.maxX).max()!) < 1e-9)
        #expect(bar.minY > boxes.map(\.maxY).max()!)
        #expect(scene.texts.first { $0.role == "colorbar-title" }?.angle == 0)
    }

    @Test func eachPanelGetsItsOwnColorbar() throws {
        let (scene, layout) = try composed(LayoutSpec(rows: 2, columns: 4), size: Size(width: 700, height: 300), placement: .eachPanel)
        let bars = scene.items.compactMap { if case .gradient(let g) = $0 { g.frame } else { nil } }
        #expect(layout.legendArea == nil && bars.count == 8)
        for (bar, panel) in zip(bars, layout.panels) {
            #expect(bar.minX > panel.body.maxX && bar.height == panel.body.height)
            // Its labels end before the next panel's tick labels begin.
            let labels = scene.texts.filter { $0.role == "colorbar-tick" && $0.bounds.minX > bar.maxX && $0.bounds.minX < bar.maxX + 5 }
            #expect(!labels.isEmpty)
        }
    }
}

@Suite struct NoOverlapPropertyTests {
    /// Hundreds of generated figures: sizes from a narrow column to a poster, titles from empty to
    /// very long, grids of several shapes. Each either composes with no text overlapping text or
    /// cells and nothing off the canvas, or fails with a layout error — never a broken figure.
    @Test func generatedFiguresNeverOverlap() throws {
        var random = SplitMix64(state: 42)
        let words = ["Knowledge", "Recall", "Retrieval", "of", "Long", "Context", "Semantic", "Understanding", "α", "≥", "β"]
        var composed = 0
        for _ in 0..<250 {
            let count = Int.random(in: 1...9, using: &random)
            let titles = (0..<count).map { _ in
                (0..<Int.random(in: 0...9, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            }
            let size = Size(width: Double.random(in: 120...900, using: &random), height: Double.random(in: 80...600, using: &random))
            let columns = Int.random(in: 1...count, using: &random)
            do {
                let (scene, layout) = try compose(flagshipDataset(titles: titles), size: size,
                                                  layout: LayoutSpec(columns: columns),
                                                  titles: Bool.random(using: &random) ? .all : .outer)
                let found = collisions(in: scene)
                #expect(found.isEmpty, "\(size), \(count) panels in \(columns) columns: \(found)")
                #expect(scene.size == size)
                #expect(layout.panels.map(\.body) == scene.cellGrids.map(\.frame))
                composed += 1
            } catch let error as HeatGridError {
                guard "\(error)".hasPrefix("layout: ") else { Issue.record("unexpected \(error)"); continue }
            }
        }
        #expect(composed > 150, "most generated figures should fit")
    }

    /// The collision check fails when it should: a title moved onto a body, onto the colorbar and
    /// onto another title, a body moved onto its neighbour, a label pushed off the canvas.
    @Test func collisionCheckReportsBrokenScenes() throws {
        let (scene, _) = try compose(size: Size(width: 180 / 25.4 * 72, height: 80 / 25.4 * 72))
        #expect(collisions(in: scene).isEmpty)
        let titles = scene.texts.filter { $0.role == "panel-title" }
        let bar = try #require(scene.items.compactMap { if case .gradient(let g) = $0 { g.frame } else { nil } }.first)
        func moved(_ text: TextItem, to point: Point) -> Scene {
            var copy = scene
            copy.items = scene.items.map { item in
                guard case .text(var t) = item, t == text else { return item }
                t.origin.x += point.x - t.bounds.x; t.origin.y += point.y - t.bounds.y
                t.bounds.x = point.x; t.bounds.y = point.y
                return .text(t)
            }
            return copy
        }
        let body = scene.cellGrids[2].frame
        #expect(collisions(in: moved(titles[0], to: Point(x: body.midX, y: body.midY))).contains { $0.contains("collides with body 2") })
        #expect(collisions(in: moved(titles[0], to: Point(x: bar.minX, y: bar.midY))).contains { $0.contains("collides with colorbar") })
        #expect(collisions(in: moved(titles[0], to: Point(x: titles[1].bounds.x + 2, y: titles[1].bounds.y + 1)))
            .contains { $0.contains("collides with panel-title '\(titles[1].text)'") })
        #expect(collisions(in: moved(titles[0], to: Point(x: -5, y: 2))).contains { $0.contains("leaves the canvas") })
        var overlapping = scene
        var first = true
        overlapping.items = scene.items.map { item in
            guard case .cells(var grid) = item, first else { return item }
            first = false
            grid.frame.x = scene.cellGrids[1].frame.minX - 1
            return .cells(grid)
        }
        #expect(collisions(in: overlapping).contains { $0.contains("body 0 collides with body 1") })
    }

    @Test func longTitlesWrapThenEllipsise() throws {
        let long = ["Knowledge Recall of Factual Associations in Pretrained Models"] + Array(repeating: "Short", count: 7)
        let (scene, _) = try compose(flagshipDataset(titles: long), size: Size(width: 183 / 25.4 * 72, height: 80 / 25.4 * 72))
        let titleLines = scene.texts.filter { $0.role == "panel-title" }
        #expect(titleLines.count == 9)  // the long one on two lines
        #expect(titleLines.contains { $0.text.hasSuffix("\u{2026}") })
    }
}
