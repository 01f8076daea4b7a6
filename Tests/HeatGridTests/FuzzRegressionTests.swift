import Foundation
import Testing

/// Inputs that the libFuzzer targets (`scripts/fuzz.sh`, `Fuzz/`) found crashing or hanging a
/// parser, kept inline (test targets have no resources). Each is loaded by `heatgrid inspect` in
/// a child process with a time limit, so a regression fails its own test instead of crashing or
/// stalling the whole run. The answer must be a clean exit: 0 (the data loaded) or 1 with
/// HeatGrid's one-line error; never a signal, a trap or a timeout.
///
/// To add one: minimise the crash (`<fuzz target> -minimize_crash=1 -exact_artifact_path=min.bin
/// CRASH`), `base64 -w0 min.bin`, and add a `Case` naming the file and line at fault. A case whose
/// fix has not landed yet gets its own `.disabled` test (see below) so the suite stays green.
@Suite struct FuzzRegressionTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// The data file's name (its extension picks the source when `format` is nil).
        var fileName: String
        /// The `data` section of the spec, without `path`.
        var dataKeys: String
        /// The input, base64.
        var base64: String
        var description: String { name }

        var bytes: [UInt8] { [UInt8](Data(base64Encoded: base64)!) }
    }

    static let longFormKeys = #""panel": "task", "row": "layer", "column": "head", "value": "importance""#

    /// Every input must load or fail cleanly.
    static let cases: [Case] = [
        // Seeds of the fuzz corpora, as a check of the harness itself.
        Case(name: "seed: long form", fileName: "d.csv", dataKeys: longFormKeys,
             base64: "dGFzayxsYXllcixoZWFkLGltcG9ydGFuY2UKQSwwLDAsMQpBLDAsMSwyCg=="),
        Case(name: "seed: npy", fileName: "d.npy", dataKeys: #""format": "npy""#,
             base64: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADgPwAAAAAAAPh/"),

        // FuzzCSV (a hang in the long-form fast path, PlainLineReader, while it was being written):
        // a blank line where a panel field was expected gave `.newPanel` with an empty range,
        // LongFormReader made "" the current panel and asked the fast path again, which (a panel
        // of length 0 never matched) gave the same `.newPanel`, forever. Minimised input:
        // "task\tlayer\thead\timportance\n\n\n6\n6\n\n56".
        Case(name: "csv: blank lines before data", fileName: "d.csv", dataKeys: longFormKeys,
             base64: "dGFzawlsYXllcgloZWFkCWltcG9ydGFuY2UKCgo2CjYKCjU2"),
        // The same loop reached by hand: "task,layer,head,importance\nA,0,0,1\n\nA,0,1,2\nA,0,2,3\n".
        Case(name: "csv: blank line between long-form rows", fileName: "d.csv", dataKeys: longFormKeys,
             base64: "dGFzayxsYXllcixoZWFkLGltcG9ydGFuY2UKQSwwLDAsMQoKQSwwLDEsMgpBLDAsMiwzCg=="),
        // And an empty panel name: "task,layer,head,importance\n,0,0,1\nA,0,1,2\nA,0,2,3\n".
        Case(name: "csv: empty panel name", fileName: "d.csv", dataKeys: longFormKeys,
             base64: "dGFzayxsYXllcixoZWFkLGltcG9ydGFuY2UKLDAsMCwxCkEsMCwxLDIKQSwwLDIsMwo="),
    ]

    @Test(arguments: cases)
    func loadsOrFailsCleanly(_ input: Case) throws {
        try check(input)
    }

    // A crash found but not fixed yet gets its own test until the fix lands, e.g.
    //     @Test(.disabled("fuzz crash, see Plugins/NumPySource/NPYHeader.swift:42"))
    //     func npyHugeShape() throws { try check(Case(name: ..., fileName: "d.npy", dataKeys: "", base64: "...")) }

    /// Writes the input and a spec naming it, runs `heatgrid inspect`, and checks the outcome.
    func check(_ input: Case, seconds: Double = 60) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(input.bytes).write(to: folder.appendingPathComponent(input.fileName))
        let keys = input.dataKeys.isEmpty ? "" : ", " + input.dataKeys
        try write(#"{"data": {"path": "\#(input.fileName)"\#(keys)}}"#, to: "spec.json", in: folder)
        let result = try runLimited(heatgridBinary, ["inspect", "spec.json"], in: folder, seconds: seconds)
        #expect(!result.timedOut, "\(input.name): still running after \(seconds) s (a hang)")
        #expect(result.reason == .exit, "\(input.name): killed by signal \(result.status)\n\(result.stderr)")
        #expect(result.status == 0 || result.status == 1, "\(input.name): exit status \(result.status)\n\(result.stderr)")
        if result.reason == .exit, result.status == 1 {
            #expect(result.stderr.hasPrefix("heatgrid: error: "), "\(input.name): not HeatGrid's error line:\n\(result.stderr)")
            #expect(result.stderr.contains(input.fileName) || result.stderr.contains("spec.json"),
                    "\(input.name): the error does not name the file:\n\(result.stderr)")
        }
    }

    struct LimitedResult {
        var status: Int32
        var reason: Process.TerminationReason
        var timedOut: Bool
        var stderr: String
    }

    /// Runs `executable`, killing it after `seconds`. Output goes to files, as in `run`; Swift's
    /// backtracer is off so a crashing child dies at once rather than symbolicating.
    func runLimited(_ executable: String, _ arguments: [String], in folder: URL, seconds: Double) throws -> LimitedResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let outURL = folder.appendingPathComponent("stdout.txt"), errURL = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return LimitedResult(status: process.terminationStatus, reason: process.terminationReason, timedOut: timedOut,
                             stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
