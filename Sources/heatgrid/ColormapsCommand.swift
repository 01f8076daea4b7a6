import ArgumentParser
import Foundation
import HeatGrid

/// `heatgrid colormaps [-o sheet.png]`: every registered colormap by name, or a reference sheet.
struct ColormapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colormaps",
        abstract: "List the colormaps, or draw a reference sheet of them (name, gradient, reversed gradient).")

    @Option(name: [.short, .customLong("output")], help: "Write a sheet (.png, .pdf or .svg) instead of listing names.")
    var output: String?

    @Option(help: "Also show the colormap files in this folder (.csv, .json, .cpt).")
    var folder: String?

    @Option(help: "PNG resolution in dots per inch.")
    var dpi: Double = 150

    @Option(help: "A plugin library (.so) to load, or a folder of them; repeat for several (also: HEATGRID_PLUGIN_PATH).")
    var plugin: [String] = []

    func run() throws {
        try reportingErrors {
            var renderer = try Renderer.fromEnvironment()
            try renderer.registry.loadPlugins(commandLine: plugin)
            var colormaps = renderer.registry.colormaps.values.sorted { $0.name < $1.name }
            if let folder { colormaps += try renderer.colormaps(inFolder: URL(fileURLWithPath: folder)) }
            guard let output else {
                for colormap in colormaps { print(colormap.name) }
                return
            }
            guard let measurer = renderer.registry.textMeasurer else {
                throw HeatGridError.layout(message: "no text measurer registered")
            }
            let scene = try ColormapSheet(colormaps: colormaps, measurer: measurer).scene()
            try renderer.write(scene, to: [URL(fileURLWithPath: output)],
                               options: RenderOptions(dpi: dpi, title: "HeatGrid colormaps"))
        }
    }
}
