import ArgumentParser
import Foundation
import HeatGrid

/// `heatgrid render SPEC.json -o FILE [-o FILE...]`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a figure spec to one or more files; the format comes from each file's extension.")

    @Argument(help: "The figure spec (JSON). Data and theme paths in it are relative to it.")
    var spec: String

    @Option(name: [.short, .customLong("output")], help: "Output file (.png, .pdf or .svg); repeat for several.")
    var outputs: [String] = []

    @Option(help: "Resolution of PNG output in dots per inch (written into the file).")
    var dpi: Double = 300

    func validate() throws {
        guard !outputs.isEmpty else { throw ValidationError("give at least one output file with -o FILE.png|.pdf|.svg") }
    }

    func run() throws {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0
        let options = RenderOptions(dpi: dpi, creationDate: epoch)
        try reportingErrors {
            try Renderer.standard.render(specAt: URL(fileURLWithPath: spec),
                                         to: outputs.map { URL(fileURLWithPath: $0) },
                                         options: options, displayPath: spec)
        }
    }
}

/// Runs `body`, printing HeatGrid errors as one clear line on stderr and exiting with status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as HeatGridError {
        FileHandle.standardError.write(Data("heatgrid: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
