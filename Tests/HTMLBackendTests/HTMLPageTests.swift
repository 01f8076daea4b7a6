import Foundation
import HeatGrid
@testable import HTMLBackend
import Testing
import TestSupport

/// The package root, found from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A spec of the repository rendered to `formats` in a fresh folder: the figure and each file's bytes.
private func rendered(_ spec: String, _ formats: [String]) throws -> (figure: Figure, files: [String: [UInt8]]) {
    let folder = temporaryFolder(prefix: "heatgrid-html")
    let outputs = formats.map { folder.appendingPathComponent("figure.\($0)") }
    let figure = try Renderer.standard.render(specAt: packageRoot.appendingPathComponent(spec), to: outputs)
    var files: [String: [UInt8]] = [:]
    for (format, url) in zip(formats, outputs) { files[format] = [UInt8](try Data(contentsOf: url)) }
    return (figure, files)
}

/// The text between `start` and the next `end` in `page`.
private func between(_ page: String, _ start: String, _ end: String) throws -> String {
    let from = try #require(page.range(of: start))
    let to = try #require(page.range(of: end, range: from.upperBound..<page.endIndex))
    return String(page[from.upperBound..<to.lowerBound])
}

/// The page's model, parsed.
private func model(_ page: String) throws -> [String: Any] {
    let json = try between(page, "<script type=\"application/json\" id=\"hg-model\">", "</script>")
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

@Suite("HTML page")
struct HTMLPageTests {
    @Test("the flagship's page is self-contained: the SVG inline, the script inline, no URL, nothing loaded")
    func selfContained() throws {
        let (_, files) = try rendered("examples/cognitive-heads/figure.json", ["html", "svg"])
        let page = String(decoding: try #require(files["html"]), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg ") && page.contains("</svg>"))
        #expect(page.contains("role=\"tooltip\""))
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        // Exactly one script runs (the others hold data), and it is inline.
        let scripts = page.components(separatedBy: "<script").dropFirst()
        #expect(scripts.filter { $0.hasPrefix(">") }.count == 1)
        // No reference to anything outside the file (namespace names are not references; the
        // page drops even those from the root element).
        let withoutNamespaces = page.replacing(#/xmlns(:[\w.-]+)?="[^"]*"/#, with: "")
        #expect(!withoutNamespaces.contains("http://") && !withoutNamespaces.contains("https://"))
        for reference in [" src=", "<link", "@import", "<iframe", "<object", "fetch(", "XMLHttpRequest"] {
            #expect(!page.contains(reference), "the page holds \(reference)")
        }
        // url() only to the page's own fragments (the colorbar's gradient: url(#linear0)).
        #expect(!page.contains(#/url\(\s*['"]?[^#'"\s]/#))
        let root = try between(page, "<svg", ">")
        #expect(!root.contains("xmlns"))
        // The picture is the SVG backend's, byte for byte after its root start tag.
        let svg = String(decoding: try #require(files["svg"]), as: UTF8.self)
        let rootStart = try #require(svg.range(of: "<svg")).lowerBound
        let svgBody = String(svg[rootStart...].drop { $0 != ">" }).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(page.contains(svgBody))
    }

    @Test("the model names the flagship's rows, columns and values, and its value blocks decode to the data")
    func modelAndValues() throws {
        let (figure, files) = try rendered("examples/cognitive-heads/figure.json", ["html"])
        let page = String(decoding: try #require(files["html"]), as: UTF8.self)
        let model = try model(page)
        #expect(model["rowName"] as? String == "Layer")
        #expect(model["columnName"] as? String == "Head")
        #expect(model["valueName"] as? String == "Heads Importance")
        let panels = try #require(model["panels"] as? [[String: Any]])
        #expect(panels.count == 8)
        for (panel, data) in zip(panels, figure.dataset.panels) {
            #expect(panel["title"] as? String == data.title)
            #expect(panel["format"] as? String == "plain")
            #expect(panel["colorbar"] as? Int == 0)
            let id = try #require(panel["values"] as? String)
            let text = try between(page, "<script type=\"application/octet-stream\" id=\"\(id)\">", "</script>")
            let values = try #require(Float32Base64.decode(Array(text.utf8)))
            #expect(values == data.matrix.values.map { Float($0) })
        }
        let colorbars = try #require(model["colorbars"] as? [[String: Any]])
        #expect(colorbars.count == 1)
        // A linear scale needs only its ends: 0 at the bottom, 0.003 at the top (clamped above).
        let stops = try #require(colorbars[0]["stops"] as? [[Double]])
        #expect(stops.count == 2 && stops[0] == [0, 0] && abs(stops[1][1] - 0.003) < 1e-15)
        #expect(colorbars[0]["clampsAbove"] as? Bool == true && colorbars[0]["vertical"] as? Bool == true)
    }

    @Test("cell blocks and colorbar frames are the scene's own cell grids and gradient")
    func geometryMatchesScene() throws {
        for spec in ["examples/cognitive-heads/figure.json", "examples/gallery/split-heads.json",
                     "examples/gallery/per-panel-scales.json"] {
            let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: packageRoot.appendingPathComponent(spec)),
                                                      baseURL: packageRoot.appendingPathComponent(spec).deletingLastPathComponent())
            let interaction = try #require(figure.scene.interaction)
            let blocks = interaction.panels.flatMap(\.blocks)
            #expect(blocks.map(\.rect) == figure.scene.cellGrids.map(\.frame), "\(spec)")
            #expect(zip(blocks, figure.scene.cellGrids).allSatisfy { $0.rows == $1.rows && $0.columns == $1.columns })
            for panel in interaction.panels {
                #expect(panel.blocks.reduce(0) { $0 + $1.rows * $1.columns } == panel.rows * panel.columns)
                #expect(panel.region.contains(panel.body))
            }
            let gradients = figure.scene.items.compactMap { if case .gradient(let g) = $0 { g.frame } else { nil } }
            for bar in interaction.colorbars { #expect(gradients.contains(bar.frame), "\(spec)") }
            #expect(interaction.colorbars.count == (spec.contains("per-panel") ? interaction.panels.count : 1))
        }
    }

    @Test("a log scale's stops give its values back along the bar; marks bring their second matrix")
    func logScaleAndMarks() throws {
        let logSpec = packageRoot.appendingPathComponent("examples/gallery/log-extend.json")
        let logFigure = try Renderer.standard.figure(for: try FigureSpec.load(from: logSpec), baseURL: logSpec.deletingLastPathComponent())
        let bar = try #require(logFigure.scene.interaction?.colorbars.first)
        #expect(bar.stops.count > 2 && !bar.clampsAbove)
        for k in 0...100 {
            let t = Double(k) / 100
            let i = try #require(bar.stops.firstIndex { $0.position >= t })
            let a = bar.stops[max(i - 1, 0)], b = bar.stops[i]
            let interpolated = b.position == a.position ? b.value : a.value + (b.value - a.value) * (t - a.position) / (b.position - a.position)
            let exact = logFigure.mapping.scale.value(at: t)
            #expect(abs(interpolated - exact) <= 1e-3 * abs(exact))
        }
        let marked = packageRoot.appendingPathComponent("examples/gallery/marked-heads.json")
        let figure = try Renderer.standard.figure(for: try FigureSpec.load(from: marked), baseURL: marked.deletingLastPathComponent())
        let panels = try #require(figure.scene.interaction?.panels)
        #expect(panels.allSatisfy { $0.markValues.count == 1 && $0.markValues[0].name == "p" && $0.markValues[0].values.count == 32 * 32 })
        #expect(panels[0].markValues[0].values.contains { $0 < 0.01 })
    }

    @Test("titles cannot break out of the model's script; a scene without data still gives a page")
    func escapingAndPlainScenes() throws {
        let panel = Panel(title: "</script><b>x</b> & \"q\"", matrix: Matrix(rows: 2, columns: 2, values: [0, 1, 2, .nan]))
        let dataset = Dataset(panels: [panel])
        let renderer = Renderer.standard
        let figure = try renderer.figure(for: FigureSpec(data: DataSpec(path: "x.csv")),
                                         dataset: dataset, theme: .paper)
        let folder = temporaryFolder(prefix: "heatgrid-html")
        let url = folder.appendingPathComponent("escaped.html")
        try renderer.write(figure.scene, to: [url], options: RenderOptions(title: "A <title> & more"))
        let page = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(!page.contains("</script><b>"))
        #expect(page.contains("<title>A &lt;title&gt; &amp; more</title>"))
        let parsed = try model(page)
        #expect((parsed["panels"] as? [[String: Any]])?.first?["title"] as? String == panel.title)

        // A picture-only scene (a colormap sheet has no data behind it): the page shows it, nothing more.
        let plain = Scene(size: Size(width: 100, height: 50), background: .white)
        let sheet = folder.appendingPathComponent("plain.html")
        try renderer.write(plain, to: [sheet], options: RenderOptions())
        let plainPage = String(decoding: try Data(contentsOf: sheet), as: UTF8.self)
        let plainModel = try model(plainPage)
        #expect(plainPage.contains("<svg ") && (plainModel["panels"] as? [Any])?.isEmpty == true)

        // Without the registry the page cannot embed the SVG backend's drawing, and says so.
        #expect(throws: HeatGridError.self) { try HTMLBackend().render(plain, format: "html", options: RenderOptions()) }
    }

    @Test("values travel as little-endian Float32 in base64, NaN included")
    func float32Base64() throws {
        let values: [Double] = [0, -1.5, 0.0012345678, .nan, .infinity, 3e38]
        let text = Float32Base64.encode(values)
        let back = try #require(Float32Base64.decode(text))
        #expect(back.count == values.count)
        for (a, b) in zip(back, values) { #expect(a == Float(b) || (a.isNaN && b.isNaN)) }
        #expect(String(decoding: Float32Base64.encode([1]), as: UTF8.self) == "AACAPw==")  // 1.0f = 00 00 80 3f
    }

    @Test("the inline SVG keeps everything after the root start tag and drops the prolog and namespaces")
    func inlineSVG() throws {
        let svg = Array(##"<?xml version="1.0"?>\##n<!DOCTYPE svg>\##n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink='http://www.w3.org/1999/xlink' width="10pt" viewBox="0 0 10 10"><use xlink:href="#a"/></svg>\##n"##.utf8)
        let out = String(decoding: try InlineSVG.markup(svg, attributes: "role=\"img\""), as: UTF8.self)
        #expect(out == ##"<svg width="10pt" viewBox="0 0 10 10" role="img"><use xlink:href="#a"/></svg>"##)
        #expect(throws: HeatGridError.self) { try InlineSVG.markup(Array("<html></html>".utf8), attributes: "") }
    }
}
