import Foundation
import Testing

/// Each bad input gives one clear message naming the file and the line (or spec key), a non-zero
/// exit status, and no output file.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var data: String
        var spec: String
        var output = "out.png"
        /// Fragments the error message must contain.
        var expected: [String]
        /// The data file's name in the test folder.
        var dataName = "d.csv"
        /// Raw bytes for the data file, instead of `data`'s UTF-8.
        var bytes: [UInt8]? = nil
        var description: String { name }
    }

    static let header = "task,layer,head,importance\n"
    static let good = header + "A,0,0,0.1\nA,0,1,0.2\nA,1,0,0.3\nA,1,1,0.4\n"
    static let spec = #"{"data": {"path": "d.csv", "panel": "task", "row": "layer", "column": "head", "value": "importance"}, "layout": {"columns": 1}, "size": {"width": "60mm", "height": "50mm"}}"#
    /// The same figure from a file that names no columns (JSON, NumPy).
    static let plainSpec = spec.replacingOccurrences(of: #", "panel": "task", "row": "layer", "column": "head", "value": "importance""#, with: "")

    /// A 4x4 float64 .npy header (version 1.0, 64-byte aligned) with only 3 of its 16 values.
    static let truncatedNPY: [UInt8] = {
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }".utf8)
        while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
        header.append(0x0A)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [UInt8](repeating: 0, count: 24)
    }()

    static let cases: [Case] = [
        Case(name: "missing data file", data: good, spec: spec.replacingOccurrences(of: "d.csv", with: "nope.csv"),
             expected: ["nope.csv", "no such file"]),
        Case(name: "malformed spec", data: good, spec: "{\"data\": {\"path\": \"d.csv\"}\n \"colormap\": 1}", expected: ["spec.json:2:2", "not valid JSON"]),
        Case(name: "ragged row", data: header + "A,0,0,0.1\nA,0,1\n", spec: spec, expected: ["d.csv:3", "expected 4 fields"]),
        Case(name: "non-numeric value", data: header + "A,0,0,0.1\nA,0,1,abc\n", spec: spec, expected: ["d.csv:3:", "abc"]),
        Case(name: "duplicate cell", data: good + "A,1,1,0.5\n", spec: spec, expected: ["d.csv:6", "duplicate cell", "line 5"]),
        Case(name: "missing cells", data: header + "A,0,0,0.1\nA,1,1,0.4\n", spec: spec, expected: ["d.csv", "missing"]),
        Case(name: "unknown colormap", data: good, spec: spec.replacingOccurrences(of: "\"layout\"", with: "\"colormap\": \"viridsi\", \"layout\""),
             expected: ["unknown colormap 'viridsi'", "viridis"]),
        Case(name: "unknown layout", data: good, spec: spec.replacingOccurrences(of: "\"columns\": 1", with: "\"type\": \"spiral\""),
             expected: ["unknown layout 'spiral'", "grid"]),
        Case(name: "unknown format", data: good, spec: spec, output: "out.bmp", expected: ["output format 'bmp'", "png"]),
        Case(name: "unknown spec key", data: good, spec: spec.replacingOccurrences(of: "\"layout\"", with: "\"layuot\""),
             expected: ["spec.json: layuot: unknown key; did you mean 'layout'?"]),
        Case(name: "figure too small", data: good, spec: spec.replacingOccurrences(of: "60mm", with: "10mm"),
             expected: ["cannot hold", "make it at least"]),
        Case(name: "output folder missing", data: good, spec: spec, output: "no/such/folder/out.png",
             expected: ["does not exist"]),
        Case(name: "empty file", data: "", spec: spec, expected: ["d.csv:1:1", "empty"]),
        Case(name: "header only", data: header, spec: spec, expected: ["d.csv:2:1", "no data rows"]),
        Case(name: "quote left open", data: header + "\"A,0,0,0.1\n", spec: spec, expected: ["d.csv:2:1", "unterminated quoted field"]),
        Case(name: "infinite value", data: header + "A,0,0,inf\n", spec: spec, expected: ["d.csv:2:7", "finite"]),
        Case(name: "empty index", data: header + "A,,0,0.1\n", spec: spec, expected: ["d.csv:2:3", "expected a row index", "empty field"]),
        Case(name: "a stray name among indices", data: good + "A,x,0,0.5\n", spec: spec,
             expected: ["d.csv: ", "no value for layer 'x' and column 1", "column 'layer' holds names, not indices, because line 6, column 3 gives 'x'"]),
        Case(name: "a 1e6 x 1e6 claimed size", data: header + "A,1000000,1000000,1\n", spec: spec,
             expected: ["d.csv:2:3", "more than the limit"]),
        // Found by fuzzing: 600 bytes once grew a 12-million-row panel (1.2 GB) before failing.
        Case(name: "a huge index in a tiny file", data: header + "A,0,0,0.1\nA,12345678,0,0.2\n", spec: spec,
             expected: ["d.csv:3:3", "more than this file has lines for", "\"missing\": \"bad\""]),
        Case(name: "100k panels", data: header + (0..<100_000).map { "P\($0),0,0,1\n" }.joined(), spec: spec,
             expected: ["d.csv:10002:1", "too many panels"]),
        Case(name: "deeply nested JSON", data: "{\"panels\": " + String(repeating: "[", count: 100_000) + "}",
             spec: plainSpec.replacingOccurrences(of: "d.csv", with: "d.json"), expected: ["d.json:1:", "nested"], dataName: "d.json"),
        Case(name: "truncated npy", data: "", spec: plainSpec.replacingOccurrences(of: "d.csv", with: "d.npy"),
             expected: ["d.npy", "truncated"], dataName: "d.npy", bytes: truncatedNPY),
        Case(name: "CSV column names for a .npy file", data: "", spec: spec.replacingOccurrences(of: "d.csv", with: "d.npy"),
             expected: ["spec.json: data.column: the 'npy' source has no option 'column'", "'column' is an option of the 'csv' source"],
             dataName: "d.npy", bytes: truncatedNPY),
        Case(name: "unknown layout option", data: good, spec: spec.replacingOccurrences(of: "\"columns\"", with: "\"colums\""),
             expected: ["spec.json: layout.colums: the 'grid' layout has no option 'colums'; did you mean 'columns'?"]),
        Case(name: "option of another scale", data: good, spec: spec.replacingOccurrences(of: "\"layout\"", with: "\"scale\": {\"gamma\": 2}, \"layout\""),
             expected: ["spec.json: scale.gamma: the 'linear' scale has no option 'gamma'", "the 'pow' scale"]),
        Case(name: "output is a folder", data: good, spec: spec, output: ".", expected: ["has no extension"]),
    ]

    @Test(arguments: cases)
    func clearErrorAndNoOutput(_ c: Case) throws {
        let folder = temporaryFolder()
        if let bytes = c.bytes {
            try Data(bytes).write(to: folder.appendingPathComponent(c.dataName))
        } else {
            try write(c.data, to: c.dataName, in: folder)
        }
        try write(c.spec, to: "spec.json", in: folder)
        let before = files(in: folder)
        let result = try heatgrid(["render", "spec.json", "-o", c.output], in: folder)
        #expect(result.status != 0)
        for fragment in c.expected {
            #expect(result.stderr.contains(fragment), "'\(fragment)' not in: \(result.stderr)")
        }
        #expect(result.stderr.hasPrefix("heatgrid: error: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line expected: \(result.stderr)")
        #expect(files(in: folder) == before, "files left behind")
    }

    @Test func missingSpecFile() throws {
        let result = try heatgrid(["render", "/nonexistent/spec.json", "-o", "/tmp/x.png"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/spec.json: no such spec file"))
    }

    @Test func goodInputRendersSoTheCasesAboveFailForTheirOwnReason() throws {
        let folder = temporaryFolder()
        try write(Self.good, to: "d.csv", in: folder)
        try write(Self.spec, to: "spec.json", in: folder)
        let result = try heatgrid(["render", "spec.json", "-o", "out.png", "-o", "out.svg"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(in: folder).isSuperset(of: ["out.png", "out.svg"]))
    }
}
