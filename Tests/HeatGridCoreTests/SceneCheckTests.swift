import Testing
@testable import HeatGridCore

/// The scene check on hand-made scenes: each rule caught, and touching (not overlapping) allowed.
@Suite struct SceneCheckTests {
    let font = FontSpec(family: "DejaVu Sans", size: 6)

    func text(_ s: String, _ rect: Rect) -> SceneItem {
        .text(TextItem(text: s, font: font, origin: Point(x: rect.minX, y: rect.maxY), angle: 0, color: .black,
                       bounds: rect, role: "label"))
    }

    func problems(_ items: [SceneItem], size: Size = Size(width: 100, height: 100)) -> [String] {
        SceneCheck.problems(in: Scene(size: size, background: .white, items: items)).map(\.description)
    }

    @Test func textOverEveryKindOfItemIsCaught() {
        let label = text("0.0030+", Rect(x: 10, y: 10, width: 20, height: 6))
        let others: [(SceneItem, String)] = [
            (.gradient(GradientItem(frame: Rect(x: 25, y: 0, width: 7, height: 50), colors: [.black, .white], direction: .bottomToTop)), "colorbar"),
            (.cells(CellGrid(frame: Rect(x: 0, y: 14, width: 20, height: 20), rows: 1, columns: 1, rgba: [0, 0, 0, 255])), "cells"),
            (.line(LineItem(from: Point(x: 15, y: 2), to: Point(x: 15, y: 12), color: .black, width: 0.5)), "tick mark"),
            (.polygon(PolygonItem(points: [Point(x: 0, y: 0), Point(x: 12, y: 12), Point(x: 0, y: 12)], fill: .black, stroke: nil,
                                  lineWidth: 0, role: "colorbar-over")), "colorbar-over"),
            (.rect(RectItem(rect: Rect(x: 28, y: 12, width: 5, height: 5), fill: .black)), "swatch"),
            (text("Layer", Rect(x: 5, y: 12, width: 10, height: 6)), "label 'Layer'"),
        ]
        for (item, name) in others {
            let found = problems([label, item])
            #expect(found.count == 1 && found[0].contains(name), "\(name): \(found)")
        }
    }

    @Test func touchingIsNotOverlapping() {
        let a = text("a", Rect(x: 10, y: 10, width: 10, height: 6))
        let b = text("b", Rect(x: 20, y: 10, width: 10, height: 6))
        let tick = SceneItem.line(LineItem(from: Point(x: 5, y: 13), to: Point(x: 9.75, y: 13), color: .black, width: 0.5))
        #expect(problems([a, b, tick]).isEmpty)
    }

    @Test func itemsOffTheCanvasAreCaught() {
        let off = SceneItem.cells(CellGrid(frame: Rect(x: 90, y: 10, width: 20, height: 20), rows: 1, columns: 1, rgba: [0, 0, 0, 255]))
        #expect(problems([off]).first?.contains("does not fit on the canvas") == true)
        #expect(problems([text("x", Rect(x: -3, y: 0, width: 5, height: 5))]).count == 1)
    }

    @Test func nonTextItemsMayOverlapEachOther() {
        // A frame around its cells, and tick marks touching a frame, are the figure's own design.
        let cells = SceneItem.cells(CellGrid(frame: Rect(x: 10, y: 10, width: 20, height: 20), rows: 1, columns: 1, rgba: [0, 0, 0, 255]))
        let frame = SceneItem.rect(RectItem(rect: Rect(x: 10, y: 10, width: 20, height: 20), stroke: .black, lineWidth: 0.5))
        #expect(problems([cells, frame]).isEmpty)
    }

    @Test func manyLabelsInOneRowAreCheckedInOnePass() {
        // 5,000 labels side by side, one overlapping pair among them.
        var items = (0..<5000).map { text("\($0)", Rect(x: Double($0) * 2, y: 0, width: 2, height: 1)) }
        items.append(text("x", Rect(x: 4001, y: 0.5, width: 2, height: 1)))  // over labels 2000 and 2001
        #expect(problems(items, size: Size(width: 10_000, height: 10)).count == 2)
    }
}
