import Dispatch
import Foundation
import HeatGrid

/// One spec of a batch render and the files it becomes.
struct BatchJob: Sendable {
    var spec: URL
    var shown: String
    var outputs: [URL]

    /// The jobs for `specs` (files, or folders whose `*.json` files are specs), each written to
    /// `outDir/<spec name>.<format>`.
    static func jobs(specs: [String], outDir: String, formats: [String]) throws -> [BatchJob] {
        var files: [String] = []
        for path in specs {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw HeatGridError.io(path: specs.joined(separator: " "), message: "no *.json specs found") }
        let names = files.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        if let clash = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 }) {
            throw HeatGridError.io(path: outDir, message: "two specs are named '\(clash.key)' and would write the same outputs")
        }
        let folder = URL(fileURLWithPath: outDir)
        return zip(files, names).map { file, name in
            BatchJob(spec: URL(fileURLWithPath: file), shown: file,
                     outputs: formats.map { folder.appendingPathComponent("\(name).\($0.lowercased())") })
        }
    }

    /// Renders every job in parallel (one Cairo context per job, nothing shared but fonts), reports
    /// each failure on its own line and progress on a terminal; returns the number of failures.
    static func runAll(_ jobs: [BatchJob], renderer: Renderer, options: RenderOptions, dpi: Double?,
                       overrides: SpecOverrides, vision: ColorVision? = nil, quiet: Bool = false) -> Int {
        let progress = BatchProgress(total: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            do {
                let figure = try renderer.render(specAt: job.spec, to: job.outputs, options: options, dpi: dpi, overrides: overrides,
                                                 displayPath: job.shown, seenAs: vision)
                if !quiet { warn(figure.warnings, about: job.shown) }
                progress.finished(failed: nil)
            } catch {
                progress.finished(failed: "heatgrid: error: \(error)")
            }
        }
        return progress.close()
    }
}

/// A `[12/40]` counter on stderr when it is a terminal; failures always print.
final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var failures = 0
    private let interactive = isatty(STDERR_FILENO) != 0

    init(total: Int) { self.total = total }

    func finished(failed message: String?) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        var line = ""
        if let message {
            failures += 1
            line += (interactive ? "\r\u{1B}[K" : "") + message + "\n"
        }
        if interactive { line += "\r[\(done)/\(total)] rendered" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the progress line; returns the number of failures.
    func close() -> Int {
        lock.lock()
        defer { lock.unlock() }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] rendered, \(failures) failed\n".utf8)) }
        return failures
    }
}
