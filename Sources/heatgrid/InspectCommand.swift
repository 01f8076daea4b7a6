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

    @Flag(help: "Also print how long loading the data took, and its throughput.")
    var timing = false

    func run() throws {
        try reportingErrors {
            let url = URL(fileURLWithPath: spec)
            let figureSpec = try FigureSpec.load(from: url, displayPath: spec)
            let renderer = try Renderer.fromEnvironment()
            let started = ContinuousClock.now
            let dataset = try renderer.loadData(figureSpec.data, relativeTo: url.deletingLastPathComponent(), specFile: spec)
            let elapsed = ContinuousClock.now - started
            print("\(dataset.panels.count) panels; rows are '\(dataset.rowName)', columns '\(dataset.columnName)', values '\(dataset.valueName)'")
            // Row and column labels, when there are any: once when every panel has the same,
            // else under each panel.
            let first = dataset.panels.first
            let shared = dataset.panels.allSatisfy { $0.rowLabels == first?.rowLabels && $0.columnLabels == first?.columnLabels }
            func printLabels(of panel: Panel, indent: String) {
                if let labels = panel.rowLabels { print("\(indent)row labels: \(Self.preview(labels))") }
                if let labels = panel.columnLabels { print("\(indent)column labels: \(Self.preview(labels))") }
            }
            if shared, let first { printLabels(of: first, indent: "  ") }
            for panel in dataset.panels {
                let bad = panel.matrix.values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
                let range = panel.matrix.finiteExtent.map { "\($0.lowerBound) ... \($0.upperBound)" } ?? "no finite values"
                print("  \(panel.title.isEmpty ? "(untitled)" : panel.title): \(panel.matrix.rows)x\(panel.matrix.columns), \(range), \(bad) bad")
                if !shared { printLabels(of: panel, indent: "    ") }
            }
            if timing {
                let file = url.deletingLastPathComponent().resolvingSpecPath(figureSpec.data.path).path
                let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1e6
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print(String(format: "loaded %.1f MB in %.0f ms (%.0f MB/s)", megabytes, seconds * 1000, megabytes / seconds))
            }
        }
    }

    /// The first few labels, quoted: `"llama-3", "mistral-7b", ... (12 in all)`.
    static func preview(_ labels: [String], count: Int = 5) -> String {
        let shown = labels.prefix(count).map { label -> String in
            let short = label.count > 40 ? label.prefix(39) + "…" : Substring(label)
            return "\"\(short)\""
        }.joined(separator: ", ")
        return labels.count > count ? "\(shown), ... (\(labels.count) in all)" : shown
    }
}
