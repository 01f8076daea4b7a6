/// How one stored element becomes a `Double`. Each element type is its own type so the decode
/// loops below are specialised per type and byte order: no per-element switch, and the
/// compiler can vectorise the loads.
protocol StoredElement {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    static func value(_ bits: Bits) -> Double
}

enum Float64Element: StoredElement {
    static func value(_ bits: UInt64) -> Double { Double(bitPattern: bits) }
}

enum Float32Element: StoredElement {
    static func value(_ bits: UInt32) -> Double { Double(Float(bitPattern: bits)) }
}

/// IEEE half precision, converted by hand (Swift's `Float16` is missing on some platforms).
enum Float16Element: StoredElement {
    static func value(_ bits: UInt16) -> Double {
        let sign: FloatingPointSign = bits & 0x8000 != 0 ? .minus : .plus
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return Double(sign: sign, exponent: -24, significand: fraction)  // zero or subnormal
        case 31: return fraction == 0 ? Double(sign: sign, exponent: 0, significand: .infinity) : .nan
        default: return Double(sign: sign, exponent: exponent - 15, significand: 1 + fraction / 1024)
        }
    }
}

enum Int8Element: StoredElement { static func value(_ bits: UInt8) -> Double { Double(Int8(bitPattern: bits)) } }
enum Int16Element: StoredElement { static func value(_ bits: UInt16) -> Double { Double(Int16(bitPattern: bits)) } }
enum Int32Element: StoredElement { static func value(_ bits: UInt32) -> Double { Double(Int32(bitPattern: bits)) } }
enum Int64Element: StoredElement { static func value(_ bits: UInt64) -> Double { Double(Int64(bitPattern: bits)) } }
enum UInt8Element: StoredElement { static func value(_ bits: UInt8) -> Double { Double(bits) } }
enum UInt16Element: StoredElement { static func value(_ bits: UInt16) -> Double { Double(bits) } }
enum UInt32Element: StoredElement { static func value(_ bits: UInt32) -> Double { Double(bits) } }
enum UInt64Element: StoredElement { static func value(_ bits: UInt64) -> Double { Double(bits) } }

/// NumPy's bools are one byte, 0 or 1 (any non-zero byte is taken as true).
enum BoolElement: StoredElement { static func value(_ bits: UInt8) -> Double { bits == 0 ? 0 : 1 } }

/// The byte order elements are stored in, as a type for the same specialisation.
protocol StoredByteOrder {
    static func native<T: FixedWidthInteger>(_ stored: T) -> T
}

enum LittleEndianStorage: StoredByteOrder {
    @inline(__always) static func native<T: FixedWidthInteger>(_ stored: T) -> T { T(littleEndian: stored) }
}

enum BigEndianStorage: StoredByteOrder {
    @inline(__always) static func native<T: FixedWidthInteger>(_ stored: T) -> T { T(bigEndian: stored) }
}

/// Reads element `index` of a packed array. The caller has checked that the data holds every
/// element it asks for (`ArrayLayout` compares the shape with the byte count).
struct ElementReader<Element: StoredElement, Order: StoredByteOrder> {
    let base: UnsafeRawPointer

    @inline(__always) func callAsFunction(_ index: Int) -> Double {
        let stored = base.loadUnaligned(fromByteOffset: index &* MemoryLayout<Element.Bits>.size, as: Element.Bits.self)
        return Element.value(Order.native(stored))
    }
}

/// Turns an array's data into row-major panel values.
enum PanelDecoder {
    /// The values of every panel of `layout`, read from `data` (which holds at least
    /// `panels x rows x columns` elements of `dtype`).
    static func decode(_ data: UnsafeRawBufferPointer, dtype: NPYDType, layout: ArrayLayout) -> [[Double]] {
        guard let base = data.baseAddress else { return [] }
        switch dtype.scalar {
        case .float64: return decode(Float64Element.self, base, dtype.isBigEndian, layout)
        case .float32: return decode(Float32Element.self, base, dtype.isBigEndian, layout)
        case .float16: return decode(Float16Element.self, base, dtype.isBigEndian, layout)
        case .int8: return decode(Int8Element.self, base, dtype.isBigEndian, layout)
        case .int16: return decode(Int16Element.self, base, dtype.isBigEndian, layout)
        case .int32: return decode(Int32Element.self, base, dtype.isBigEndian, layout)
        case .int64: return decode(Int64Element.self, base, dtype.isBigEndian, layout)
        case .uint8: return decode(UInt8Element.self, base, dtype.isBigEndian, layout)
        case .uint16: return decode(UInt16Element.self, base, dtype.isBigEndian, layout)
        case .uint32: return decode(UInt32Element.self, base, dtype.isBigEndian, layout)
        case .uint64: return decode(UInt64Element.self, base, dtype.isBigEndian, layout)
        case .bool: return decode(BoolElement.self, base, dtype.isBigEndian, layout)
        }
    }

    private static func decode<Element: StoredElement>(_: Element.Type, _ base: UnsafeRawPointer, _ isBigEndian: Bool,
                                                       _ layout: ArrayLayout) -> [[Double]] {
        isBigEndian ? decode(ElementReader<Element, BigEndianStorage>(base: base), layout)
            : decode(ElementReader<Element, LittleEndianStorage>(base: base), layout)
    }

    private static func decode<Element, Order>(_ read: ElementReader<Element, Order>, _ layout: ArrayLayout) -> [[Double]] {
        (0..<layout.panels).map { panel in
            [Double](unsafeUninitializedCapacity: layout.valuesPerPanel) { out, initialized in
                if layout.fortranOrder {
                    fortranPanel(read, layout, panel, into: out)
                } else {
                    // C order: each panel is one contiguous run, row after row, as Matrix wants.
                    // Wrapping arithmetic (the layout's sizes are checked) lets the loop vectorise.
                    let start = panel * layout.valuesPerPanel
                    for i in 0..<layout.valuesPerPanel { out[i] = read(start &+ i) }
                }
                initialized = layout.valuesPerPanel
            }
        }
    }

    /// Fortran order: element (panel, row, column) sits at panel + panels x (row + rows x column).
    /// The transpose goes in small square tiles so both the reads and the writes stay in cache
    /// (small, because rows a power-of-two-ish stride apart compete for the same cache sets).
    private static func fortranPanel<Element, Order>(_ read: ElementReader<Element, Order>, _ layout: ArrayLayout,
                                                     _ panel: Int, into out: UnsafeMutableBufferPointer<Double>) {
        let tile = 16
        let (panels, rows, columns) = (layout.panels, layout.rows, layout.columns)
        for rowStart in stride(from: 0, to: rows, by: tile) {
            let rowEnd = min(rowStart + tile, rows)
            for columnStart in stride(from: 0, to: columns, by: tile) {
                for column in columnStart..<min(columnStart + tile, columns) {
                    let columnBase = rows &* column
                    for row in rowStart..<rowEnd {
                        out[row &* columns &+ column] = read(panel &+ panels &* (row &+ columnBase))
                    }
                }
            }
        }
    }
}
