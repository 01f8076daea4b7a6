import Foundation
import HeatGridCore
import Testing
@testable import NumPySource
import TestSupport

@Suite(".npz archives: stored and deflated members, names, order")
struct NPZArchiveTests {
    private let recall = NPY(values: sampleValues(6), shape: [2, 3])
    private let math = NPY(values: sampleValues(8).map { $0 * 3 }, shape: [4, 2], scalar: .f4, bigEndian: true,
                           fortranOrder: true)
    private let counts = NPY(values: (0..<6).map { Double($0 * 10 - 20) }, shape: [3, 2], scalar: .i2)

    @Test(arguments: [false, true])
    func panelsInArchiveOrderTitledByName(compressed: Bool) throws {
        let bytes = try npz([("Knowledge Recall.npy", recall.bytes), ("Math.npy", math.bytes), ("arr_0.npy", counts.bytes)],
                            compressed: compressed)
        let dataset = try load(bytes, name: "heads.npz")
        #expect(dataset.panels.map(\.title) == ["Knowledge Recall", "Math", "arr_0"])
        #expect(dataset.panels[0].matrix.values == recall.values)
        #expect(dataset.panels[1].matrix.rows == 4 && dataset.panels[1].matrix.columns == 2)
        #expect(dataset.panels[1].matrix.values == math.values)
        #expect(dataset.panels[2].matrix.values == counts.values)
    }

    @Test(arguments: [false, true])
    func threeDimensionalMemberGivesIndexedPanels(compressed: Bool) throws {
        let stack = NPY(values: sampleValues(12), shape: [3, 2, 2], fortranOrder: true)
        let bytes = try npz([("layers.npy", stack.bytes), ("Math.npy", math.bytes)], compressed: compressed)
        let dataset = try load(bytes, name: "heads.npz")
        #expect(dataset.panels.map(\.title) == ["layers[0]", "layers[1]", "layers[2]", "Math"])
        #expect(dataset.panels[1].matrix.values == Array(stack.values[4..<8]))
    }

    /// Random data barely compresses, so this member spans several inflate chunks.
    @Test func largeDeflatedMember() throws {
        var generator = SplitMix64(state: 3)
        let values = (0..<512 * 640).map { _ in Double.random(in: -1...1, using: &generator) }
        let bytes = try npz([("big.npy", NPY(values: values, shape: [512, 640]).bytes)], compressed: true)
        let dataset = try load(bytes, name: "big.npz")
        #expect(dataset.panels[0].matrix.values == values)
    }

    /// NumPy writes every member with ZIP64 extra fields (force_zip64); a comment may follow.
    @Test func zip64MembersAsNumPyWritesThem() throws {
        var zip = ZipBuilder()
        zip.members.append(.init(name: "a.npy", stored: recall.bytes, zip64: true))
        zip.members.append(.init(name: "b.npy", stored: try deflate(counts.bytes), method: 8,
                                 crc32: counts.bytes.withUnsafeBytes { ZipCRC32.checksum($0) },
                                 uncompressedSize: UInt64(counts.bytes.count), zip64: true))
        zip.comment = Array("written by a test".utf8)
        let dataset = try load(zip.bytes, name: "z.npz")
        #expect(dataset.panels.map(\.title) == ["a", "b"])
        #expect(dataset.panels[0].matrix.values == recall.values && dataset.panels[1].matrix.values == counts.values)
    }

    @Test func otherMembersAndDirectoriesAreSkipped() throws {
        let bytes = try npz([("README.txt", Array("notes".utf8)), ("sub/", []), ("sub/Math.npy", math.bytes)],
                            compressed: false)
        let dataset = try load(bytes, name: "mixed.npz")
        #expect(dataset.panels.map(\.title) == ["sub/Math"])
    }

    @Test func nonASCIINames() throws {
        let bytes = try npz([("Größe.npy", recall.bytes)], compressed: true)
        #expect(try load(bytes, name: "names.npz").panels.map(\.title) == ["Größe"])
    }

    /// Files written by NumPy 2.4 (`np.savez`, `np.savez_compressed`, `np.save`), kept as
    /// base64 so the tests need no NumPy:
    ///
    ///     a = np.arange(6, dtype='<f8').reshape(2, 3) / 4 - 0.5
    ///     b = np.asfortranarray(np.arange(8, dtype='>f4').reshape(2, 2, 2) * 1.5)
    ///     c = np.arange(12, dtype='<i2').reshape(3, 4) - 5
    ///     np.savez(f, **{"Knowledge Recall": a, "stack": b}); np.savez_compressed(g, c, a)
    ///     np.save(h, np.asfortranarray(a.astype('>f8')))
    @Test func filesWrittenByNumPy() throws {
        let a: [Double] = [-0.5, -0.25, 0, 0.25, 0.5, 0.75]
        let savez = try load(Array(try #require(Data(base64Encoded: RealNumPyFiles.savez))), name: "savez.npz")
        #expect(savez.panels.map(\.title) == ["Knowledge Recall", "stack[0]", "stack[1]"])
        #expect(savez.panels[0].matrix.values == a)
        #expect(savez.panels[1].matrix.values == [0, 1.5, 3, 4.5])
        #expect(savez.panels[2].matrix.values == [6, 7.5, 9, 10.5])

        let compressed = try load(Array(try #require(Data(base64Encoded: RealNumPyFiles.savezCompressed))), name: "c.npz")
        #expect(compressed.panels.map(\.title) == ["arr_0", "arr_1"])
        #expect(compressed.panels[0].matrix.values == (0..<12).map { Double($0 - 5) })
        #expect(compressed.panels[0].matrix.rows == 3)
        #expect(compressed.panels[1].matrix.values == a)

        let saved = try load(Array(try #require(Data(base64Encoded: RealNumPyFiles.save))), name: "a.npy")
        #expect(saved.panels.map(\.title) == [""])
        #expect(saved.panels[0].matrix.values == a)
    }
}

/// See `NPZArchiveTests.filesWrittenByNumPy`.
enum RealNumPyFiles {
    static let savez = """
        UEsDBC0AAAAAAAAAIQDfZ9J4//////////8UABQAS25vd2xlZGdlIFJlY2FsbC5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAA4L8AAAAAAADQvwAAAAAAAAAAAAAAAAAA0D8AAAAAAADgPwAAAAAAAOg/UEsDBC0AAAAAAAAAIQDjeNBn//////////8JABQAc3RhY2subnB5AQAQAKAAAAAAAAAAoAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IFRydWUsICdzaGFwZSc6ICgyLCAyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCgAAAAAAAMBAAABAQAAAEEEAAMA/AADwQAAAkEAAAChBUEsBAi0DLQAAAAAAAAAhAN9n0niwAAAAsAAAABQAAAAAAAAAAAAAAIABAAAAAEtub3dsZWRnZSBSZWNhbGwubnB5UEsBAi0DLQAAAAAAAAAhAON40GegAAAAoAAAAAkAAAAAAAAAAAAAAIAB9gAAAHN0YWNrLm5weVBLBQYAAAAAAgACAHkAAADRAQAAAAA=
        """
    static let savezCompressed = """
        UEsDBC0AAAAIAAAAIQCApUcL//////////8JABQAYXJyXzAubnB5AQAQAJgAAAAAAAAAXwAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mkrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RrGOgommjoKtQpkA67f///8//v/3////xkYGBmYGJgZWBhYGdgYAFBLAwQtAAAACAAAACEA32fSeP//////////CQAUAGFycl8xLm5weQEAEACwAAAAAAAAAFkAAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgbpNmoa6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkaRjoKxpo6CrUKZAMuBjB4sB9CX4DSMHDBHioPpV/YAwBQSwECLQMtAAAACAAAACEAgKVHC18AAACYAAAACQAAAAAAAAAAAAAAgAEAAAAAYXJyXzAubnB5UEsBAi0DLQAAAAgAAAAhAN9n0nhZAAAAsAAAAAkAAAAAAAAAAAAAAIABmgAAAGFycl8xLm5weVBLBQYAAAAAAgACAG4AAAAuAQAAAAA=
        """
    static let save = """
        k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAq/4AAAAAAAAD/QAAAAAAAAv9AAAAAAAAA/4AAAAAAAAAAAAAAAAAAAP+gAAAAAAAA=
        """
}
