import Foundation
import HeatGrid
import Testing

/// The composition model through the Swift API on real data: shared axes, cell aspect, free
/// height, size errors that name a size that works, wrapped titles and the colorbar's minimums.
/// Geometry is read back from the laid-out scene and compared with what the spec asked for.
@Suite struct CompositionTests {
    func figure(_ changes: String) throws -> Figure {
        let folder = temporaryFolder()
        let spec = try flagshipVariant(changes, in: folder)
        return try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
    }

    /// A spec over generated panels (JSON data) of `rows` x `columns`.
    func figure(panels: Int, rows: Int, columns: Int, titles: [String]? = nil, _ changes: String) throws -> Figure {
        let folder = temporaryFolder()
        let values: [String] = (0..<rows).map { (r: Int) -> String in
            let row: [String] = (0..<columns).map { (c: Int) -> String in String(Double((r * 7 + c * 3) % 11) / 10) }
            return "[" + row.joined(separator: ",") + "]"
        }
        let panelJSON = (0..<panels).map { i in
            #"{"title": "\#(titles?[i] ?? "Panel \(i)")", "values": [\#(values.joined(separator: ","))]}"#
        }
        try write(#"{"panels": [\#(panelJSON.joined(separator: ","))], "rowName": "layer", "columnName": "head"}"#,
                  to: "data.json", in: folder)
        let spec = try write(#"{"data": {"path": "data.json"}\#(changes.isEmpty ? "" : ", " + changes)}"#, to: "spec.json", in: folder)
        return try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
    }

    func texts(_ figure: Figure, _ role: String) -> [TextItem] { figure.scene.texts.filter { $0.role == role } }

    @Test func sharedAxesLabelOnlyTheOuterPanelsAndTitleTheGridOnce() throws {
        let shared = try figure(#""axes": {"x": {"title": "Head", "tickStep": 6}, "y": {"title": "Layer", "tickStep": 6}}"#)
        let bodies = shared.layout.panels.map(\.body)
        // y tick labels only left of the first column's bodies, x tick labels only under the bottom row's.
        let leftColumn = bodies[0].minX, bottomRow = bodies[4].maxY
        #expect(texts(shared, "y-tick").count == 2 * 6 && texts(shared, "y-tick").allSatisfy { $0.bounds.maxX < leftColumn })
        #expect(texts(shared, "x-tick").count == 4 * 6 && texts(shared, "x-tick").allSatisfy { $0.bounds.minY > bottomRow })
        // One "Layer", centred on both rows; one "Head", centred under the four columns.
        let layer = try #require(texts(shared, "y-title").first), head = try #require(texts(shared, "x-title").first)
        #expect(texts(shared, "y-title").count == 1 && texts(shared, "x-title").count == 1)
        #expect(abs(layer.bounds.midY - (bodies[0].minY + bodies[4].maxY) / 2) < 0.01)
        #expect(abs(head.bounds.midX - (bodies[4].minX + bodies[7].maxX) / 2) < 0.01)

        let apart = try figure(#""axes": {"x": {"title": "Head", "tickStep": 6}, "y": {"title": "Layer", "tickStep": 6}, "shared": "none"}"#)
        #expect(texts(apart, "y-title").count == 8 && texts(apart, "x-title").count == 8)
        #expect(texts(apart, "y-tick").count == 8 * 6)
        // Sharing frees the room the repeated labels took: bigger bodies in the same figure.
        #expect(bodies[0].width > apart.layout.panels[0].body.width + 5)
    }

    @Test func sharingNeedsPanelsThatAgree() throws {
        // Panels of different shapes: auto shares nothing, an explicit "rows" is an error naming the key.
        let folder = temporaryFolder()
        try write(#"{"panels": [{"title": "A", "values": [[1, 2], [3, 4]]}, {"title": "B", "values": [[1, 2, 3]]}]}"#, to: "d.json", in: folder)
        let auto = try write(#"{"data": {"path": "d.json"}}"#, to: "auto.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: auto), baseURL: folder)
        #expect(figure.scene.texts.filter { $0.role == "y-tick" }.count == 3)  // 2 + 1: both panels label their rows
        let rows = try write(#"{"data": {"path": "d.json"}, "axes": {"shared": "rows"}}"#, to: "rows.json", in: folder)
        #expect {
            try Renderer.standard.figure(for: try FigureSpec.load(from: rows), baseURL: folder)
        } throws: { error in
            "\(error)".contains("axes.shared") && "\(error)".contains("different numbers of rows (1, 2)")
        }
    }

    @Test func cellAspectSquareFillAndRatio() throws {
        func cell(_ f: Figure) -> Size {
            let grid = f.scene.cellGrids[0]
            return Size(width: grid.frame.width / Double(grid.columns), height: grid.frame.height / Double(grid.rows))
        }
        let square = cell(try figure(#""cells": {"aspect": "square"}"#))
        #expect(abs(square.width - square.height) < 1e-9)
        let tall = cell(try figure(#""cells": {"aspect": 1.5}, "size": {"width": "180mm", "height": "120mm"}"#))
        #expect(abs(tall.height - 1.5 * tall.width) < 1e-9)
        // Fill: the bodies take the room; the four columns reach the legend area, the rows the bottom labels.
        let filled = try figure(#""cells": {"aspect": "fill"}, "size": {"width": "180mm", "height": "120mm"}"#)
        let fillCell = cell(filled)
        #expect(fillCell.height > fillCell.width * 1.2)
        let lastBody = filled.layout.panels[7].body, legend = try #require(filled.layout.legendArea)
        #expect(legend.minX - lastBody.maxX < 12)  // only the colorbar's gap between them
    }

    @Test func thinMatricesFillTheirSlotsInsteadOfVanishing() throws {
        // Two 3x400 matrices: square cells would make bodies 0.6 mm tall.
        let thin = try figure(panels: 2, rows: 3, columns: 400, "")
        let minimum = Theme.paper.minBody
        for panel in thin.layout.panels { #expect(min(panel.body.width, panel.body.height) >= minimum - 1e-6) }
        // Asked for square, they stay square however thin.
        let square = try figure(panels: 2, rows: 3, columns: 400, #""cells": {"aspect": "square"}"#)
        let body = square.layout.panels[0].body
        #expect(abs(body.width / 400 - body.height / 3) < 1e-9 && body.height < minimum)
        // Its colorbar is still readable: at least the theme's minimum length, three labels or more.
        let bar = square.scene.items.compactMap { if case .gradient(let g) = $0 { g.frame } else { nil } }[0]
        #expect(bar.height >= Theme.paper.minColorbarLength - 1e-6)
        #expect(texts(square, "colorbar-tick").count >= 3)
    }

    @Test func autoHeightLeavesNoEmptyBand() throws {
        let figure = try figure(#""size": {"width": "single", "height": "auto"}"#)
        let height = figure.scene.size.height
        #expect(height < 80 / 25.4 * 72)  // a single column needs less than the 80 mm default
        // Content reaches from the top margin to the bottom margin.
        let top = figure.scene.texts.map(\.bounds.minY).min()!, bottom = figure.scene.texts.map(\.bounds.maxY).max()!
        let margin = Theme.paper.margin
        #expect(top < margin + 1 && bottom > height - margin - 1)
    }

    @Test func aFigureTooSmallNamesASizeThatWorks() throws {
        let folder = temporaryFolder()
        let spec = try flagshipVariant(#""size": {"width": "single", "height": "40mm"}"#, in: folder)
        var message = ""
        do { _ = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder) } catch { message = "\(error)" }
        // "... make it at least 89 x 42 mm, or the theme's text smaller"
        let suggested = try #require(message.firstMatch(of: /at least (\d+) x (\d+) mm/), "\(message)")
        let fits = try flagshipVariant(#""size": {"width": "\#(suggested.1)mm", "height": "\#(suggested.2)mm"}"#, in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: fits), baseURL: folder)
        #expect(figure.scene.cellGrids.count == 8)
    }

    @Test func titlesWrapAfterHyphensAndAtSpacesBeforeBeingCut() throws {
        let figure = try figure(#""size": {"width": "single", "height": "80mm"}"#)
        let titles = texts(figure, "panel-title").map(\.text)
        #expect(titles.contains("Decision-") && titles.contains("making"), "\(titles)")
        #expect(titles.contains("Knowledge") && titles.contains("Recall"), "\(titles)")
        // Every line fits between its neighbours: no title wider than its body plus the gap to the next.
        let bodies = figure.layout.panels.map(\.body)
        for title in texts(figure, "panel-title") {
            let body = try #require(bodies.first { abs($0.midX - title.bounds.midX) < 0.01 })
            #expect(title.bounds.width <= body.width + 2 * Theme.paper.panelSpacing)
        }
    }

    @Test func aTwentyThousandCharacterTitleIsCut() throws {
        let long = String(repeating: "attention ", count: 2_000)
        let figure = try figure(panels: 1, rows: 32, columns: 32, titles: [long], "")
        let lines = texts(figure, "panel-title").sorted { $0.bounds.minY < $1.bounds.minY }
        #expect(lines.count == 2 && lines[1].text.hasSuffix("\u{2026}"))
        #expect(lines.allSatisfy { $0.bounds.minX >= 0 && $0.bounds.maxX <= figure.scene.size.width })
    }

    @Test func namedKeysAreTheTickLabelsSetVerticallyWhenTheyCrowd() throws {
        // The gallery's models x benchmarks in data order, without tracks, at a journal's single column.
        let spec = packageRoot.appendingPathComponent("examples/gallery/models-benchmarks.json")
        var single = try FigureSpec.load(from: spec)
        single.rows = OrderSpec()
        single.size = SizeSpec(width: Length(points: 89 / 25.4 * 72), height: .auto)
        let narrow = try Renderer.standard.figure(for: single, baseURL: spec.deletingLastPathComponent())
        let models = texts(narrow, "y-tick").sorted { $0.bounds.minY < $1.bounds.minY }.map(\.text)
        #expect(models.prefix(3) == ["Llama-3.1-8B", "Mistral-7B-v0.3", "Qwen2.5-7B"] && models.count == 12)
        // Eight benchmark names do not fit side by side under an 89 mm figure's body: set vertically, every one shown.
        let benchmarks = texts(narrow, "x-tick")
        #expect(benchmarks.count == 8 && benchmarks.allSatisfy { $0.angle == 90 })
        #expect(benchmarks.map(\.text).contains("ARC-Challenge"))
        // At poster width they fit horizontally.
        var wide = single
        wide.size = SizeSpec(width: Length(points: 500 / 25.4 * 72), height: .auto)
        let figure = try Renderer.standard.figure(for: wide, baseURL: spec.deletingLastPathComponent())
        #expect(texts(figure, "x-tick").count == 8 && texts(figure, "x-tick").allSatisfy { $0.angle == 0 })
    }
}
