import Foundation
import HeatGrid
import Testing

/// Named row and column keys from the command line: long-form CSV names, JSON labels and NumPy
/// labels (from the spec, or a label file beside it) reach the dataset, `inspect` shows them,
/// and figures with labels render as before (drawing does not use them yet).
@Suite struct NamedKeysTests {
    @Test func modelsByBenchmarksFromTheCommandLine() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "run,model,benchmark,score\n"
        let models = ["llama-3-8b", "mistral-7b", "qwen2-7b", "gemma-2-9b", "phi-3-mini", "olmo-2-7b", "falcon-7b"]
        let benchmarks = ["gsm8k", "mmlu", "arc", "hellaswag"]
        for (k, run) in ["seed 1", "seed 2"].enumerated() {
            // The second run lists its models in reverse: the rows still line up by name.
            for model in k == 0 ? models : models.reversed() {
                for (b, benchmark) in benchmarks.enumerated() { csv += "\(run),\(model),\(benchmark),\(Double(b * 10 + k) + 0.5)\n" }
            }
        }
        try write(csv, to: "scores.csv", in: folder)
        let spec = try write("""
            {"data": {"path": "scores.csv", "panel": "run", "row": "model", "column": "benchmark", "value": "score"},
             "layout": {"rows": 1, "columns": 2}, "size": {"width": "160mm", "height": "70mm"}}
            """, to: "spec.json", in: folder)

        let inspect = try heatgrid(["inspect", spec.path])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout == """
            2 panels; rows are 'model', columns 'benchmark', values 'score'
              row labels: "llama-3-8b", "mistral-7b", "qwen2-7b", "gemma-2-9b", "phi-3-mini", ... (7 in all)
              column labels: "gsm8k", "mmlu", "arc", "hellaswag"
              seed 1: 7x4, 0.5 ... 30.5, 0 bad
              seed 2: 7x4, 1.5 ... 31.5, 0 bad

            """)

        let dataset = try Renderer.standard.loadData(try FigureSpec.load(from: spec).data, relativeTo: folder)
        #expect(dataset.panels.allSatisfy { $0.rowLabels == models && $0.columnLabels == benchmarks })
        #expect(dataset.panels[1].matrix[0, 1] == 11.5)

        let outputs = ["png", "pdf", "svg"].map { folder.appendingPathComponent("out.\($0)") }
        let render = try heatgrid(["render", spec.path] + outputs.flatMap { ["-o", $0.path] })
        #expect(render.status == 0, "\(render.stderr)")
        for output in outputs { #expect(FileManager.default.fileExists(atPath: output.path)) }
    }

    @Test func everyColumnKeepsItsNameInANarrowColumn() throws {
        // Twelve models by eight benchmarks at a journal's single column (89 mm): the names, set
        // upright, are a little taller than a column is wide. They shrink (at most to 75%) rather
        // than lose every other name.
        let specURL = packageRoot.appendingPathComponent("examples/gallery/models-benchmarks.json")
        var spec = try FigureSpec.load(from: specURL)
        spec.size.width = Length(points: 89 * 72 / 25.4)
        let figure = try Renderer.standard.figure(for: spec, baseURL: specURL.deletingLastPathComponent())
        let names = figure.scene.texts.filter { $0.role == "x-tick" }
        let benchmarks = try #require(figure.dataset.panels[0].columnLabels)
        #expect(names.map { $0.text } == benchmarks)
        let tickSize = Theme.paper.tickLabelSize
        #expect(names.allSatisfy { $0.font.size < tickSize && $0.font.size >= 0.75 * tickSize && $0.angle == 90 })
        // Each name stands over its own column, clear of its neighbours (boxes side by side).
        let sorted = names.sorted { $0.bounds.minX < $1.bounds.minX }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.bounds.maxX <= $1.bounds.minX })
    }

    @Test func namedKeyErrorsNameTheFileAndPlace() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("model,benchmark,score\na,x,1\nb,x,2\na,y,3\nb,x,4\n", to: "d.csv", in: folder)
        try write("model,benchmark,score\na,x,1\nb,x,2\na,y,3\n", to: "gap.csv", in: folder)
        for (file, expected) in [("d.csv", "heatgrid: error: d.csv:5:1: duplicate cell (model 'b', benchmark 'x'); first given on line 3\n"),
                                 ("gap.csv", "heatgrid: error: gap.csv: the data has no value for model 'b' and benchmark 'y' (1 cells missing); give every cell, or set \"missing\": \"bad\" in the spec's data section to draw gaps in the bad colour\n")] {
            try write(#"{"data": {"path": "\#(file)", "row": "model", "column": "benchmark", "value": "score"}}"#,
                      to: "spec.json", in: folder)
            let result = try heatgrid(["inspect", "spec.json"], in: folder)
            #expect(result.status == 1 && result.stderr == expected, "\(result.stderr)")
        }
    }

    @Test func integerKeysHaveNoLabels() throws {
        let dataset = try Renderer.standard.loadData(try FigureSpec.load(from: flagshipSpec).data,
                                                     relativeTo: flagshipSpec.deletingLastPathComponent())
        #expect(!dataset.hasLabels)
        let inspect = try heatgrid(["inspect", flagshipSpec.path])
        #expect(inspect.status == 0 && !inspect.stdout.contains("labels"))
    }

    /// JSON labels, and NumPy labels from a text file: relative to the spec, not the data file.
    @Test func jsonAndNumPyLabels() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try write(#"{"rowLabels": ["L0", "L1"], "panels": [{"title": "A", "values": [[1, 2, 3], [4, 5, 6]], "columnLabels": ["q", "k", "v"]}]}"#,
                  to: "data/m.json", in: folder)
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }".utf8)
        header += Array(repeating: UInt8(ascii: " "), count: 128 - 10 - header.count - 1) + [UInt8(ascii: "\n")]
        var npy: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header
        for value in [0.5, 1.5, 2.5, 3.5, -1, 7] { npy += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        try Data(npy).write(to: folder.appendingPathComponent("data/m.npy"))
        try write("embedding\nblock 1\n", to: "layers.txt", in: folder)
        try write(#"{"data": {"path": "data/m.json"}}"#, to: "json.json", in: folder)
        try write(#"{"data": {"path": "data/m.npy", "rowLabels": "layers.txt", "columnLabels": ["q", "k", "v"]}}"#, to: "npy.json", in: folder)

        let json = try heatgrid(["inspect", "json.json"], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("  row labels: \"L0\", \"L1\"\n  column labels: \"q\", \"k\", \"v\"\n  A: 2x3"), "\(json.stdout)")
        let npyResult = try heatgrid(["inspect", "npy.json"], in: folder)
        #expect(npyResult.status == 0, "\(npyResult.stderr)")
        #expect(npyResult.stdout.contains("  row labels: \"embedding\", \"block 1\"\n  column labels: \"q\", \"k\", \"v\"\n"), "\(npyResult.stdout)")
        let render = try heatgrid(["render", "npy.json", "-o", "out.png"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")

        try write(#"{"data": {"path": "data/m.npy", "columnLabels": ["q", "k"]}}"#, to: "short.json", in: folder)
        let short = try heatgrid(["inspect", "short.json"], in: folder)
        #expect(short.status == 1)
        #expect(short.stderr == "heatgrid: error: short.json: data.columnLabels: 2 labels, but the array has 3 columns; give one label per column\n")
        try write(#"{"data": {"path": "data/m.json", "rowLabels": ["a", "b"]}}"#, to: "wrong.json", in: folder)
        let wrong = try heatgrid(["inspect", "wrong.json"], in: folder)
        #expect(wrong.status == 1 && wrong.stderr.contains("data.rowLabels: the 'json' source has no option 'rowLabels'"), "\(wrong.stderr)")
    }
}
