import Testing
import HeatGridCore
@testable import GridLayout
import TestSupport

/// `composeFigure` laid out by the plugin (`GridLayout(type: spec.type)`), checked for collisions
/// by the tests' own check.
func compose(_ dataset: Dataset = flagshipDataset(), size: Size, layout spec: LayoutSpec = LayoutSpec(rows: 2, columns: 4),
             titles: AxesSpec.TitlePlacement = .all, placement: ColorbarPlacement = .right, cells: CellAspect = .square,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> (scene: Scene, layout: FigureLayout) {
    let result = try composeFigure(dataset, size: size, layout: GridLayout(type: spec.type), layoutSpec: spec,
                                   titles: titles, colorbar: placement, cells: cells)
    #expect(collisions(in: result.scene).isEmpty, "\(collisions(in: result.scene))", sourceLocation: sourceLocation)
    return result
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

    @Test func aVeryWideMatrixAmongSmallOnesGetsAnEvenSlot() throws {
        // Cells of one size would make the 13x900 panel's slot 900/6 times the 11x6 one's: the
        // small bodies reach minBody only in a figure over a metre wide. Even slots hold all four.
        let data = flagshipDataset(titles: ["A", "B", "C", "D"], shapes: [(10, 13), (13, 900), (11, 6), (8, 8)])
        let row = LayoutSpec(rows: 1, columns: 4)
        let (scene, layout) = try compose(data, size: Size(width: 110 / 25.4 * 72, height: 50 / 25.4 * 72), layout: row, cells: .auto)
        let bodies = layout.panels.map(\.body)
        let minBody = Theme.paper.minBody
        #expect(bodies.allSatisfy { $0.width >= minBody - 1e-6 && $0.height >= minBody - 1e-6 })
        #expect(Set(bodies.map { ($0.width * 1000).rounded() }).count == 1, "equal slots, each body filling its own")
        // Each grid is drawn in its body with cells of its own size.
        #expect(zip(scene.cellGrids, bodies).allSatisfy { $0.frame == $1 })
        // Too narrow: the size named is modest, and it holds the figure.
        #expect {
            try compose(data, size: Size(width: 70 / 25.4 * 72, height: 50 / 25.4 * 72), layout: row, cells: .auto)
        } throws: { error in
            guard case .tooSmall(let report) = error as? HeatGridError else { return false }
            let needed = report.needed
            return needed.width < 110 / 25.4 * 72
                && (try? compose(data, size: Size(width: needed.width, height: max(needed.height, 50 / 25.4 * 72)), layout: row,
                                 cells: .auto)) != nil
        }
    }
}

@Suite struct LayoutVariantTests {
    let size = Size(width: 220 / 25.4 * 72, height: 120 / 25.4 * 72)

    /// The flagship's 8 panels laid out by `spec`, axis titles on the outer panels only.
    func composed(_ spec: LayoutSpec, size: Size? = nil, placement: ColorbarPlacement = .right,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> (Scene, FigureLayout) {
        try compose(size: size ?? self.size, layout: spec, titles: .outer, placement: placement, sourceLocation: sourceLocation)
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
