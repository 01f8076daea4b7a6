import CairoBackend
import Colormaps
import Foundation
import HeatGrid
import Testing
import TestSupport

/// The colormap library end to end: `--colormap NAME` through the CLI draws the published table
/// (fixtures from scripts/generate-colormaps.py, a sample from every source and kind), and
/// `heatgrid colormaps` lists and draws the library by kind.
@Suite struct ColormapLibraryTests {
    /// One 16x16 panel whose cell i (row-major) holds (i + 0.5) / 256 on the domain [0, 1], so a
    /// 256-entry map shows each entry once, in order, and an N-colour map entry Int(t * N).
    static func gradientFolder() throws -> URL {
        let folder = temporaryFolder()
        var csv = "r,c,v\n"
        for i in 0..<256 { csv += "\(i / 16),\(i % 16),\((Double(i) + 0.5) / 256)\n" }
        try write(csv, to: "ramp.csv", in: folder)
        return folder
    }

    static let spec = #"{"data": {"path": "ramp.csv", "row": "r", "column": "c", "value": "v"}, "scale": {"domain": [0, 1]}, "size": {"width": "70mm", "height": "60mm"}}"#

    static let reversedToo: Set<String> = ["batlow", "vik", "Set1", "fire", "thermal", "tab10"]

    @Test(arguments: PublishedColormaps.fixture.colormaps.map(\.name))
    func cliDrawsThePublishedTable(name: String) throws {
        let table = try #require(PublishedColormaps.fixture.colormaps.first { $0.name == name })
        let folder = try Self.gradientFolder()
        for reversed in Self.reversedToo.contains(name) ? [false, true] : [false] {
            let requested = reversed ? name.uppercased() + "_r" : name
            let (figure, png) = try renderThroughCLI(Self.spec, in: folder, extra: ["--colormap", requested])
            let count = table.colors.count
            for i in 0..<256 {
                let t = (Double(i) + 0.5) / 256
                let entry = min(Int((reversed ? 1 - t : t) * Double(count)), count - 1)
                let pixel = try cellPixel(figure, png: png, dpi: 100, panel: 0, row: i / 16, column: i % 16)
                let drawn = [pixel.red, pixel.green, pixel.blue].map { UInt8(($0 * 255).rounded()) }
                #expect(drawn == table.bytes(entry), "\(requested): cell \(i) should be entry \(entry)")
            }
        }
    }

    @Test func listingGroupsByKindWithSources() throws {
        let result = try heatgrid(["colormaps"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let headers = lines.filter { !$0.hasPrefix(" ") && $0.contains("(") && !$0.contains("colormaps,") }
        #expect(headers.map { String($0.prefix { $0 != " " }) } == ["sequential", "diverging", "cyclic", "qualitative"])
        func line(_ name: String) -> [String] {
            (lines.first { $0.split(separator: " ").first.map(String.init) == name } ?? "").split(separator: " ").map(String.init)
        }
        #expect(line("batlow") == ["batlow", "crameri", "256", "colours"])
        #expect(line("Set1") == ["Set1", "colorbrewer", "9", "colours"])
        #expect(line("fire") == ["fire", "colorcet", "256", "colours", "also", "CET_L3"])
        #expect(lines.last == "\(BuiltInColormaps.all.count) colormaps, \(BuiltInColormaps.all.count + BuiltInColormaps.aliases.values.joined().count) names; each also reversed with _r")
    }

    @Test func kindFilterListsOnlyThatKind() throws {
        let result = try heatgrid(["colormaps", "--kind", "diverging"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.split(separator: " ")[0]) }
        let diverging = BuiltInColormaps.all.filter { $0.kind == .diverging }.map(\.name)
        #expect(Set(names) == Set(diverging) && names.count == diverging.count)
        #expect(names.contains("vik") && names.contains("RdBu") && names.contains("balance") && !names.contains("viridis"))
        #expect(try heatgrid(["colormaps", "--kind", "rainbow"]).status != 0)
    }

    @Test func sheetDrawsEveryMapUnderItsGroup() throws {
        let measurer = try #require(Renderer.standard.registry.textMeasurer)
        let scene = try ColormapSheet(catalog: ColormapCatalog(PluginRegistry.standard), measurer: measurer).scene()
        #expect(SceneCheck.problems(in: scene).isEmpty, "\(SceneCheck.problems(in: scene).prefix(3))")
        #expect(scene.texts.filter { $0.role == "colormap-name" }.count == BuiltInColormaps.all.count)
        #expect(scene.texts.filter { $0.role == "colormap-group" }.map(\.text).contains("Qualitative · colorbrewer (8)"))
        // A qualitative map is drawn as its own colours, not 256.
        let gradients = scene.items.compactMap { if case .gradient(let g) = $0 { g } else { nil } }
        #expect(gradients.count == BuiltInColormaps.all.count)
        #expect(gradients.contains { $0.colors.count == 9 && $0.colors[0] == BuiltInColormaps.named("Set1")!.colors[0] })

        let folder = temporaryFolder()
        let png = folder.appendingPathComponent("sheet.png").path
        let result = try heatgrid(["colormaps", "--kind", "cyclic", "-o", png])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try #require(RasterImage(pngFile: png))
        #expect(image.width == 1500 && image.height > 200)
    }
}
