import Foundation
import HeatGrid
@_exported import TestSupport

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let flagshipSpec = packageRoot.appendingPathComponent("examples/cognitive-heads/figure.json")

/// A fresh empty folder for one test's files.
func temporaryFolder() -> URL { TestSupport.temporaryFolder(prefix: "heatgrid-e2e") }

/// The result of running a program.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` and collects its output. Output goes to temporary files, not
/// pipes: Foundation's pipe reading traps on EINTR when many tests run processes at once.
func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
         in folder: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !extra.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 } }
    if let folder { process.currentDirectoryURL = folder }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("heatgrid-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try? out.close()
    try? err.close()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                         stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
}

/// A tool on PATH (pdftotext, qpdf, ...).
func tool(_ name: String) -> String {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return "/usr/bin/\(name)"
}

/// The `heatgrid` executable built beside this test bundle.
let heatgridBinary: String = {
    if let path = ProcessInfo.processInfo.environment["HEATGRID_BIN"] { return path }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("heatgrid").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/heatgrid").path
}()

/// Runs `heatgrid` with `arguments`.
func heatgrid(_ arguments: [String], in folder: URL? = nil) throws -> ProcessResult {
    try run(heatgridBinary, arguments, in: folder)
}

/// Writes `text` to `name` in `folder` and returns its URL.
@discardableResult
func write(_ text: String, to name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// Files in `folder` (to check nothing half-written was left behind).
func files(in folder: URL) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
}
