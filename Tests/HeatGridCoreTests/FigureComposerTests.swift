import Testing
import HeatGridCore
import TestSupport

/// `composeFigure` with the core tests' own layout (`UniformGridLayout`): 2 x 4 for the flagship's 8 panels.
func compose(_ dataset: Dataset = flagshipDataset(), size: Size, columns: Int = 4,
             titles: AxesSpec.TitlePlacement = .all) throws -> (scene: Scene, layout: FigureLayout) {
    try composeFigure(dataset, size: size, layout: UniformGridLayout(), layoutSpec: LayoutSpec(columns: columns), titles: titles)
}

/// The composer's promises on a layout of its own: every label drawn where it belongs, nothing
/// colliding (by the tests' own check, `collisions(in:)`), and a figure too small for its content
/// refused with the size error, never drawn broken.
@Suite struct FigureComposerTests {
    let flagshipSize = Size(width: 180 / 25.4 * 72, height: 80 / 25.4 * 72)

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
            } catch HeatGridError.tooSmall {
                // Too small is allowed only as the size error, and only for the narrow sizes.
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

    @Test func longTitlesWrapThenEllipsise() throws {
        let long = ["Knowledge Recall of Factual Associations in Pretrained Models"] + Array(repeating: "Short", count: 7)
        let (scene, _) = try compose(flagshipDataset(titles: long), size: Size(width: 183 / 25.4 * 72, height: 80 / 25.4 * 72))
        let titleLines = scene.texts.filter { $0.role == "panel-title" }
        #expect(titleLines.count == 9)  // the long one on two lines
        #expect(titleLines.contains { $0.text.hasSuffix("\u{2026}") })
    }
}

@Suite struct NoOverlapPropertyTests {
    /// Hundreds of generated figures: sizes from a narrow column to a poster, titles from empty to
    /// very long, grids of several shapes. Each either composes with no text overlapping text or
    /// cells and nothing off the canvas, or fails with the size error — never a broken figure.
    @Test func generatedFiguresNeverOverlap() throws {
        var random = SplitMix64(seed: 42)
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
                let (scene, layout) = try compose(flagshipDataset(titles: titles), size: size, columns: columns,
                                                  titles: Bool.random(using: &random) ? .all : .outer)
                let found = collisions(in: scene)
                #expect(found.isEmpty, "\(size), \(count) panels in \(columns) columns: \(found)")
                #expect(scene.size == size)
                #expect(layout.panels.map(\.body) == scene.cellGrids.map(\.frame))
                composed += 1
            } catch HeatGridError.tooSmall {
                continue
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
}
