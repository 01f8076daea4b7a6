import ArgumentParser
import HeatGrid

/// `heatgrid list`: what the registry holds.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the registered data sources, scales, colormaps, layouts and output formats.")

    func run() {
        let registry = PluginRegistry.standard
        print("sources:   " + registry.sources.map { "\($0.format) (.\($0.fileExtensions.joined(separator: ", .")))" }
            .joined(separator: ", "))
        print("scales:    " + registry.scales.keys.sorted().joined(separator: ", "))
        print("colormaps: " + registry.colormaps.keys.sorted().joined(separator: ", "))
        print("layouts:   " + registry.layouts.keys.sorted().joined(separator: ", "))
        print("formats:   " + registry.backends.flatMap(\.formats).joined(separator: ", "))
    }
}
