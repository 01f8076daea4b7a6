/// An array's shape as panels of rows x columns, checked against the bytes that hold it.
struct ArrayLayout: Equatable {
    /// 1 for a 2-D array; the first axis of a 3-D one.
    var panels: Int
    var rows: Int
    var columns: Int
    /// Whether the array is 3-D (so its panels are numbered in titles).
    var isStack: Bool
    var fortranOrder: Bool

    var valuesPerPanel: Int { rows * columns }

    /// The layout of `header`'s array, whose data has `availableBytes` bytes. Throws when the
    /// shape is not 2-D or 3-D, has an empty axis, or claims more data than there is, all
    /// before anything is allocated.
    init(header: NPYHeader, availableBytes: Int) throws {
        let shape = header.shape
        let expected = "expected 2-D (rows x columns) or 3-D (panels x rows x columns)"
        switch shape.count {
        case 0: throw NumPyFormatError("a 0-D array (a single value); \(expected)")
        case 2, 3: break
        default: throw NumPyFormatError("a \(shape.count)-D array (shape \(Self.python(shape))); \(expected)")
        }
        if shape.contains(0) {
            throw NumPyFormatError("an empty array (shape \(Self.python(shape))); every dimension must be at least 1")
        }

        // Products with overflow checks: a corrupt or hostile header can claim any shape.
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw NumPyFormatError("the header claims an impossibly large array (shape \(Self.python(shape)))") }
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: header.dtype.scalar.size)
        let description = "\(shape.map(String.init).joined(separator: "x")) \(header.dtype.scalar.name)"
        guard !overflow else { throw NumPyFormatError("the header claims an impossibly large array (\(description))") }
        guard byteCount <= availableBytes else {
            throw NumPyFormatError("truncated: the header says \(description) (\(byteCount) bytes of data) but the file has \(availableBytes)")
        }
        guard count <= NumPyLimits.maxValues else {
            throw NumPyFormatError("the array holds \(count) values (\(description)); at most \(NumPyLimits.maxValues) are supported")
        }

        isStack = shape.count == 3
        panels = isStack ? shape[0] : 1
        rows = shape[shape.count - 2]
        columns = shape[shape.count - 1]
        fortranOrder = header.fortranOrder
        if panels > NumPyLimits.maxPanels {
            throw NumPyFormatError("the array has \(panels) panels (its first axis, shape \(Self.python(shape))); at most \(NumPyLimits.maxPanels) are supported")
        }
    }

    /// A shape as Python prints it: (5,), (3, 4), ().
    static func python(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
