import Foundation
import Testing
import HeatGridCore
@testable import Colormaps

/// Loading from disk: choosing the parser by extension, default names, folders.
@Suite struct ImportFileTests {
    @Test func loadPicksTheParserByExtensionInAnyCase() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "Warm-Cool.TSV": "1\t0\t0\n0\t0\t1\n",
            "hexes.Json": ##"["#000", "#fff"]"##,
            "hot.CPT": "0 black 1 red\nB black\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }

        let tsv = try ColormapFile.load(contentsOf: folder.appendingPathComponent("Warm-Cool.TSV"), displayPath: "Warm-Cool.TSV")
        #expect(tsv.name == "warm-cool")
        #expect(tsv.colors == [RGBA(red: 1, green: 0, blue: 0), RGBA(red: 0, green: 0, blue: 1)])
        let json = try ColormapFile.load(contentsOf: folder.appendingPathComponent("hexes.Json"), displayPath: "hexes.Json",
                                         name: "greys2")
        #expect(json.name == "greys2")
        let cpt = try ColormapFile.load(contentsOf: folder.appendingPathComponent("hot.CPT"), displayPath: "hot.CPT")
        #expect(cpt.name == "hot" && cpt.resolution == 256)
    }

    @Test func unsupportedExtensionsAndMissingFilesAreClearErrors() throws {
        #expect {
            try ColormapFile.load(contentsOf: URL(fileURLWithPath: "/tmp/map.xcmap"), displayPath: "map.xcmap")
        } throws: { error in
            guard case let .unknownPlugin(kind, name, available) = error as? HeatGridError else { return false }
            return kind == "colormap file format" && name == ".xcmap" && available.contains(".cpt")
        }
        #expect {
            try ColormapFile.load(contentsOf: URL(fileURLWithPath: "/nonexistent/heatgrid/none.cpt"), displayPath: "none.cpt")
        } throws: { error in
            guard case let .io(path, message) = error as? HeatGridError else { return false }
            return path == "none.cpt" && message.contains("cannot read")
        }
    }

    @Test func folderLoadsEverySupportedFileSortedByName() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "Batlow.cpt": "0\t1/25/89\t0.5\t130/130/49\n0.5\t130/130/49\t1\t250/204/250\nN\t255/255/255\n",
            "mine.csv": "r,g,b\n0,0,0\n1,1,1\n",
            "warm.JSON": ##"{"colors": ["#f00", "#ff0"], "bad": "#888"}"##,
            "notes.md": "not a colormap",
            ".hidden.csv": "garbage",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        // A folder whose name looks like a colormap file is passed over.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested.csv"), withIntermediateDirectories: false)

        let colormaps = try ColormapFolder.load(folder)
        #expect(colormaps.map(\.name) == ["batlow", "mine", "warm"])
        #expect(colormaps[0].bad.map { matches($0, 255, 255, 255) } == true)
        #expect(colormaps[2].bad?.hex == "#888888")

        var registry = PluginRegistry()
        try ColormapFolder.register(folder, into: &registry)
        #expect(try registry.colormap(named: "Batlow").name == "batlow")
    }

    @Test func folderErrorsNameTheFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0,0,0\n0,x,0\n".utf8).write(to: folder.appendingPathComponent("broken.csv"))
        expectDataError(file: "maps/broken.csv", line: 2, column: 3, "for green, found 'x'") {
            _ = try ColormapFolder.load(folder, displayPath: "maps")
        }
    }

    @Test func twoFilesWithOneNameAreAnError() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0 0 0\n1 1 1\n".utf8).write(to: folder.appendingPathComponent("batlow.txt"))
        try Data("0 black 1 white\n".utf8).write(to: folder.appendingPathComponent("batlow.cpt"))
        #expect {
            try ColormapFolder.load(folder, displayPath: "maps")
        } throws: { error in
            guard case let .io(path, message) = error as? HeatGridError else { return false }
            return path == "maps" && message.contains("'batlow.cpt' and 'batlow.txt'")
        }
    }

    @Test func missingFolderIsAnIOError() {
        #expect {
            try ColormapFolder.load(URL(fileURLWithPath: "/nonexistent/heatgrid-maps"))
        } throws: { error in
            if case .io(let path, _) = error as? HeatGridError { return path == "/nonexistent/heatgrid-maps" }
            return false
        }
    }

    @Test func importerServesTheCoreHook() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("Ends.csv")
        try Data("0,0,0\n1,1,1\n".utf8).write(to: url)
        let importer = ColormapFileImporter()
        #expect(Set(importer.fileExtensions) == ["cpt", "csv", "json", "tsv", "txt"])
        let colormap = try importer.load(url, displayPath: "Ends.csv")
        #expect(colormap.name == "ends" && colormap.resolution == 2)
    }
}
