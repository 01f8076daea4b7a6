import ArgumentParser

/// `heatgrid`: publication-quality heatmap-grid figures from data files.
@main
struct HeatGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heatgrid",
        abstract: "Render heatmap-grid figures (PNG, PDF, SVG) from a JSON figure spec.",
        subcommands: [RenderCommand.self, InspectCommand.self, ColormapsCommand.self, ListCommand.self, DescribeCommand.self],
        defaultSubcommand: nil)
}
