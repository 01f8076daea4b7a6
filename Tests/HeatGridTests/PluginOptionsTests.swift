import Foundation
import HeatGrid
import Testing

/// A layout as a runtime plugin would write it: its own option (`gutter`, read typed through the
/// request), the geometry borrowed from the built-in row layout.
private struct GutterLayout: Layout {
    let type = "gutter"
    let summary = "one row of panels with a chosen gap between them"
    let options = [PluginOption("gutter", .length, default: "the theme's spacing", doc: "the gap between panels")]

    func place(_ request: LayoutRequest) throws -> FigureLayout {
        var request = request
        if let gutter = try request.option("gutter", as: Length.self) { request.spacing.width = gutter.points }
        return try PluginRegistry.standard.layout(type: "row").place(request)
    }
}

/// Each plugin owns the options of the spec section it answers to: the renderer checks a spec
/// against the chosen plugin's declaration (built-in or not), and `heatgrid describe` lists them.
@Suite struct PluginOptionsTests {
    /// A folder with the small four-panel CSV of the bad-input tests and `spec` (JSON object
    /// members added to a working spec) written as spec.json.
    func specFile(_ members: String, layout: String = #"{"type": "grid", "columns": 2}"#) throws -> URL {
        let folder = temporaryFolder()
        try write(BadInputTests.header + "A,0,0,0.1\nA,0,1,0.2\nA,1,0,0.3\nA,1,1,0.4\nB,0,0,0.5\nB,0,1,0.6\nB,1,0,0.7\nB,1,1,0.8\n",
                  to: "d.csv", in: folder)
        let data = #""data": {"path": "d.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"}"#
        return try write(#"{\#(data), "layout": \#(layout), "size": {"width": "120mm", "height": "50mm"}\#(members)}"#,
                         to: "spec.json", in: folder)
    }

    /// The error building the figure for the spec at `url` with `renderer`, as the CLI prints it.
    func failure(_ url: URL, renderer: Renderer = .standard) -> String {
        do {
            _ = try renderer.figure(for: try FigureSpec.load(from: url, displayPath: "spec.json"),
                                    baseURL: url.deletingLastPathComponent(), specFile: "spec.json")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func unknownGridKeyNamesTheNearestOption() throws {
        let url = try specFile("", layout: #"{"type": "grid", "colums": 2}"#)
        #expect(failure(url) == "spec.json: layout.colums: the 'grid' layout has no option 'colums'; did you mean 'columns'? (its options: rows, columns, order)")
        // The CLI says the same on one line and writes nothing.
        let out = url.deletingLastPathComponent().appendingPathComponent("out.png")
        let result = try heatgrid(["render", "spec.json", "-o", out.path], in: url.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stderr == "heatgrid: error: spec.json: layout.colums: the 'grid' layout has no option 'colums'; did you mean 'columns'? (its options: rows, columns, order)\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A key of another built-in arrangement: the row layout takes no grid shape.
        #expect(failure(try specFile("", layout: #"{"type": "row", "columns": 2}"#))
            == "spec.json: layout.columns: the 'row' layout has no option 'columns' (it has no options; 'columns' is an option of the 'grid' layout)")
    }

    @Test func aPluginLayoutTakesItsOwnOptionsAndNotTheGrids() throws {
        var registry = PluginRegistry.standard
        registry.register(layout: GutterLayout())
        let renderer = Renderer(registry: registry)
        func boxes(_ layout: String) throws -> [Rect] {
            let url = try specFile("", layout: layout)
            return try renderer.figure(for: try FigureSpec.load(from: url), baseURL: url.deletingLastPathComponent())
                .layout.panels.map(\.body)
        }
        let narrow = try boxes(#"{"type": "gutter", "gutter": "2mm"}"#), wide = try boxes(#"{"type": "gutter", "gutter": "12mm"}"#)
        #expect(narrow.count == 2 && wide.count == 2)
        // The option reached the plugin: the gap between the panels grew by nearly 10 mm (the
        // row layout may widen a narrow gap a little from leftover space).
        let gap = { (b: [Rect]) in b[1].minX - b[0].maxX }, mm = 72 / 25.4
        #expect(gap(wide) > 12 * mm && gap(wide) - gap(narrow) > 9 * mm, "\(gap(narrow)) -> \(gap(wide))")

        // The grid's keys are not the plugin's.
        #expect(failure(try specFile("", layout: #"{"type": "gutter", "columns": 2}"#), renderer: renderer)
            == "spec.json: layout.columns: the 'gutter' layout has no option 'columns' (its options: gutter; 'columns' is an option of the 'grid' layout)")
        #expect(failure(try specFile("", layout: #"{"type": "gutter", "gutr": "2mm"}"#), renderer: renderer)
            .contains("layout.gutr: the 'gutter' layout has no option 'gutr'; did you mean 'gutter'?"))
        // Its values are checked against the declared kind before it runs.
        #expect(failure(try specFile("", layout: #"{"type": "gutter", "gutter": true}"#), renderer: renderer)
            .hasPrefix("spec.json: layout.gutter: expected a positive length with a unit"))
        // And the standard renderer still knows nothing of it.
        #expect(failure(try specFile("", layout: #"{"type": "gutter"}"#)).contains("unknown layout 'gutter'"))
    }

    @Test func scaleOptionsBelongToTheirScale() throws {
        let linear = failure(try specFile(#", "scale": {"type": "linear", "gamma": 0.5}"#))
        #expect(linear == "spec.json: scale.gamma: the 'linear' scale has no option 'gamma' (it has no options; 'gamma' is an option of the 'pow' scale)")
        #expect(failure(try specFile(#", "scale": {"type": "symlog", "center": 0}"#))
            .hasPrefix("spec.json: scale.center: the 'symlog' scale has no option 'center' (its options: linthresh; 'center' is an option of the 'diverging' scale)"))
        #expect(failure(try specFile(#", "scale": {"type": "pow", "gama": 0.5}"#)).contains("scale.gama: the 'pow' scale has no option 'gama'; did you mean 'gamma'?"))
        // The core's keys go with every scale, and each scale takes its own.
        for scale in [#"{"type": "pow", "gamma": 0.3, "domain": [0, "max"], "clamp": false}"#, #"{"type": "diverging", "center": 0.45, "over": "extend"}"#,
                      #"{"type": "symlog", "linthresh": 0.1, "under": "auto"}"#] {
            #expect(failure(try specFile(#", "scale": \#(scale)"#)) == "no error", "\(scale)")
        }
        // `--scale` swaps the family without editing the spec: the spec's scale options go with
        // its own scale (the gallery's pow example sets gamma).
        let pow = packageRoot.appendingPathComponent("examples/gallery/per-panel-scales.json")
        let swapped = SpecOverrides(scale: "linear").applied(to: try FigureSpec.load(from: pow))
        #expect(swapped.scale.type == "linear" && swapped.scale.options.isEmpty && !swapped.scale.shared)
        #expect(SpecOverrides(scale: "POW").applied(to: try FigureSpec.load(from: pow)).scale.gamma == 0.5)
        let out = temporaryFolder().appendingPathComponent("linear.png")
        let result = try heatgrid(["render", pow.path, "--scale", "linear", "-o", out.path, "--dpi", "72"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func dataOptionsBelongToTheSource() throws {
        let folder = temporaryFolder()
        // Checked before the file is read: the file need not even exist.
        let npy = try write(#"{"data": {"path": "heads.npy", "value": "importance"}}"#, to: "spec.json", in: folder)
        #expect(failure(npy) == "spec.json: data.value: the 'npy' source has no option 'value' (its options: rowLabels, columnLabels; 'value' is an option of the 'csv' source)")
        let inspect = try heatgrid(["inspect", "spec.json"], in: folder)
        #expect(inspect.status == 1 && inspect.stderr.contains("spec.json: data.value: the 'npy' source has no option 'value'"), "\(inspect.stderr)")
        let matrix = try write(#"{"data": {"path": "m.txt", "format": "matrix", "missing": "bad"}}"#, to: "m.json", in: folder)
        #expect(failure(matrix).contains("data.missing: the 'matrix' source has no option 'missing'"))
        let typo = try specFile("").deletingLastPathComponent().appendingPathComponent("spec.json")
        try Data(String(contentsOf: typo, encoding: .utf8).replacingOccurrences(of: "\"column\":", with: "\"colum\":").utf8).write(to: typo)
        #expect(failure(typo).contains("data.colum: the 'csv' source has no option 'colum'; did you mean 'column'? (its options: panel, row, column, value, categories, missing)"))
    }

    @Test func theSVGSectionBelongsToTheSVGBackend() throws {
        let url = try specFile(#", "svg": {"txt": "text"}"#)
        let result = try heatgrid(["render", "spec.json", "-o", "out.png"], in: url.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stderr.contains("spec.json: svg.txt: the 'svg' backend has no option 'txt'; did you mean 'text'?"), "\(result.stderr)")
        let good = try specFile(#", "svg": {"text": "text"}"#)
        let rendered = try heatgrid(["render", "spec.json", "-o", "out.svg"], in: good.deletingLastPathComponent())
        #expect(rendered.status == 0, "\(rendered.stderr)")
    }

    @Test func describeListsEveryPluginWithItsOptions() throws {
        let all = try heatgrid(["describe"])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        // Grouped by kind, in this order.
        let headings = ["sources (", "scales (", "colormap importers (", "layouts (", "backends ("].map { heading in
            lines.firstIndex { $0.hasPrefix(heading) } ?? -1
        }
        #expect(!headings.contains(-1) && headings == headings.sorted(), "\(all.stdout)")
        // grid's rows option: name, type, default and doc on one line, under the grid's heading.
        let grid = try #require(lines.firstIndex { $0.hasPrefix("  grid: panels in a rows x columns grid") }, "\(all.stdout)")
        let rows = try #require(lines[grid...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rows ") })
        #expect(rows.contains("integer") && rows.contains("enough for the panels")
                && rows.contains("grid rows (with only columns given: as many as the panels need)"), "\(rows)")
        for expected in ["gamma  number  0.5", "missing     error|bad  error", "text  paths|text  paths", "csv (.csv, .tsv, .txt): ",
                         "areas  [string]  —"] {
            #expect(all.stdout.contains(expected), "\(expected) in \(all.stdout)")
        }

        let one = try heatgrid(["describe", "layout", "grid"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("layout grid: panels in a rows x columns grid"))
        #expect(one.stdout.contains("option   type        default                description\n  rows     integer"), "\(one.stdout)")
        #expect(!one.stdout.contains("template"))
        let byFormat = try heatgrid(["describe", "backend", "svg"])
        #expect(byFormat.status == 0 && byFormat.stdout.hasPrefix("backend png, pdf, svg: "))
        let kind = try heatgrid(["describe", "scales"])
        #expect(kind.status == 0 && kind.stdout.hasPrefix("scales (") && !kind.stdout.contains("layouts ("))
    }

    @Test func describeRefusesUnknownKindsAndNames() throws {
        let nope = try heatgrid(["describe", "layout", "nope"])
        #expect(nope.status != 0 && nope.stdout.isEmpty)
        #expect(nope.stderr == "heatgrid: error: unknown layout 'nope'; available: auto, column, grid, row, template\n")
        let typo = try heatgrid(["describe", "layout", "gird"])
        #expect(typo.status != 0)
        #expect(typo.stderr == "heatgrid: error: unknown layout 'gird'; did you mean 'grid'? available: auto, column, grid, row, template\n")
        let kind = try heatgrid(["describe", "layuot", "grid"])
        #expect(kind.status != 0)
        #expect(kind.stderr == "heatgrid: error: unknown plugin kind 'layuot'; did you mean 'layout'? available: backend, colormap-importer, layout, mark, scale, source\n")
        let scale = try heatgrid(["describe", "scale", "pwo"])
        #expect(scale.status != 0 && scale.stderr.contains("unknown scale 'pwo'; did you mean 'pow'?"), "\(scale.stderr)")
    }
}
