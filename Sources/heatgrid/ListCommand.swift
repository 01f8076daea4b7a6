import ArgumentParser
import HeatGrid

/// `heatgrid list`: what the registry holds, with where runtime plugins' entries came from.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the registered data sources, scales, colormaps, layouts and output formats.")

    @Option(help: "A plugin library (.so) to load, or a folder of them; repeat for several (also: HEATGRID_PLUGIN_PATH).")
    var plugin: [String] = []

    func run() throws {
        var registry = try reportingErrors { try Renderer.fromEnvironment().registry }
        try reportingErrors { try registry.loadPlugins(commandLine: plugin) }
        /// `name`, followed by the library it came from when that is not the built-ins.
        func shown(_ kind: String, _ name: String, _ label: String? = nil) -> String {
            let origin = registry.origin(of: kind, name)
            return (label ?? name) + (origin == PluginAPI.builtInOrigin ? "" : " [from \(origin)]")
        }
        print("sources:   " + registry.sources.map {
            shown("source", $0.format, $0.fileExtensions.isEmpty ? "\($0.format) (data.format only)"
                  : "\($0.format) (.\($0.fileExtensions.joined(separator: ", .")))")
        }.joined(separator: ", "))
        print("scales:    " + registry.scales.keys.sorted().map { shown("scale", $0) }.joined(separator: ", "))
        // Hundreds of built-in names: count them (`heatgrid colormaps` lists them) and name the others.
        let builtInColormaps = registry.colormaps.keys.filter { registry.origin(of: "colormap", $0) == PluginAPI.builtInOrigin }
        let addedColormaps = registry.colormaps.keys.filter { !builtInColormaps.contains($0) }.sorted()
        print("colormaps: \(builtInColormaps.count) built-in names (heatgrid colormaps lists them)"
              + addedColormaps.map { ", " + shown("colormap", $0) }.joined())
        print("layouts:   " + registry.layouts.keys.sorted().map { shown("layout", $0) }.joined(separator: ", "))
        print("formats:   " + registry.backends.flatMap(\.formats).map { shown("backend", $0) }.joined(separator: ", "))
        let libraries = Set(registry.origins.values).subtracting([PluginAPI.builtInOrigin]).sorted()
        if !libraries.isEmpty {
            print("plugins:   " + libraries.joined(separator: ", "))
        }
    }
}
