import Foundation
import HeatGridCore
import Testing
@testable import NumPySource

/// `data.rowLabels` and `data.columnLabels`: a list in the spec, or a text file with one label
/// per line, relative to the spec; every panel must have as many rows (columns).
@Suite("NumPy labels")
struct NumPyLabelTests {
    /// Loads `bytes` as `name` with the spec's data section holding `options`; the scratch
    /// folder stands for the spec's (`files` are written there first).
    func load(_ bytes: [UInt8], name: String = "data.npy", options: [String: SpecValue],
              files: [String: String] = [:]) throws -> Dataset {
        let scratch = try Scratch()
        for (file, text) in files { _ = try scratch.write(Array(text.utf8), name: file) }
        let url = try scratch.write(bytes, name: name)
        let spec = DataSpec(path: name, options: options)
        return try NumPySource().load(DataRequest(url: url, displayPath: "fixtures/\(name)", spec: spec,
                                                  specFile: "spec.json", baseURL: scratch.directory))
    }

    /// The spec error loading throws: its key and message.
    func specFailure(_ bytes: [UInt8], name: String = "data.npy", options: [String: SpecValue],
                     files: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> (key: String, message: String) {
        do {
            _ = try load(bytes, name: name, options: options, files: files)
            Issue.record("expected a spec error", sourceLocation: sourceLocation)
        } catch let HeatGridError.spec(file, key, message) {
            #expect(file == "spec.json", sourceLocation: sourceLocation)
            return (key, message)
        } catch {
            Issue.record("expected a spec error, got \(error)", sourceLocation: sourceLocation)
        }
        throw CancellationError()
    }

    static let array = NPY(values: sampleValues(6), shape: [2, 3]).bytes

    @Test func declaresItsLabelOptions() {
        #expect(NumPySource().options.map(\.name) == ["rowLabels", "columnLabels"])
    }

    @Test func withoutLabelOptionsThereAreNone() throws {
        let data = try load(Self.array, options: [:])
        #expect(data.panels[0].rowLabels == nil && data.panels[0].columnLabels == nil && !data.hasLabels)
    }

    @Test func labelsFromTheSpec() throws {
        let data = try load(Self.array, options: ["rowLabels": ["L0", "L1"].specValue, "columnLabels": ["h0", "h1", "h2"].specValue])
        #expect(data.panels[0].rowLabels == ["L0", "L1"])
        #expect(data.panels[0].columnLabels == ["h0", "h1", "h2"])
        #expect(data.panels[0].matrix.values == sampleValues(6))
    }

    @Test func labelFilesRelativeToTheSpecHoldOneLabelPerLine() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.directory.appendingPathComponent("labels"), withIntermediateDirectories: true)
        _ = try scratch.write(Array("\u{FEFF}embedding\r\n  block 1 \r\n\n\n".utf8), name: "labels/layers.txt")
        _ = try scratch.write(Array("a\n\nc".utf8), name: "heads.txt")
        let url = try scratch.write(NPY(values: sampleValues(6), shape: [2, 3]).bytes, name: "data.npy")
        let spec = DataSpec(path: "data.npy", options: ["rowLabels": .string("labels/layers.txt"), "columnLabels": .string("heads.txt")])
        let data = try NumPySource().load(DataRequest(url: url, displayPath: "data.npy", spec: spec, baseURL: scratch.directory))
        #expect(data.panels[0].rowLabels == ["embedding", "block 1"])
        #expect(data.panels[0].columnLabels == ["a", "", "c"])
    }

    @Test func labelsNameEveryPanelOfAStackOrArchive() throws {
        let stack = try load(NPY(values: sampleValues(12), shape: [2, 2, 3]).bytes, options: ["columnLabels": ["x", "y", "z"].specValue])
        #expect(stack.panels.map(\.columnLabels) == [["x", "y", "z"], ["x", "y", "z"]])
        #expect(stack.panels.map(\.rowLabels) == [nil, nil])
        let archive = try npz([("A.npy", NPY(values: sampleValues(6), shape: [2, 3]).bytes),
                               ("B.npy", NPY(values: sampleValues(4), shape: [2, 2]).bytes)], compressed: false)
        let failure = try specFailure(archive, name: "d.npz", options: ["columnLabels": ["x", "y", "z"].specValue])
        #expect(failure.key == "data.columnLabels")
        #expect(failure.message == "3 labels, but panel 'B' has 2 columns; give one label per column")
    }

    @Test func aWrongCountNamesTheKeyAndBothCounts() throws {
        let list = try specFailure(Self.array, options: ["rowLabels": ["only"].specValue])
        #expect(list.key == "data.rowLabels" && list.message == "1 label, but the array has 2 rows; give one label per row")
        let file = try specFailure(Self.array, options: ["columnLabels": .string("heads.txt")], files: ["heads.txt": "a\nb\n"])
        #expect(file.key == "data.columnLabels")
        #expect(file.message.hasSuffix("heads.txt has 2 labels (one per line), but the array has 3 columns; give one label per column"))
    }

    @Test func labelsOfAnotherKindOrAMissingFile() throws {
        let kind = try specFailure(Self.array, options: ["rowLabels": .list([.string("a"), .number(1)])])
        #expect(kind.key == "data.rowLabels")
        #expect(kind.message.hasPrefix("expected a list of strings, or the path of a text file with one label per line, found"))
        do {
            _ = try load(Self.array, options: ["rowLabels": .string("nope.txt")])
            Issue.record("expected an I/O error")
        } catch let HeatGridError.io(path, message) {
            #expect(path.hasSuffix("nope.txt") && message.hasPrefix("no such file"))
        }
        // Not UTF-8: a data error naming the label file and line.
        let scratch = try Scratch()
        _ = try scratch.write(Array("ok\n".utf8) + [0xFF, 0x41, 0x0A], name: "bad.txt")
        let url = try scratch.write(Self.array, name: "data.npy")
        do {
            let spec = DataSpec(path: "data.npy", options: ["rowLabels": .string("bad.txt")])
            _ = try NumPySource().load(DataRequest(url: url, displayPath: "data.npy", spec: spec))  // no baseURL: the data file's folder
            Issue.record("expected a data error")
        } catch let HeatGridError.data(file, line, _, message) {
            #expect(file.hasSuffix("bad.txt") && line == 2 && message.hasPrefix("not UTF-8 text"))
        }
    }
}
