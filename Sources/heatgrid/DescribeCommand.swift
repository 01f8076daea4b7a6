import ArgumentParser
import HeatGrid

/// `heatgrid describe [KIND [NAME]]`: every registered plugin (or one kind, or one plugin) with
/// its summary and the options it reads from the spec.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe the registered plugins and the spec options each one reads.",
        discussion: "Kinds: source, scale, colormap-importer, layout, backend. Examples: `heatgrid describe`, `heatgrid describe layout`, `heatgrid describe layout grid`.")

    @Argument(help: "Only plugins of this kind: source, scale, colormap-importer, layout or backend.")
    var kind: String?

    @Argument(help: "Only the plugin of that kind answering to this name (a type, format or file extension).")
    var name: String?

    @Option(help: "A plugin library (.so) to load, or a folder of them; repeat for several (also: HEATGRID_PLUGIN_PATH).")
    var plugin: [String] = []

    func run() throws {
        var registry = try reportingErrors { try Renderer.fromEnvironment().registry }
        try reportingErrors { try registry.loadPlugins(commandLine: plugin) }
        let kinds = try reportingErrors { try kind.map { [try PluginRegistry.pluginKind(named: $0)] } ?? PluginKind.allCases }
        if let name, let kind = kinds.first {
            let plugin = try reportingErrors { try registry.description(of: kind, named: name) }
            print(Self.heading(plugin) + (plugin.summary.isEmpty ? "" : ": " + plugin.summary))
            print("  answers to " + kind.answersTo)
            print(Self.table(plugin.options, header: true, indent: "  "))
            return
        }
        for (index, kind) in kinds.enumerated() {
            if index > 0 { print("") }
            print("\(kind.plural) (\(kind.answersTo)):")
            for plugin in registry.descriptions(of: kind) {
                print("  " + Self.heading(plugin, withKind: false) + (plugin.summary.isEmpty ? "" : ": " + plugin.summary))
                print(Self.table(plugin.options, header: false, indent: "      "))
            }
        }
    }

    /// "layout grid", "source csv (.csv, .tsv, .txt)", with the library a runtime plugin came from.
    static func heading(_ plugin: PluginDescription, withKind: Bool = true) -> String {
        var text = (withKind ? "\(plugin.kind) " : "") + plugin.names.joined(separator: ", ")
        if !plugin.fileExtensions.isEmpty { text += " (." + plugin.fileExtensions.joined(separator: ", .") + ")" }
        if plugin.origin != PluginAPI.builtInOrigin { text += " [from \(plugin.origin)]" }
        return text
    }

    /// The options as aligned columns: name, type, default, doc.
    static func table(_ options: [PluginOption], header: Bool, indent: String) -> String {
        guard !options.isEmpty else { return indent + "(no options)" }
        var rows = options.map { [$0.name, "\($0.kind)", $0.defaultValue, $0.doc] }
        if header { rows.insert(["option", "type", "default", "description"], at: 0) }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            indent + (0..<3).map { row[$0].padded(to: widths[$0]) }.joined(separator: "  ") + "  " + row[3]
        }.joined(separator: "\n")
    }
}

private extension String {
    func padded(to length: Int) -> String { self + String(repeating: " ", count: max(0, length - count)) }
}
