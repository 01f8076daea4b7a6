import Foundation
import HeatGridCore
import Testing
@testable import NumPySource
import TestSupport

/// A .npy image with this header dict and `dataBytes` zero bytes of data.
private func npy(header: String, dataBytes: Int = 0, version: (UInt8, UInt8) = (1, 0)) -> [UInt8] {
    NPY(values: [], shape: [], version: version, header: header).bytes + [UInt8](repeating: 0, count: dataBytes)
}

private let expectedShapes = "expected 2-D (rows x columns) or 3-D (panels x rows x columns)"

@Suite("Bad .npy files: each a HeatGridError.data naming the file and what was expected")
struct NPYErrorTests {
    @Test func emptyFile() throws {
        #expect(try loadFailure([]) == "the file is empty; expected a NumPy .npy file")
        #expect(try loadFailure([], name: "x.npz") == "the file is empty; expected a NumPy .npz archive")
    }

    @Test func badMagic() throws {
        #expect(try loadFailure(Array("row,column,value\n".utf8)).contains("not a NumPy .npy file (bad magic bytes"))
        #expect(try loadFailure(Array("\u{93}NUMPX".utf8) + [1, 0]).contains("bad magic bytes"))
        #expect(try loadFailure(Array("hello".utf8), name: "x.npz") == "not a NumPy .npz file (not a zip archive: bad magic bytes)")
    }

    @Test func truncatedPreambleAndHeader() throws {
        let whole = NPY(values: sampleValues(4), shape: [2, 2]).bytes
        for cut in [7, 9] {
            #expect(try loadFailure(Array(whole.prefix(cut))) == "truncated: the file ends inside the .npy preamble (\(cut) bytes)")
        }
        #expect(try loadFailure(Array(whole.prefix(40)))
                == "truncated: the header says it is 118 bytes long but only 30 follow the preamble")
    }

    @Test func truncatedData() throws {
        let header = NPY(values: [], shape: [32, 32]).bytes
        #expect(try loadFailure(header + [UInt8](repeating: 0, count: 100))
                == "truncated: the header says 32x32 float64 (8192 bytes of data) but the file has 100")
        let stack = NPY(values: sampleValues(8 * 4 * 4), shape: [8, 4, 4], scalar: .f4).bytes.dropLast()
        #expect(try loadFailure(Array(stack)) == "truncated: the header says 8x4x4 float32 (512 bytes of data) but the file has 511")
    }

    @Test func unsupportedVersion() throws {
        var bytes = NPY(values: sampleValues(4), shape: [2, 2]).bytes
        bytes[6] = 4
        #expect(try loadFailure(bytes) == "unsupported .npy format version 4.0; expected 1.0, 2.0 or 3.0")
    }

    @Test(arguments: [
        ("<c16", "unsupported dtype '<c16' (complex); expected float32/float64 (or float16), an integer type or bool"),
        ("<U5", "unsupported dtype '<U5' (text)"),
        ("<M8[ns]", "unsupported dtype '<M8[ns]' (datetime)"),
        ("<f16", "unsupported dtype '<f16' (floating point of an unusual size)"),
        ("int", "unsupported dtype 'int'"),
        ("", "unsupported dtype ''"),
    ])
    func unsupportedDtypes(descr: String, message: String) throws {
        let failure = try loadFailure(npy(header: "{'descr': '\(descr)', 'fortran_order': False, 'shape': (2, 2), }"))
        #expect(failure.hasPrefix(message))
    }

    @Test func objectAndStructuredArrays() throws {
        #expect(try loadFailure(npy(header: "{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }"))
                .hasPrefix("object arrays (pickled) are not supported"))
        #expect(try loadFailure(npy(header: "{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (2,), }"))
                .hasPrefix("structured arrays (a dtype with named fields) are not supported"))
    }

    @Test func wrongNumberOfDimensions() throws {
        #expect(try loadFailure(NPY(values: sampleValues(5), shape: [5]).bytes)
                == "a 1-D array (shape (5,)); \(expectedShapes)")
        #expect(try loadFailure(NPY(values: sampleValues(120), shape: [2, 3, 4, 5]).bytes)
                == "a 4-D array (shape (2, 3, 4, 5)); \(expectedShapes)")
        #expect(try loadFailure(NPY(values: [1], shape: [], header: "{'descr': '<f8', 'fortran_order': False, 'shape': (), }").bytes)
                == "a 0-D array (a single value); \(expectedShapes)")
    }

    @Test func emptyDimensions() throws {
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 32), }"))
                == "an empty array (shape (0, 32)); every dimension must be at least 1")
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 3, 0), }"))
                == "an empty array (shape (4, 3, 0)); every dimension must be at least 1")
    }

    /// Claimed sizes are checked against the file before anything is allocated.
    @Test func hugeClaimedShapes() throws {
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }", dataBytes: 64))
                == "truncated: the header says 1000000x1000000 float64 (8000000000000 bytes of data) but the file has 64")
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"))
                == "the header claims an impossibly large array (shape (4294967296, 4294967296))")
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976, 7), }"))
                == "the header claims an impossibly large array (1152921504606846976x7 float64)")
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999, 2), }"))
                == "the .npy header's 'shape' has an impossibly large dimension")
        #expect(try loadFailure(npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (-3, 2), }"))
                .hasPrefix("the .npy header's 'shape' is not a tuple of whole numbers"))
    }

    /// The value and panel caps, which only an honest file of that size reaches.
    @Test func sizeLimits() throws {
        let header = NPYHeader(dtype: try NPYDType(descr: "|u1"), fortranOrder: false, shape: [65536, 32769], dataOffset: 128)
        #expect(throws: NumPyFormatError("the array holds 2147549184 values (65536x32769 uint8); at most 2147483648 are supported")) {
            try ArrayLayout(header: header, availableBytes: Int.max)
        }
        let panels = NPY(values: [Double](repeating: 1, count: 10_001), shape: [10_001, 1, 1], scalar: .u1)
        #expect(try loadFailure(panels.bytes)
                == "the array has 10001 panels (its first axis, shape (10001, 1, 1)); at most 10000 are supported")
    }

    @Test(arguments: [
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)",
         "the .npy header is not a valid Python dict literal: the header ends before '}' at the end of \"{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)\""),
        ("{'descr' '<f8', 'fortran_order': False, 'shape': (2, 2)}",
         "the .npy header is not a valid Python dict literal: expected ':' after the key 'descr', found ''' at character 10"),
        ("{'descr': <f8, 'fortran_order': False, 'shape': (2, 2)}",
         "the .npy header is not a valid Python dict literal: unexpected '<' at character 11"),
        ("{'descr': '<f8', 'fortran_order': false, 'shape': (2, 2)}",
         "the .npy header is not a valid Python dict literal: unexpected word 'false'"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2 2)}",
         "expected ',' or ')', found '2' at character 54"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)} junk", "unexpected 'j' after the dict"),
        ("{'descr': '<f8, 'fortran_order': False}", "expected ',' or '}', found 'f' at character 18"),
        ("{'descr: '<f8'}", "expected ':' after the key 'descr: ', found '<' at character 11"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), 'x': 'y}", "a string is not closed at character 64"),
        ("not a dict", "unexpected word 'not'"),
        ("", "the header ends where a value should be at the end of \"\""),
        ("\u{1}\u{2}", "unexpected byte 0x1 at character 1 of \"??\""),
        ("{1: 2}", "expected a quoted key"),
        (String(repeating: "(", count: 10_000), "brackets nested too deeply"),
        ("[1, 2]", "the .npy header is not a dict; expected e.g. {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4)}"),
        ("{'descr': '<f8', 'shape': (2, 2)}",
         "the .npy header has no 'fortran_order' key; expected 'descr', 'fortran_order' and 'shape'"),
        ("{'fortran_order': False, 'shape': (2, 2)}", "the .npy header has no 'descr' key"),
        ("{'descr': '<f8', 'fortran_order': False}", "the .npy header has no 'shape' key"),
        ("{'descr': 8, 'fortran_order': False, 'shape': (2, 2)}", "the .npy header's 'descr' is not a dtype string like '<f8'"),
        ("{'descr': '<f8', 'fortran_order': 'no', 'shape': (2, 2)}", "the .npy header's 'fortran_order' is not True or False"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': 4}", "the .npy header's 'shape' is not a tuple of whole numbers like (3, 4)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0, 2)}", "the .npy header's 'shape' is not a tuple of whole numbers"),
    ])
    func garbageHeaders(header: String, message: String) throws {
        let failure = try loadFailure(npy(header: header, dataBytes: 32))
        #expect(failure.contains(message), "\(failure)")
    }

    @Test func unreadablePathsAreIOErrors() throws {
        let scratch = try Scratch()
        for (url, reason) in [(scratch.directory, "is a directory, expected a data file"),
                              (scratch.directory.appendingPathComponent("missing.npy"), "no such file")] {
            #expect(throws: HeatGridError.io(path: "shown.npy", message: reason)) {
                try NumPySource().load(DataRequest(url: url, displayPath: "shown.npy", spec: DataSpec(path: "shown.npy")))
            }
        }
    }
}

@Suite("Bad .npz archives")
struct NPZErrorTests {
    private let good = NPY(values: sampleValues(6), shape: [2, 3]).bytes

    @Test func badMemberIsNamed() throws {
        let bytes = try npz([("ok.npy", good), ("x.npy", Array("not numpy".utf8))], compressed: false)
        #expect(try loadFailure(bytes, name: "a.npz")
                == "array 'x.npy' in the .npz: not a NumPy .npy file (bad magic bytes; expected \"\\x93NUMPY\")")
        let oneD = try npz([("Knowledge Recall.npy", NPY(values: sampleValues(3), shape: [3]).bytes)], compressed: true)
        #expect(try loadFailure(oneD, name: "a.npz") == "array 'Knowledge Recall.npy' in the .npz: a 1-D array (shape (3,)); \(expectedShapes)")
    }

    @Test func truncatedMemberData() throws {
        var zip = ZipBuilder()
        zip.members.append(.init(name: "t.npy", stored: Array(good.dropLast(8))))
        #expect(try loadFailure(zip.bytes, name: "a.npz")
                == "array 't.npy' in the .npz: truncated: the header says 2x3 float64 (48 bytes of data) but the file has 40")
    }

    @Test func emptyArchives() throws {
        #expect(try loadFailure(ZipBuilder().bytes, name: "a.npz") == "the .npz archive is empty; expected .npy arrays, as np.savez writes")
        let notes = try npz([("a.txt", [1]), ("b.json", [2])], compressed: false)
        #expect(try loadFailure(notes, name: "a.npz") == "the .npz archive holds no .npy arrays (it has 'a.txt', 'b.json')")
    }

    @Test func truncatedArchive() throws {
        let whole = try npz([("a.npy", good), ("b.npy", good)], compressed: true)
        for cut in [whole.count / 2, whole.count - 1, 30] {
            let failure = try loadFailure(Array(whole.prefix(cut)), name: "a.npz")
            #expect(failure.hasPrefix("not a valid .npz (zip) archive:"), "\(failure)")
        }
    }

    @Test func checksumMismatch() throws {
        var zip = ZipBuilder()
        zip.members.append(.init(name: "c.npy", stored: good, crc32: 0x1234_5678))
        #expect(try loadFailure(zip.bytes, name: "a.npz")
                == "array 'c.npy' in the .npz: corrupt data: the CRC-32 checksum does not match the archive's")
        // A flipped data byte in a deflated member, caught by inflate or the checksum.
        var bytes = try npz([("d.npy", good)], compressed: true)
        bytes[60] ^= 0xFF
        #expect(try loadFailure(bytes, name: "a.npz").hasPrefix("array 'd.npy' in the .npz: corrupt"))
    }

    /// Deflate streams that need more than the member holds: a stored block of 65535 bytes
    /// with 10 present, final or not, and an empty member. Read through ZIPFoundation's own
    /// FILE-based extraction such a member can spin forever; here each is a prompt error.
    @Test func deflateStreamsEndingEarly() throws {
        let cases: [([UInt8], String)] = [
            ([0x01, 0xFF, 0xFF, 0x00, 0x00] + [UInt8](repeating: 7, count: 10),
             "corrupt data: the CRC-32 checksum does not match the archive's"),
            ([0x00, 0xFF, 0xFF, 0x00, 0x00] + [UInt8](repeating: 7, count: 10),
             "corrupt compressed data (the deflate stream cannot be decoded)"),
            ([], "corrupt compressed data: the deflate stream ends early"),
        ]
        for (stream, message) in cases {
            var zip = ZipBuilder()
            zip.members.append(.init(name: "e.npy", stored: stream, method: 8, crc32: 0, uncompressedSize: 65535))
            zip.members.append(.init(name: "f.npy", stored: good))
            #expect(try loadFailure(zip.bytes, name: "a.npz") == "array 'e.npy' in the .npz: \(message)")
        }
    }

    @Test func deflatedSizeMismatch() throws {
        let compressed = try deflate(good)
        let crc = good.withUnsafeBytes { ZipCRC32.checksum($0) }
        var zip = ZipBuilder()
        zip.members.append(.init(name: "s.npy", stored: compressed, method: 8, crc32: crc, uncompressedSize: 100))
        #expect(try loadFailure(zip.bytes, name: "a.npz")
                == "array 's.npy' in the .npz: corrupt compressed data: it inflates to more than the 100 bytes the archive says")
        zip.members[0].uncompressedSize = UInt64(good.count + 5)
        #expect(try loadFailure(zip.bytes, name: "a.npz")
                == "array 's.npy' in the .npz: corrupt compressed data: it inflates to \(good.count) bytes, not the \(good.count + 5) the archive says")
        var stored = ZipBuilder()
        stored.members.append(.init(name: "s.npy", stored: good, uncompressedSize: 9))
        #expect(try loadFailure(stored.bytes, name: "a.npz")
                == "array 's.npy' in the .npz: corrupt archive: a stored member of \(good.count) bytes claims to be 9")
    }

    @Test func unsupportedMembers() throws {
        var zip = ZipBuilder()
        zip.members.append(.init(name: "m.npy", stored: good, method: 12))
        #expect(try loadFailure(zip.bytes, name: "a.npz")
                == "array 'm.npy' in the .npz: compression method 12 is not supported; expected stored or deflate (as np.savez and np.savez_compressed write)")
        zip.members[0] = .init(name: "m.npy", stored: good, flags: 1)
        #expect(try loadFailure(zip.bytes, name: "a.npz") == "array 'm.npy' in the .npz: the member is encrypted")
    }

    @Test func directoryOffsetsOutsideTheFile() throws {
        var bytes = try npz([("a.npy", good)], compressed: false)
        // The end record's directory offset (its bytes 16-19) pointed past the end.
        let end = bytes.count - 22
        bytes.replaceSubrange(end + 16..<end + 20, with: le32(UInt32(bytes.count)))
        #expect(try loadFailure(bytes, name: "a.npz")
                == "not a valid .npz (zip) archive: the central directory lies outside the file (is it truncated?)")
        var zip = ZipBuilder()
        zip.members.append(.init(name: "a.npy", stored: good, zip64: true))
        var zipBytes = zip.bytes
        // The ZIP64 local header offset (the last 8 bytes of the central directory's extra field).
        let offsetField = zipBytes.count - 22 - 8
        zipBytes.replaceSubrange(offsetField..<offsetField + 8, with: le64(1 << 40))
        #expect(try loadFailure(zipBytes, name: "a.npz")
                == "not a valid .npz (zip) archive: the local header of 'a.npy' lies outside the file (is it truncated?)")
    }
}

@Suite("Mangled files never crash: every outcome is panels or a NumPyFormatError")
struct RobustnessTests {
    private static func survives(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            do {
                switch FileKind.detect(raw) {
                case .npy: _ = try NPYReader.panels(in: raw, arrayName: nil)
                case .npz: _ = try NPZReader.panels(in: raw)
                case .empty, .unknown: break
                }
                return true
            } catch is NumPyFormatError {
                return true
            } catch {
                return false
            }
        }
    }

    @Test func flippedBytesAndTruncations() throws {
        let npy = NPY(values: sampleValues(24), shape: [2, 3, 4], scalar: .f4, fortranOrder: true).bytes
        let stored = try npz([("a.npy", npy), ("b.npy", npy)], compressed: false)
        let deflated = try npz([("a.npy", npy), ("b.npy", npy)], compressed: true)
        var zip64 = ZipBuilder()
        zip64.members.append(.init(name: "a.npy", stored: npy, zip64: true))
        var generator = SplitMix64(state: 42)
        for original in [npy, stored, deflated, zip64.bytes] {
            for cut in 0..<original.count where cut % 3 == 0 {
                #expect(Self.survives(Array(original.prefix(cut))))
            }
            for _ in 0..<400 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let i = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[i] = UInt8.random(in: 0...255, using: &generator)
                }
                #expect(Self.survives(bytes))
            }
        }
    }
}
