import Foundation
import Testing
import ZIPFoundation
@testable import NumPySource
import TestSupport

@Suite("Header literal parser, dtype codes and CRC-32")
struct HeaderAndChecksumTests {
    private func parse(_ text: String) throws -> HeaderValue {
        try HeaderLiteralParser.parse(Array(text.utf8), isUTF8: true)
    }

    @Test func parsesNumPysHeader() throws {
        let value = try parse("{'descr': '<f8', 'fortran_order': False, 'shape': (8, 32, 32), }          \n")
        #expect(value == .dict([("descr", .string("<f8")), ("fortran_order", .bool(false)),
                                ("shape", .sequence([.integer(8), .integer(32), .integer(32)], isTuple: true))]))
    }

    @Test func tuplesOfEveryLength() throws {
        #expect(try parse("()") == .sequence([], isTuple: true))
        #expect(try parse("(5,)") == .sequence([.integer(5)], isTuple: true))
        #expect(try parse("[ -1 , +2 ]") == .sequence([.integer(-1), .integer(2)], isTuple: false))
        #expect(try parse("(3L, 4l)") == .sequence([.integer(3), .integer(4)], isTuple: true))
    }

    @Test func scalarsAndStrings() throws {
        #expect(try parse("None") == .none)
        #expect(try parse("True") == .bool(true))
        #expect(try parse("1.5e-3") == .otherNumber("1.5e-3"))
        #expect(try parse("\"it's\"") == .string("it's"))
        #expect(try parse("'a\\'b'") == .string("a'b"))
        #expect(try parse("b'<f8'") == .string("<f8"))
        #expect(try parse("99999999999999999999") == .integer(nil))
        #expect(try HeaderLiteralParser.parse([0x27, 0xE9, 0x27], isUTF8: false) == .string("é"))
    }

    @Test func dtypeCodes() throws {
        #expect(try NPYDType(descr: "<f8") == NPYDType(scalar: .float64, isBigEndian: false))
        #expect(try NPYDType(descr: ">i2") == NPYDType(scalar: .int16, isBigEndian: true))
        #expect(try NPYDType(descr: "|u1") == NPYDType(scalar: .uint8, isBigEndian: false))
        #expect(try NPYDType(descr: "|b1") == NPYDType(scalar: .bool, isBigEndian: false))
        #expect(try NPYDType(descr: "=f4").isBigEndian == (Int(1).bigEndian == 1))
        #expect(NPYScalarType.allCases.map(\.size) == [2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 1])
    }

    @Test func checksumMatchesTheStandardAndZIPFoundation() {
        #expect(Array("123456789".utf8).withUnsafeBytes { ZipCRC32.checksum($0) } == 0xCBF4_3926)
        #expect([UInt8]().withUnsafeBytes { ZipCRC32.checksum($0) } == 0)
        var generator = SplitMix64(state: 5)
        for count in [1, 7, 8, 9, 63, 1000, 4099] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let ours = bytes.withUnsafeBytes { ZipCRC32.checksum($0) }
            #expect(ours == Data(bytes).crc32(checksum: 0), "\(count) bytes")
            // Continuing from a seed gives the checksum of the whole.
            let half = count / 2
            let first = bytes[..<half].withUnsafeBytes { ZipCRC32.checksum($0) }
            #expect(bytes[half...].withUnsafeBytes { ZipCRC32.checksum($0, seed: first) } == ours)
        }
    }
}
