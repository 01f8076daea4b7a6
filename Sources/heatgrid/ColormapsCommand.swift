import ArgumentParser
import Foundation
import HeatGrid

/// `heatgrid colormaps [--kind KIND] [-o sheet.png [--cvd NAME]]`: every registered colormap grouped
/// by kind, with its source, number of colours and aliases; or a reference sheet drawing them
/// (as seen with a colour-vision deficiency with `--cvd`).
struct ColormapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colormaps",
        abstract: "List the colormaps by kind with their sources, or draw a reference sheet of them.")

    @Option(name: [.short, .customLong("output")], help: "Write a sheet (.png, .pdf or .svg) instead of listing names.")
    var output: String?

    @Option(help: "Only colormaps of this kind: sequential, diverging, cyclic or qualitative.")
    var kind: ColormapKind?

    @Option(help: "Also show the colormap files in this folder (.csv, .json, .cpt).")
    var folder: String?

    @Option(help: "PNG resolution in dots per inch.")
    var dpi: Double = 150

    @Option(help: "Draw the sheet as seen with a colour-vision deficiency: deuteranopia, protanopia, tritanopia or grey.")
    var cvd: String?

    @Option(help: "A plugin library (.so) to load, or a folder of them; repeat for several (also: HEATGRID_PLUGIN_PATH).")
    var plugin: [String] = []

    func validate() throws {
        if let cvd, ColorVision(rawValue: cvd.lowercased()) == nil {
            throw ValidationError("--cvd: expected \(ColorVision.allCases.map(\.rawValue).joined(separator: ", ")), found '\(cvd)'")
        }
    }

    func run() throws {
        try reportingErrors {
            var renderer = try Renderer.fromEnvironment()
            try renderer.registry.loadPlugins(commandLine: plugin)
            if let folder {
                for colormap in try renderer.colormaps(inFolder: URL(fileURLWithPath: folder)) {
                    renderer.registry.register(colormap: colormap)
                }
            }
            let catalog = ColormapCatalog(renderer.registry, kind: kind)
            guard let output else {
                print(Self.listing(catalog), terminator: "")
                return
            }
            guard let measurer = renderer.registry.textMeasurer else {
                throw HeatGridError.layout(message: "no text measurer registered")
            }
            var scene = try ColormapSheet(catalog: catalog, measurer: measurer).scene()
            try SceneCheck.requireFits(scene)
            if let vision = cvd.flatMap({ ColorVision(rawValue: $0.lowercased()) }) { scene = scene.seen(as: vision) }
            try renderer.write(scene, to: [URL(fileURLWithPath: output)],
                               options: RenderOptions(dpi: dpi, title: "HeatGrid colormaps"))
        }
    }

    /// One block per kind: a `kind (count)` line, then a line per colormap with its name, source,
    /// number of colours and aliases, in aligned columns.
    static func listing(_ catalog: ColormapCatalog) -> String {
        let entries = catalog.entries
        let nameWidth = entries.map(\.colormap.name.count).max() ?? 0
        let sourceWidth = entries.map { ($0.colormap.source ?? "-").count }.max() ?? 0
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var text = ""
        var kinds: [ColormapKind?] = []
        for group in catalog.groups where !kinds.contains(group.kind) { kinds.append(group.kind) }
        for kind in kinds {
            let members = catalog.groups.filter { $0.kind == kind }.flatMap(\.entries)
            text += "\(kind?.rawValue ?? "unclassified") (\(members.count))\n"
            for entry in members {
                let colormap = entry.colormap
                var line = "  " + padded(colormap.name, nameWidth) + "  " + padded(colormap.source ?? "-", sourceWidth)
                line += "  " + padded("\(colormap.resolution) colours", 11)
                if !entry.aliases.isEmpty { line += "  also " + entry.aliases.joined(separator: ", ") }
                while line.hasSuffix(" ") { line.removeLast() }
                text += line + "\n"
            }
        }
        let names = entries.reduce(0) { $0 + 1 + $1.aliases.count }
        text += "\(entries.count) colormaps, \(names) names; each also reversed with _r\n"
        return text
    }
}

extension ColormapKind: ExpressibleByArgument {}
