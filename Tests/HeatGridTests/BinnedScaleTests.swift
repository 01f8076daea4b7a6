import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing

/// `"scale": {"type": "bins", ...}`: every cell takes its bin's colour (bin k of n: viridis in the
/// middle of its k-th of n bands; a qualitative map's k-th colour), the colorbar shows one equal block per bin with the edges as ticks. Checked on
/// the rendered PNG against bins computed here from the data.
@Suite struct BinnedScaleTests {
    let edges = [0, 0.0005, 0.001, 0.002, 0.003]

    func render(_ scale: String) throws -> (figure: Figure, png: URL) {
        var spec = try FigureSpec.load(from: flagshipSpec)
        let folder = temporaryFolder()
        let specText = try String(contentsOf: flagshipSpec, encoding: .utf8)
            .replacingOccurrences(of: #""scale": {"type": "linear", "domain": [0, 0.003], "clamp": true}"#, with: #""scale": \#(scale)"#)
            .replacingOccurrences(of: #""path": "cognitive-heads.csv""#, with: #""path": "\#(flagshipSpec.deletingLastPathComponent().path)/cognitive-heads.csv""#)
        #expect(specText.contains(scale))
        let url = try write(specText, to: "bins.json", in: folder)
        spec = try FigureSpec.load(from: url)
        let figure = try Renderer.standard.figure(for: spec, baseURL: folder)
        let png = folder.appendingPathComponent("bins.png")
        try Renderer.standard.write(figure.scene, to: [png], options: RenderOptions(dpi: 100))
        return (figure, png)
    }

    /// Viridis's colour for bin `k` of `n` (the middle of its k-th of n bands), as its 256-entry table gives it.
    func binColor(_ k: Int, of n: Int) -> RGBA {
        let table = BuiltInColormaps.viridis.table
        return table[min(Int((Double(k) + 0.5) / Double(n) * 256), 255)]
    }

    @Test func cellsAndColorbarBlocksTakeTheirBinsColours() throws {
        let (figure, png) = try render(#"{"type": "bins", "boundaries": [0, 0.0005, 0.001, 0.002, 0.003], "clamp": true}"#)
        let image = try #require(RasterImage(pngFile: png.path))
        func bin(_ v: Double) -> Int { v >= edges.last! ? 3 : edges.lastIndex { $0 <= v }! }
        for (panel, grid) in zip(figure.dataset.panels, figure.scene.cellGrids) {
            for r in stride(from: 0, to: 32, by: 3) {
                for c in 0..<32 {
                    let centre = grid.center(row: r, column: c)
                    let found = image.pixel(x: Int(centre.x * 100 / 72), y: Int(centre.y * 100 / 72))
                    let expected = binColor(bin(panel.matrix[r, c]), of: 4)
                    #expect(close(found, expected), "\(panel.title) (\(r), \(c)) = \(panel.matrix[r, c]): \(found.hex) vs \(expected.hex)")
                }
            }
        }
        // The colorbar: four equal blocks bottom to top in the bins' colours, the edges as tick labels.
        let bar = try #require(figure.scene.items.compactMap { if case .gradient(let g) = $0 { g.frame } else { nil } }.first)
        for k in 0..<4 {
            let y = bar.maxY - (Double(k) + 0.5) / 4 * bar.height
            let found = image.pixel(x: Int(bar.midX * 100 / 72), y: Int(y * 100 / 72))
            #expect(close(found, binColor(k, of: 4)), "block \(k): \(found.hex)")
        }
        let labels = figure.scene.texts.filter { $0.role == "colorbar-tick" }.map(\.text)
        #expect(labels == ["0.0000", "0.0005", "0.0010", "0.0020", "0.0030+"])
        // Equal blocks: the ticks are equally spaced though the bins are not.
        let ys = figure.scene.texts.filter { $0.role == "colorbar-tick" }.map(\.bounds.midY).sorted()
        let gaps = zip(ys, ys.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 0.01 })
    }

    @Test func binsOfAQualitativeMapTakeItsColoursInOrder() throws {
        let spec = try String(contentsOf: flagshipSpec, encoding: .utf8)
            .replacingOccurrences(of: #""colormap": "viridis""#, with: #""colormap": "Set1""#)
            .replacingOccurrences(of: #""scale": {"type": "linear", "domain": [0, 0.003], "clamp": true}"#, with: #""scale": {"type": "bins", "boundaries": [0, 0.001, 0.002, 0.003], "clamp": true}"#)
            .replacingOccurrences(of: #""path": "cognitive-heads.csv""#, with: #""path": "\#(flagshipSpec.deletingLastPathComponent().path)/cognitive-heads.csv""#)
        let url = try write(spec, to: "set1.json", in: temporaryFolder())
        let set1 = try Renderer.standard.figure(for: try FigureSpec.load(from: url), baseURL: url.deletingLastPathComponent())
        let table = try PluginRegistry.standard.colormap(named: "Set1").bands(9)
        for (k, value) in [0.0005, 0.0015, 0.0025].enumerated() {
            #expect(set1.mapping.color(for: value) == table[k], "bin \(k)")
        }
    }

    @Test func quantileBinsHoldEqualSharesOfTheCells() throws {
        let (figure, _) = try render(#"{"type": "bins", "quantiles": 4}"#)
        let edges = try #require(figure.mapping.scale.boundaries)
        #expect(edges.count == 5)
        let values = figure.dataset.panels.flatMap(\.matrix.values).filter(\.isFinite)
        for k in 0..<4 {
            let inBin = values.filter { $0 >= edges[k] && (k == 3 ? $0 <= edges[k + 1] : $0 < edges[k + 1]) }.count
            #expect(abs(Double(inBin) - Double(values.count) / 4) <= 2, "bin \(k) holds \(inBin) of \(values.count)")
        }
    }

    @Test func badBinsSayWhatIsWrong() throws {
        #expect { try render(#"{"type": "bins", "boundaries": [0, 0.002, 0.001]}"#) } throws: {
            "\($0)".contains("scale.boundaries") && "\($0)".contains("0.002 is followed by 0.001")
        }
        #expect { try render(#"{"type": "bins", "bins": 4, "quantiles": 4}"#) } throws: { "\($0)".contains("not \"bins\" and \"quantiles\"") }
        #expect { try render(#"{"type": "bins"}"#) } throws: { "\($0)".contains("needs \"boundaries\"") }
        #expect { try render(#"{"type": "bins", "bins": 0}"#) } throws: { "\($0)".contains("scale.bins") }
    }
}
