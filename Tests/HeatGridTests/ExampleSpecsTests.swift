import Foundation
import HeatGrid
import Testing

/// Every example spec a user may copy renders, with nothing overlapping, so the examples never rot.
@Suite struct ExampleSpecsTests {
    static let specs: [String] = {
        let folders = ["examples/cognitive-heads", "examples/gallery"]
        return folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".json") && $0 != "cognitive-heads.json" }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    @Test(arguments: specs)
    func exampleRendersCleanly(path: String) throws {
        let url = packageRoot.appendingPathComponent(path)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: url), baseURL: url.deletingLastPathComponent())
        // Every cell drawn once (a split draws a panel as several blocks).
        #expect(figure.scene.cellGrids.reduce(0) { $0 + $1.rows * $1.columns } == figure.dataset.cellCount)
        let out = temporaryFolder().appendingPathComponent("out.png")
        let result = try heatgrid(["render", url.path, "-o", out.path, "--dpi", "72"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func galleryIsThere() { #expect(Self.specs.count >= 6) }

    /// 32x32 beside 40x40 panels: square cells of one size, boxes aligned along the grid row.
    @Test func mixedMatrixSizesKeepSquareAlignedCells() throws {
        let folder = temporaryFolder()
        var csv = "model,layer,head,score\n"
        for (name, n) in [("llama (32x32)", 32), ("qwen (40x40)", 40), ("mistral (32x32)", 32)] {
            for r in 0..<n { for c in 0..<n { csv += "\(name),\(r),\(c),\(Double((r * 7 + c * 3) % 11) / 10)\n" } }
        }
        try write(csv, to: "mixed.csv", in: folder)
        let spec = try write(#"{"data": {"path": "mixed.csv", "panel": "model", "row": "layer", "column": "head", "value": "score"}, "layout": {"type": "row"}, "size": {"width": "183mm", "height": "70mm"}}"#, to: "s.json", in: folder)
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: spec), baseURL: folder)
        let boxes = figure.layout.panels.map(\.body)
        let cells = zip(boxes, [32, 40, 32]).map { $0.width / Double($1) }
        #expect(abs(cells[0] - cells[1]) < 1e-9 && abs(cells[1] - cells[2]) < 1e-9)
        #expect(zip(boxes, [32, 40, 32]).allSatisfy { abs($0.height - Double($1) * cells[0]) < 1e-9 })
        #expect(abs(boxes[0].midY - boxes[1].midY) < 1e-9 && abs(boxes[0].minY - boxes[2].minY) < 1e-9)
    }
}
