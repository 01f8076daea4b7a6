import CairoBackend
import Foundation
import HeatGrid
import Testing

/// Runtime plugins end to end: the example plugin packages are built with `swift build` against
/// this checkout, then the `heatgrid` tool loads them with `--plugin`, `HEATGRID_PLUGIN_PATH` and a
/// spec's `"plugins"`. Libraries that are not plugins, or are built for another plugin API
/// version, are refused with one clear line.
@Suite(.serialized) struct RuntimePluginTests {
    /// A program on PATH, or nil.
    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let swift = onPath("swift")
    static let cc = onPath("cc") ?? onPath("gcc") ?? onPath("clang")

    /// Runs `executable` with extra environment variables, collecting its output.
    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
                    in folder: URL? = nil) throws -> ProcessResult {
        try HeatGridTests.run(executable, arguments, environment: extra, in: folder)
    }

    /// A build folder for the examples that survives between test runs (so only the first run
    /// compiles HeatGridCore for them), one per checkout.
    static var exampleWorkspace: URL {
        let hash = packageRoot.path.utf8.reduce(UInt64(5381)) { ($0 &* 33) ^ UInt64($1) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("heatgrid-plugin-examples-\(String(hash, radix: 16))")
    }

    /// Copies `examples/<name>` (manifest and sources) into the workspace with its HeatGrid
    /// dependency pointing at this checkout, so the build leaves nothing in the repository.
    static func stageExample(_ name: String) throws -> URL {
        let source = packageRoot.appendingPathComponent("examples/\(name)")
        let staged = exampleWorkspace.appendingPathComponent(name)
        let manager = FileManager.default
        try? manager.removeItem(at: staged.appendingPathComponent("Sources"))
        try manager.createDirectory(at: staged, withIntermediateDirectories: true)
        try manager.copyItem(at: source.appendingPathComponent("Sources"), to: staged.appendingPathComponent("Sources"))
        let manifest = try String(contentsOf: source.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#"path: "../..""#), "the example should depend on the checkout as ../..")
        try Data(manifest.replacingOccurrences(of: #"path: "../..""#, with: "path: \"\(packageRoot.path)\"").utf8)
            .write(to: staged.appendingPathComponent("Package.swift"))
        return staged
    }

    /// The first bytes of a PNG and its pixel size from the IHDR chunk.
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int)? {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let be = { (i: Int) in bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test(.enabled(if: swift != nil, "`swift` is not on PATH, so the example plugins cannot be built"),
          .timeLimit(.minutes(30)))
    func examplePluginsBuildLoadAndRender() throws {
        // 1. Build both example packages as separate packages, in one scratch folder.
        let scratch = Self.exampleWorkspace.appendingPathComponent("build")
        for name in ["custom-layout", "colormap-plugin", "mark-plugin"] {
            let package = try Self.stageExample(name)
            let arguments = ["build", "--package-path", package.path, "--scratch-path", scratch.path]
            var build = try Self.run(Self.swift!, arguments)
            if build.status != 0 {
                // A scratch folder kept from an older checkout can hold a stale build plan: start afresh once.
                try? FileManager.default.removeItem(at: scratch)
                build = try Self.run(Self.swift!, arguments)
            }
            try #require(build.status == 0, "swift build of examples/\(name) failed:\n\(build.stdout)\n\(build.stderr)")
        }
        let products = scratch.appendingPathComponent("debug")
        let layoutPlugin = products.appendingPathComponent("libFeatureLayout.so").path
        let colormapPlugin = products.appendingPathComponent("libSunsetColormap.so").path
        #expect(FileManager.default.fileExists(atPath: layoutPlugin))

        // 1b. The mark plugin: its dots land in the selected cells (white at the centre of each of
        //     the 40 most important heads of a task, the cell's own colour elsewhere).
        let markPlugin = products.appendingPathComponent("libDotMark.so").path
        let example = packageRoot.appendingPathComponent("examples/mark-plugin/spec.json")
        let dotsPNG = temporaryFolder().appendingPathComponent("dots.png")
        #expect(try heatgrid(["render", example.path, "--plugin", markPlugin, "-o", dotsPNG.path]).status == 0)
        // Without its legend entry the mark leaves the layout as it is: the same figure without the
        // mark (built here without the plugin) says where the cells are.
        let unlabelled = try String(contentsOf: example, encoding: .utf8)
            .replacingOccurrences(of: #", "legend": "dot area: importance""#, with: "")
            .replacingOccurrences(of: "../cognitive-heads/", with: packageRoot.path + "/examples/cognitive-heads/")
        let unlabelledSpec = try write(unlabelled, to: "dots.json", in: dotsPNG.deletingLastPathComponent())
        #expect(!unlabelled.contains("legend"))
        let dots = try heatgrid(["render", unlabelledSpec.path, "--plugin", markPlugin, "-o", dotsPNG.path, "--dpi", "150"])
        #expect(dots.status == 0, "\(dots.stderr)")
        if dots.status == 0 {
            var plain = try FigureSpec.load(from: unlabelledSpec)
            plain.marks = []
            let figure = try Renderer.standard.figure(for: plain, baseURL: unlabelledSpec.deletingLastPathComponent())
            let image = try #require(RasterImage(pngFile: dotsPNG.path))
            let panel = figure.dataset.panels[0], grid = figure.scene.cellGrids[0]
            let fortieth = panel.matrix.values.sorted(by: >)[39]
            var white = 0, top = 0
            for r in 0..<32 {
                for c in 0..<32 {
                    let centre = grid.center(row: r, column: c)
                    let p = image.pixel(x: Int(centre.x * 150 / 72), y: Int(centre.y * 150 / 72))
                    let isWhite = p.red > 0.95 && p.green > 0.95 && p.blue > 0.95
                    if panel.matrix[r, c] >= fortieth { top += 1; if isWhite { white += 1 } } else { #expect(!isWhite, "dot at (\(r), \(c))") }
                }
            }
            // The smallest of the top 40 may get a dot under a pixel: nearly all show.
            #expect(top >= 40 && white >= top - 3, "\(white) dots seen for \(top) selected cells")
        }

        // 2. `heatgrid list` shows the plugin's layout and where it came from.
        let list = try heatgrid(["list", "--plugin", layoutPlugin])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("feature [from \(layoutPlugin)]"), "\(list.stdout)")
        #expect(list.stdout.contains("grid"), "built-ins are still listed: \(list.stdout)")

        // 3. The example spec renders with the plugin's layout.
        let folder = temporaryFolder()
        let spec = packageRoot.appendingPathComponent("examples/custom-layout/spec.json").path
        let png = folder.appendingPathComponent("feature.png")
        let render = try heatgrid(["render", spec, "--plugin", layoutPlugin, "-o", png.path, "-o", folder.appendingPathComponent("feature.pdf").path])
        #expect(render.status == 0, "\(render.stderr)")
        let size = try Self.pngSize(png)
        #expect(size?.width == 2126 && size?.height == 1063, "180 x 90 mm at 300 dpi, found \(String(describing: size))")

        // Without the plugin the layout is unknown: the plugin really provided it.
        let without = try heatgrid(["render", spec, "-o", folder.appendingPathComponent("none.png").path])
        #expect(without.status == 1 && without.stderr.contains("unknown layout 'feature'"), "\(without.stderr)")

        // 4. A HeatGridError thrown inside the plugin is caught by the tool as one (one copy of
        //    the type on both sides): the usual one-line message, exit status 1.
        let badShape = try write(#"""
            {"data": {"path": "\#(packageRoot.path)/examples/cognitive-heads/cognitive-heads.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"},
             "layout": {"type": "feature", "rows": 1, "columns": 2}}
            """#, to: "bad-shape.json", in: folder)
        let refused = try heatgrid(["render", badShape.path, "--plugin", layoutPlugin, "-o", folder.appendingPathComponent("bad.png").path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "heatgrid: error: \(badShape.path): layout: a 1x2 grid of small multiples holds 2 panels but 7 follow the big one; raise layout.rows or layout.columns\n",
                "\(refused.stderr)")

        // 5. HEATGRID_PLUGIN_PATH names the build folder (the API library in it is skipped), and a
        //    spec's "plugins" are relative to the spec; the colormap plugin's map is used by name.
        let fromEnvironment = try Self.run(heatgridBinary, ["render", spec, "--colormap", "heatgrid-sunset_r", "-o",
                                                            folder.appendingPathComponent("env.png").path],
                                           environment: ["HEATGRID_PLUGIN_PATH": products.path])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        for library in [layoutPlugin, colormapPlugin, products.appendingPathComponent("libHeatGridPluginAPI.so").path] {
            try FileManager.default.copyItem(atPath: library, toPath: folder.appendingPathComponent("plugins/" + (library as NSString).lastPathComponent).path)
        }
        try write(#"""
            {"data": {"path": "\#(packageRoot.path)/examples/cognitive-heads/cognitive-heads.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"},
             "plugins": ["plugins"], "layout": {"type": "feature", "columns": 4}, "colormap": "heatgrid-sunset",
             "size": {"width": "180mm", "height": "60mm"}}
            """#, to: "with-plugins.json", in: folder)
        let fromSpec = try heatgrid(["render", "with-plugins.json", "-o", "spec.png"], in: folder)
        #expect(fromSpec.status == 0, "\(fromSpec.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("spec.png").path))

        // 6. The plugin's layout declares its options: `describe` lists them, and a key it does not
        //    take (the grid's `order`) is refused before the plugin runs, naming the key.
        let described = try heatgrid(["describe", "layout", "feature", "--plugin", layoutPlugin])
        #expect(described.status == 0, "\(described.stderr)")
        #expect(described.stdout.hasPrefix("layout feature [from \(layoutPlugin)]: the first panel big on the left"), "\(described.stdout)")
        let rows = described.stdout.split(separator: "\n").first { $0.hasPrefix("  rows ") }
        #expect(rows.map { $0.contains("integer") && $0.contains("rows of the small multiples' grid") } == true, "\(described.stdout)")
        let ordered = try write(#"""
            {"data": {"path": "\#(packageRoot.path)/examples/cognitive-heads/cognitive-heads.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"},
             "layout": {"type": "feature", "columns": 4, "order": "column"}}
            """#, to: "ordered.json", in: folder)
        let unordered = try heatgrid(["render", ordered.path, "--plugin", layoutPlugin, "-o", folder.appendingPathComponent("ordered.png").path])
        #expect(unordered.status == 1)
        #expect(unordered.stderr == "heatgrid: error: \(ordered.path): layout.order: the 'feature' layout has no option 'order' (its options: rows, columns, gap; 'order' is an option of the 'auto' layout and the 'grid' layout)\n",
                "\(unordered.stderr)")
        // Its own option is type-checked by the core: a gap that is not a length names the key.
        let wide = try write(#"""
            {"data": {"path": "\#(packageRoot.path)/examples/cognitive-heads/cognitive-heads.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"},
             "layout": {"type": "feature", "gap": "wide"}}
            """#, to: "wide.json", in: folder)
        let badGap = try heatgrid(["render", wide.path, "--plugin", layoutPlugin, "-o", folder.appendingPathComponent("wide.png").path])
        #expect(badGap.status == 1 && badGap.stderr.contains("layout.gap") && badGap.stderr.contains("length"), "\(badGap.stderr)")
    }

    /// Compiles C `source` into `lib<name>.so` in `folder` (a stand-in for a foreign plugin).
    static func compileC(_ source: String, name: String, in folder: URL) throws -> String {
        let file = try write(source, to: "\(name).c", in: folder)
        let library = folder.appendingPathComponent("lib\(name).so").path
        let result = try Self.run(cc!, ["-shared", "-fPIC", "-o", library, file.path])
        try #require(result.status == 0, "cc failed: \(result.stderr)")
        return library
    }

    @Test(.enabled(if: cc != nil, "no C compiler (cc, gcc or clang) on PATH to build the stand-in plugin"))
    func pluginBuiltForAnotherAPIVersionIsRefused() throws {
        let folder = temporaryFolder()
        // Exports both entry points; the register function would crash, so it must never be called.
        let library = try Self.compileC("""
            #include <stdlib.h>
            int heatgrid_plugin_api_version(void) { return 999; }
            void heatgrid_register_plugin(void *registry) { abort(); }
            """, name: "Future", in: folder)
        try write(BadInputTests.good, to: "d.csv", in: folder)
        try write(BadInputTests.spec, to: "spec.json", in: folder)
        for arguments in [["render", "spec.json", "-o", "out.png", "--plugin", library], ["list", "--plugin", library]] {
            let result = try heatgrid(arguments, in: folder)
            #expect(result.status == 1)
            #expect(result.stderr == "heatgrid: error: \(library): plugin built against HeatGrid plugin API 999, this heatgrid speaks \(PluginAPI.version); rebuild the plugin against this version\n",
                    "\(result.stderr)")
        }
        // The same refusal through the environment and through a spec's "plugins".
        let fromEnvironment = try Self.run(heatgridBinary, ["render", "spec.json", "-o", "out.png"],
                                           environment: ["HEATGRID_PLUGIN_PATH": folder.path], in: folder)
        #expect(fromEnvironment.status == 1 && fromEnvironment.stderr.contains("plugin API 999"), "\(fromEnvironment.stderr)")
        try write(BadInputTests.spec.replacingOccurrences(of: "{\"data\"", with: "{\"plugins\": [\"libFuture.so\"], \"data\""),
                  to: "spec-key.json", in: folder)
        let fromSpec = try heatgrid(["render", "spec-key.json", "-o", "out.png"], in: folder)
        #expect(fromSpec.status == 1 && fromSpec.stderr.contains("\(library): plugin built against HeatGrid plugin API 999"),
                "\(fromSpec.stderr)")
        #expect(!files(in: folder).contains("out.png"))
    }

    @Test(.enabled(if: cc != nil, "no C compiler (cc, gcc or clang) on PATH to build a non-plugin library"))
    func notAPluginIsAClearError() throws {
        let folder = temporaryFolder()
        let library = try Self.compileC("int unrelated(void) { return 0; }\n", name: "Unrelated", in: folder)
        let result = try heatgrid(["list", "--plugin", library])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("heatgrid: error: \(library): not a HeatGrid plugin: it exports no 'heatgrid_plugin_api_version' function"),
                "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func missingOrBrokenLibraryIsAClearError() throws {
        let folder = temporaryFolder()
        let junk = try write("not a shared library\n", to: "libJunk.so", in: folder)
        let cases: [(arguments: [String], expected: String)] = [
            (["list", "--plugin", folder.appendingPathComponent("libNope.so").path], "libNope.so: no such plugin library"),
            (["list", "--plugin", junk.path], "\(junk.path): cannot load plugin library: "),
        ]
        for c in cases {
            let result = try heatgrid(c.arguments)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("heatgrid: error: ") && result.stderr.contains(c.expected), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }
}
