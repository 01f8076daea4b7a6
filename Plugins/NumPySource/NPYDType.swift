/// The element types the reader decodes, all read as `Double`.
enum NPYScalarType: Equatable, CaseIterable {
    case float16, float32, float64
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case bool

    /// Bytes per element.
    var size: Int {
        switch self {
        case .int8, .uint8, .bool: 1
        case .float16, .int16, .uint16: 2
        case .float32, .int32, .uint32: 4
        case .float64, .int64, .uint64: 8
        }
    }

    /// NumPy's name for it, as messages show it.
    var name: String {
        switch self {
        case .float16: "float16"
        case .float32: "float32"
        case .float64: "float64"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .bool: "bool"
        }
    }
}

/// An array's element type and byte order, from the header's `descr` (e.g. '<f8').
struct NPYDType: Equatable {
    var scalar: NPYScalarType
    /// Whether multi-byte elements are stored most significant byte first ('>').
    var isBigEndian: Bool

    init(scalar: NPYScalarType, isBigEndian: Bool) {
        self.scalar = scalar
        self.isBigEndian = isBigEndian
    }

    /// Parses a `descr` string: a byte order ('<', '>', '|' or '=') then a kind and a size.
    init(descr: String) throws {
        var code = Substring(descr)
        var bigEndian = false
        switch code.first {
        case "<", "|": code = code.dropFirst()
        case ">": bigEndian = true; code = code.dropFirst()
        case "=": bigEndian = Int(1).bigEndian == 1; code = code.dropFirst()  // native
        default: break
        }
        let scalars: [Substring: NPYScalarType] = [
            "f2": .float16, "f4": .float32, "f8": .float64,
            "i1": .int8, "i2": .int16, "i4": .int32, "i8": .int64,
            "u1": .uint8, "u2": .uint16, "u4": .uint32, "u8": .uint64,
            "b1": .bool, "?": .bool,
        ]
        guard let scalar = scalars[code] else { throw Self.unsupported(descr, code: code) }
        self.scalar = scalar
        self.isBigEndian = bigEndian
    }

    /// Why `descr` cannot be read, naming the kind of data when it is a known one.
    private static func unsupported(_ descr: String, code: Substring) -> NumPyFormatError {
        if code.first == "O" {
            return NumPyFormatError("object arrays (pickled) are not supported; save a numeric array, e.g. np.asarray(a, dtype=np.float64)")
        }
        let kinds: [Character: String] = [
            "c": "complex", "f": "floating point of an unusual size", "i": "integer of an unusual size",
            "u": "integer of an unusual size", "U": "text", "S": "bytes", "a": "bytes", "M": "datetime",
            "m": "timedelta", "V": "raw bytes",
        ]
        let kind = code.first.flatMap { kinds[$0] }.map { " (\($0))" } ?? ""
        return NumPyFormatError("unsupported dtype '\(descr)'\(kind); expected float32/float64 (or float16), an integer type or bool")
    }
}
