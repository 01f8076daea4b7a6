import Foundation
import HeatGridCore
import Testing
@testable import NumPySource
import TestSupport

/// Values a test array of `scalar` can hold exactly: halves for floats, small whole numbers
/// (negative too when signed) for integers, 0 and 1 for bool.
private func exactValues(_ count: Int, for scalar: TestScalar) -> [Double] {
    switch scalar {
    case .f2, .f4, .f8: return sampleValues(count)
    case .i1, .i2, .i4, .i8: return (0..<count).map { Double($0 * 7 % 101 - 50) }
    case .u1, .u2, .u4, .u8: return (0..<count).map { Double($0 * 7 % 251) }
    case .b1: return (0..<count).map { $0 % 3 == 0 ? 0 : 1 }
    }
}

@Suite(".npy files: element types, byte orders, memory orders and shapes")
struct NPYFileTests {
    @Test func float64TwoDimensional() throws {
        let values = sampleValues(12)
        let dataset = try load(NPY(values: values, shape: [3, 4]).bytes)
        #expect(dataset.panels.count == 1)
        let panel = try #require(dataset.panels.first)
        #expect(panel.title == "")
        #expect(panel.matrix.rows == 3 && panel.matrix.columns == 4)
        #expect(panel.matrix.values == values)
        #expect(panel.matrix[0, 0] == 0.5 && panel.matrix[0, 1] == 0.5 && panel.matrix[2, 3] == 10.5)
        #expect(dataset.rowName == "row" && dataset.columnName == "column" && dataset.valueName == "value")
    }

    /// Every element type, both byte orders and both memory orders, in 2-D and 3-D: each cell
    /// [panel][row][column] must come back exactly.
    @Test(arguments: TestScalar.allCases)
    func everyTypeOrderAndShape(scalar: TestScalar) throws {
        for shape in [[3, 5], [2, 3, 4]] {
            let count = shape.reduce(1, *)
            let values = exactValues(count, for: scalar)
            for bigEndian in [false, true] {
                for fortranOrder in [false, true] {
                    let npy = NPY(values: values, shape: shape, scalar: scalar, bigEndian: bigEndian, fortranOrder: fortranOrder)
                    let dataset = try load(npy.bytes)
                    let (rows, columns) = (shape[shape.count - 2], shape[shape.count - 1])
                    #expect(dataset.panels.count == (shape.count == 3 ? shape[0] : 1), "\(npy.descr) \(shape)")
                    for (p, panel) in dataset.panels.enumerated() {
                        #expect(panel.matrix.rows == rows && panel.matrix.columns == columns)
                        for r in 0..<rows {
                            for c in 0..<columns {
                                let expected = values[(p * rows + r) * columns + c]
                                #expect(panel.matrix[r, c] == expected,
                                        "\(npy.descr) fortran=\(fortranOrder) shape=\(shape) [\(p)][\(r)][\(c)]")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func threeDimensionalPanelsAreTitledByIndex() throws {
        let values = sampleValues(3 * 2 * 2)
        let dataset = try load(NPY(values: values, shape: [3, 2, 2]).bytes)
        #expect(dataset.panels.map(\.title) == ["0", "1", "2"])
        #expect(dataset.panels[2].matrix.values == Array(values[8..<12]))
    }

    /// Wider than one 64 x 64 transpose tile, with ragged edges, in both memory orders.
    @Test func largeFortranArrayTransposesExactly() throws {
        let shape = [2, 70, 130]
        var generator = SplitMix64(state: 7)
        let values = (0..<shape.reduce(1, *)).map { _ in Double(Float(Double.random(in: -1...1, using: &generator))) }
        for fortranOrder in [false, true] {
            let dataset = try load(NPY(values: values, shape: shape, scalar: .f4, fortranOrder: fortranOrder).bytes)
            #expect(dataset.panels.flatMap(\.matrix.values) == values)
        }
    }

    @Test func integerExtremes() throws {
        let cases: [(TestScalar, [Double])] = [
            (.i1, [-128, 127]), (.u1, [0, 255]), (.i2, [-32768, 32767]), (.u2, [0, 65535]),
            (.i4, [-2_147_483_648, 2_147_483_647]), (.u4, [0, 4_294_967_295]),
            (.i8, [-9_223_372_036_854_775_808, 9_007_199_254_740_992]), (.u8, [0, 18_446_744_073_709_549_568]),
        ]
        for (scalar, values) in cases {
            for bigEndian in [false, true] {
                let dataset = try load(NPY(values: values, shape: [1, 2], scalar: scalar, bigEndian: bigEndian).bytes)
                #expect(dataset.panels[0].matrix.values == values, "\(scalar) bigEndian=\(bigEndian)")
            }
        }
    }

    /// NaN is a bad cell; infinities, negative zero and subnormals pass through unchanged.
    @Test func specialFloatValues() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0, 0x1p-149, -65504]
        for scalar in [TestScalar.f8, .f4] {
            let matrix = try load(NPY(values: values, shape: [2, 3], scalar: scalar, bigEndian: true).bytes).panels[0].matrix
            #expect(matrix.values[0].isNaN)
            #expect(Array(matrix.values[1...3]) == [.infinity, -.infinity, 0])
            #expect(matrix.values[3].sign == .minus)
            #expect(matrix.values[4] == 0x1p-149 && matrix.values[5] == -65504)
        }
        // Half precision: NaN, infinities, the largest value, the smallest subnormal.
        let half: [Double] = [.nan, .infinity, -.infinity, 65504, 0x1p-24, -0.5]
        let matrix = try load(NPY(values: half, shape: [3, 2], scalar: .f2).bytes).panels[0].matrix
        #expect(matrix.values[0].isNaN)
        #expect(Array(matrix.values[1...]) == Array(half[1...]))
    }

    @Test func formatVersionsTwoAndThree() throws {
        let values = sampleValues(6)
        for version: (UInt8, UInt8) in [(2, 0), (3, 0)] {
            let dataset = try load(NPY(values: values, shape: [2, 3], version: version).bytes)
            #expect(dataset.panels[0].matrix.values == values)
        }
        // Version 3.0 headers are UTF-8 (an extra key with a non-ASCII string is ignored).
        let utf8 = NPY(values: values, shape: [2, 3], version: (3, 0),
                       header: "{'descr': '<f8', 'note': 'Größe', 'fortran_order': False, 'shape': (2, 3)}")
        #expect(try load(utf8.bytes).panels[0].matrix.values == values)
    }

    /// Headers as other writers and older NumPy versions spell them.
    @Test(arguments: [
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2, 3)}",
        "{'shape':(2,3),'fortran_order':False,'descr':'<f8'}",
        "{ 'descr' : '<f8' , 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
        "{u'descr': u'<f8', u'fortran_order': False, u'shape': [2, 3]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': [1.5, None, {'a': (True,)}]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }\0\0\0",
    ])
    func tolerantHeaders(header: String) throws {
        let values = sampleValues(6)
        let dataset = try load(NPY(values: values, shape: [2, 3], header: header).bytes)
        #expect(dataset.panels[0].matrix.rows == 2 && dataset.panels[0].matrix.values == values)
    }

    @Test func headerWithoutAlignmentPadding() throws {
        let dict = Array("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2)}\n".utf8)
        let bytes = NPYHeader.magic + [1, 0] + le16(UInt16(dict.count)) + dict
            + [1.0, 3.0, 2.0, 4.0].flatMap { le32(Float($0).bitPattern) }
        #expect(try load(bytes).panels[0].matrix.values == [1, 2, 3, 4])
    }

    @Test func trailingBytesAfterTheDataAreIgnored() throws {
        let values = sampleValues(4)
        let dataset = try load(NPY(values: values, shape: [2, 2]).bytes + [1, 2, 3])
        #expect(dataset.panels[0].matrix.values == values)
    }

    @Test func contentsNotExtensionDecide() throws {
        let values = sampleValues(4)
        #expect(try load(NPY(values: values, shape: [2, 2]).bytes, name: "misnamed.npz").panels[0].matrix.values == values)
        #expect(try load(NPY(values: values, shape: [2, 2]).bytes, name: "no-extension").panels[0].matrix.values == values)
    }

    @Test func registersAsNpyForBothExtensions() {
        let source = NumPySource()
        #expect(source.format == "npy")
        #expect(source.fileExtensions == ["npy", "npz"])
    }

    /// A 4 MB array: a realistic size end to end through the memory-mapped path.
    @Test func largeArray() throws {
        let (rows, columns) = (512, 1024)
        var generator = SplitMix64(state: 11)
        let values = (0..<rows * columns).map { _ in Double.random(in: 0..<1, using: &generator) }
        let matrix = try load(NPY(values: values, shape: [rows, columns]).bytes).panels[0].matrix
        #expect(matrix.rows == rows && matrix.columns == columns)
        #expect(matrix.values == values)
    }
}
