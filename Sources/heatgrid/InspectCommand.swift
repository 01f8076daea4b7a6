import ArgumentParser
import Foundation
import HeatGrid

/// `heatgrid inspect SPEC`: what HeatGrid read from a spec's data, without drawing anything.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load a spec's data and print its panels: shape, value range and bad cells.")

    @Argument(help: "The figure spec (JSON).")
    var spec: String

    func run() throws {
        try reportingErrors {
            let url = URL(fileURLWithPath: spec)
            let figureSpec = try FigureSpec.load(from: url, displayPath: spec)
            let dataset = try Renderer.fromEnvironment().loadData(figureSpec.data, relativeTo: url.deletingLastPathComponent())
            print("\(dataset.panels.count) panels; rows are '\(dataset.rowName)', columns '\(dataset.columnName)', values '\(dataset.valueName)'")
            for panel in dataset.panels {
                let bad = panel.matrix.values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
                let range = panel.matrix.finiteExtent.map { "\($0.lowerBound) ... \($0.upperBound)" } ?? "no finite values"
                print("  \(panel.title.isEmpty ? "(untitled)" : panel.title): \(panel.matrix.rows)x\(panel.matrix.columns), \(range), \(bad) bad")
            }
        }
    }
}
