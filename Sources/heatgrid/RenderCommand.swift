import ArgumentParser
import Dispatch
import Foundation
import HeatGrid

/// `heatgrid render SPEC.json -o FILE [-o FILE...]`, or many specs at once:
/// `heatgrid render a.json b.json specs/ --out-dir out --format png --format pdf`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figure specs to PNG, PDF, SVG or interactive HTML; the format comes from each file's extension.",
        discussion: """
            One spec: name its outputs with -o. Several specs (or folders of *.json specs): give --out-dir and
            --format; each spec becomes OUT-DIR/<spec name>.<format>, rendered in parallel on all cores.
            """)

    @Argument(help: "Figure specs (JSON) or folders of them. Data and theme paths in a spec are relative to it.")
    var specs: [String]

    @Option(name: [.short, .customLong("output")], help: "Output file (.png, .pdf, .svg or .html); repeat for several.")
    var outputs: [String] = []

    @Option(help: "Folder for batch outputs (several specs).")
    var outDir: String?

    @Option(help: "Format of batch outputs: png, pdf, svg or html; repeat for several (default png).")
    var format: [String] = []

    @Option(help: "PNG resolution in dots per inch, written into the file (default: the spec's dpi, else 300).")
    var dpi: Double?

    @Option(help: "Colormap name (viridis, magma_r, ...) or a colormap file (.csv, .json, .cpt).")
    var colormap: String?

    @Option(help: "Render the figure as seen with a colour-vision deficiency: deuteranopia, protanopia, tritanopia or grey.")
    var cvd: String?

    @Flag(help: "Do not print warnings (a colormap that is not perceptually uniform).")
    var quiet = false

    @Option(help: "Scale type: linear, log, pow, symlog, diverging.")
    var scale: String?

    @Option(help: "Lower end of the scale's domain.")
    var vmin: Double?

    @Option(help: "Upper end of the scale's domain.")
    var vmax: Double?

    @Option(help: "Centre value of a diverging scale.")
    var center: Double?

    @Option(help: "Theme name (paper, presentation, poster, dark, minimal) or a theme JSON file.")
    var theme: String?

    @Option(help: "Figure width: 180mm, 3.5in, 510pt, 2400px, or single / onehalf / double (journal columns).")
    var width: String?

    @Option(help: "Figure height, in the same units, or auto (follows from the width and the content).")
    var height: String?

    @Option(help: "A plugin library (.so) to load, or a folder of them; repeat for several (also: HEATGRID_PLUGIN_PATH).")
    var plugin: [String] = []

    func validate() throws {
        guard !specs.isEmpty else { throw ValidationError("give a figure spec (JSON)") }
        if outDir == nil {
            guard specs.count == 1 else { throw ValidationError("several specs need --out-dir DIR (and --format)") }
            guard !outputs.isEmpty else { throw ValidationError("give at least one output file with -o FILE.png|.pdf|.svg|.html") }
        } else if !outputs.isEmpty {
            throw ValidationError("use either -o FILE (one spec) or --out-dir DIR (several), not both")
        }
        if let cvd, ColorVision(rawValue: cvd.lowercased()) == nil {
            throw ValidationError("--cvd: expected \(ColorVision.allCases.map(\.rawValue).joined(separator: ", ")), found '\(cvd)'")
        }
        if let width, Length(parsing: width) == nil {
            throw ValidationError("--width: expected a length like 180mm, 3.5in, 2400px or single/onehalf/double, found '\(width)'")
        }
        if let height, FigureHeight(parsing: height) == nil {
            throw ValidationError("--height: expected a length like 80mm, 3.5in, 2400px, or auto, found '\(height)'")
        }
    }

    var overrides: SpecOverrides {
        SpecOverrides(colormap: colormap, scale: scale, vmin: vmin, vmax: vmax, center: center, theme: theme,
                      width: width.flatMap(Length.init(parsing:)), height: height.flatMap(FigureHeight.init(parsing:)))
    }

    func run() throws {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0
        let options = RenderOptions(creationDate: epoch)
        var renderer = try reportingErrors { try Renderer.fromEnvironment() }
        try reportingErrors { try renderer.registry.loadPlugins(commandLine: plugin) }
        guard let outDir else {
            let figure = try reportingErrors {
                try renderer.render(specAt: URL(fileURLWithPath: specs[0]), to: outputs.map { URL(fileURLWithPath: $0) },
                                    options: options, dpi: dpi, overrides: overrides, displayPath: specs[0], seenAs: vision)
            }
            if !quiet { warn(figure.warnings, about: specs[0]) }
            return
        }
        let jobs = try reportingErrors { try BatchJob.jobs(specs: specs, outDir: outDir, formats: format.isEmpty ? ["png"] : format) }
        let failures = BatchJob.runAll(jobs, renderer: renderer, options: options, dpi: dpi, overrides: overrides,
                                       vision: vision, quiet: quiet)
        if failures > 0 {
            FileHandle.standardError.write(Data("heatgrid: \(failures) of \(jobs.count) figures failed\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension RenderCommand {
    var vision: ColorVision? { cvd.flatMap { ColorVision(rawValue: $0.lowercased()) } }
}

/// Prints each of a figure's warnings as one line on stderr, naming its spec.
func warn(_ warnings: [String], about spec: String) {
    for warning in warnings { FileHandle.standardError.write(Data("heatgrid: warning: \(spec): \(warning)\n".utf8)) }
}

/// Runs `body`, printing HeatGrid errors as one clear line on stderr and exiting with status 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as HeatGridError {
        FileHandle.standardError.write(Data("heatgrid: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
