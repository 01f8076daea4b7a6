import HeatGridCore

/// The fast path of JSON reading: one pass over the file's bytes for a well-formed panels
/// document, numbers parsed in place, no tree of values and no Swift string per number.
///
/// It never reports an error. Anything it does not expect (a syntax error, a value of the wrong
/// kind, ragged rows, a number beyond Double's range, a duplicated key, nesting past 512 levels)
/// makes it decline, and `JSONDocument` reads the file instead, so every message, with its line
/// and column, comes from that one place, and a file read here means exactly what it would
/// have meant there.
struct FastPanelsReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var p = 0

    /// Declining: the general reader takes the file.
    private struct Decline: Error {}

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes.assumingMemoryBound(to: UInt8.self) }

    /// The dataset in `bytes`, or nil when the general reader must read them.
    static func read(_ bytes: UnsafeRawBufferPointer) -> Dataset? {
        var reader = FastPanelsReader(bytes)
        return try? reader.document()
    }

    // MARK: The panels layout

    private mutating func document() throws -> Dataset {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p = 3 }
        var panels: [Panel]?
        var names: [String: String] = [:]
        var labels: [String: [String]?] = [:]
        try object { key, reader in
            switch key {
            case "panels":
                guard panels == nil else { throw Decline() }
                panels = try reader.panelList()
            case "rowName", "columnName", "valueName":
                guard names[key] == nil else { throw Decline() }
                names[key] = try reader.nameValue()
            case "rowLabels", "columnLabels":
                guard labels[key] == nil else { throw Decline() }
                labels[key] = .some(try reader.labelList())
            default:
                try reader.skipValue(depth: 1)
            }
        }
        skipWhitespace()
        guard p == bytes.count, var panels, !panels.isEmpty else { throw Decline() }
        // The top level's labels are every panel's that gives none; a count unlike the matrix's
        // is the general reader's to report.
        for k in panels.indices {
            let rowLabels = panels[k].rowLabels ?? (labels["rowLabels"] ?? nil)
            let columnLabels = panels[k].columnLabels ?? (labels["columnLabels"] ?? nil)
            guard rowLabels.map({ $0.count == panels[k].matrix.rows }) ?? true,
                  columnLabels.map({ $0.count == panels[k].matrix.columns }) ?? true else { throw Decline() }
            panels[k].rowLabels = rowLabels
            panels[k].columnLabels = columnLabels
        }
        return Dataset(panels: panels, rowName: names["rowName"] ?? "row", columnName: names["columnName"] ?? "column",
                       valueName: names["valueName"] ?? "value")
    }

    /// A name is a string; null means the default.
    private mutating func nameValue() throws -> String? {
        skipWhitespace()
        if try literal("null") { return nil }
        return try string()
    }

    /// Labels are strings in an array; null means none.
    private mutating func labelList() throws -> [String]? {
        skipWhitespace()
        if try literal("null") { return nil }
        var labels: [String] = []
        try array { reader in labels.append(try reader.string()) }
        return labels
    }

    private mutating func panelList() throws -> [Panel] {
        var panels: [Panel] = []
        try array { reader in panels.append(try reader.panel()) }
        return panels
    }

    private mutating func panel() throws -> Panel {
        var title: String??
        var matrix: Matrix?
        var labels: [String: [String]?] = [:]
        try object { key, reader in
            switch key {
            case "title":
                guard title == nil else { throw Decline() }
                title = .some(try reader.nameValue())
            case "values":
                guard matrix == nil else { throw Decline() }
                matrix = try reader.values()
            case "rowLabels", "columnLabels":
                guard labels[key] == nil else { throw Decline() }
                labels[key] = .some(try reader.labelList())
            default:
                try reader.skipValue(depth: 3)
            }
        }
        guard let matrix else { throw Decline() }
        let rowLabels = labels["rowLabels"] ?? nil, columnLabels = labels["columnLabels"] ?? nil
        guard rowLabels.map({ $0.count == matrix.rows }) ?? true,
              columnLabels.map({ $0.count == matrix.columns }) ?? true else { throw Decline() }
        return Panel(title: (title ?? nil) ?? "", matrix: matrix, rowLabels: rowLabels, columnLabels: columnLabels)
    }

    /// Rows of numbers or nulls, all as long as the first, which is not empty. (Plain loops rather
    /// than `array`'s closures: this runs for every cell.)
    private mutating func values() throws -> Matrix {
        var values: [Double] = []
        var rows = 0, columns = 0
        try expect(UInt8(ascii: "["))
        while true {
            try expect(UInt8(ascii: "["))
            let before = values.count
            while true {
                values.append(try cell())
                guard let byte = nextByte() else { throw Decline() }
                if byte == UInt8(ascii: "]") { break }
                guard byte == UInt8(ascii: ",") else { throw Decline() }
            }
            let count = values.count - before
            if rows == 0 { columns = count } else if count != columns { throw Decline() }
            rows += 1
            guard let byte = nextByte() else { throw Decline() }
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw Decline() }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    /// The next byte that is not whitespace, consumed.
    @inline(__always)
    private mutating func nextByte() -> UInt8? {
        skipWhitespace()
        guard p < bytes.count else { return nil }
        p += 1
        return bytes[p - 1]
    }

    @inline(__always)
    private mutating func cell() throws -> Double {
        skipWhitespace()
        guard p < bytes.count else { throw Decline() }
        if bytes[p] == UInt8(ascii: "n") {
            guard try literal("null") else { throw Decline() }
            return .nan
        }
        return try number()
    }

    // MARK: JSON

    /// Calls `member` with each key of an object, the reader at the key's value.
    private mutating func object(_ member: (String, inout FastPanelsReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if p < bytes.count, bytes[p] == UInt8(ascii: "}") { p += 1; return }
        while true {
            skipWhitespace()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            skipWhitespace()
            guard p < bytes.count else { throw Decline() }
            let byte = bytes[p]
            p += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else { throw Decline() }
        }
    }

    /// Calls `element` for each element of an array, the reader at the element.
    @inline(__always)
    private mutating func array(_ element: (inout FastPanelsReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if p < bytes.count, bytes[p] == UInt8(ascii: "]") { p += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            guard p < bytes.count else { throw Decline() }
            let byte = bytes[p]
            p += 1
            if byte == UInt8(ascii: "]") { return }
            guard byte == UInt8(ascii: ",") else { throw Decline() }
        }
    }

    /// Any value, checked and skipped.
    private mutating func skipValue(depth: Int) throws {
        guard depth < 512 else { throw Decline() }
        skipWhitespace()
        guard p < bytes.count else { throw Decline() }
        switch bytes[p] {
        case UInt8(ascii: "{"): try object { _, reader in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { reader in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): guard try literal("true") else { throw Decline() }
        case UInt8(ascii: "f"): guard try literal("false") else { throw Decline() }
        case UInt8(ascii: "n"): guard try literal("null") else { throw Decline() }
        default: _ = try number()
        }
    }

    /// A string, escapes decoded; raw control characters, lone surrogates and invalid UTF-8 decline.
    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        guard let string = try? JSONString.decode(bytes, from: p), !string.repaired else { throw Decline() }
        p = string.end
        return string.text
    }

    /// A number by JSON's grammar (no '+' or leading zeros, digits on both sides of a '.'),
    /// correctly rounded: its digits go to `DecimalRounding`. Out of Double's range declines.
    @inline(__always)
    private mutating func number() throws -> Double {
        let start = p
        var negative = false
        if p < bytes.count, bytes[p] == UInt8(ascii: "-") { negative = true; p += 1 }
        // At most 19 significant digits (all a UInt64 holds) are kept: more make a mantissa past
        // 2^53, which the fast path turns away, so dropping the rest costs nothing.
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        // Integer part: 0, or digits not starting with 0.
        guard p < bytes.count, isDigit(bytes[p]) else { throw Decline() }
        if bytes[p] == UInt8(ascii: "0") {
            p += 1
            guard p >= bytes.count || !isDigit(bytes[p]) else { throw Decline() }
        } else {
            while p < bytes.count, isDigit(bytes[p]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[p] &- UInt8(ascii: "0")) } else { exponent += 1 }
                if mantissa > 0 { digits += 1 }
                p += 1
            }
        }
        if p < bytes.count, bytes[p] == UInt8(ascii: ".") {
            p += 1
            guard p < bytes.count, isDigit(bytes[p]) else { throw Decline() }
            while p < bytes.count, isDigit(bytes[p]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[p] &- UInt8(ascii: "0"))
                    exponent -= 1
                    if mantissa > 0 { digits += 1 }
                }
                p += 1
            }
        }
        if p < bytes.count, bytes[p] | 0x20 == UInt8(ascii: "e") {
            // Foundation's parser rejects "0e2" (though not "-0e2", "0e+2" or "0.0e2"); the
            // general reader says what it makes of it, so the two never disagree.
            if !negative, p == start + 1, bytes[start] == UInt8(ascii: "0"), p + 1 < bytes.count, isDigit(bytes[p + 1]) {
                throw Decline()
            }
            p += 1
            var exponentNegative = false
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") {
                exponentNegative = bytes[p] == UInt8(ascii: "-")
                p += 1
            }
            guard p < bytes.count, isDigit(bytes[p]) else { throw Decline() }
            var written = 0
            while p < bytes.count, isDigit(bytes[p]) {
                if written < 10_000 { written = written * 10 + Int(bytes[p] - UInt8(ascii: "0")) }
                p += 1
            }
            exponent += exponentNegative ? -written : written
        }
        let magnitude = DecimalRounding.fastPath(mantissa: mantissa, exponent: exponent) ?? slowNumber(from: start)
        // Beyond Double's range either way: the general reader says what it makes of it.
        guard let magnitude, magnitude.isFinite, magnitude != 0 || mantissa == 0 else { throw Decline() }
        return negative ? -magnitude : magnitude
    }

    /// The magnitude of the number token from `start` to `p`, by the slow path.
    @inline(never)
    private func slowNumber(from start: Int) -> Double? {
        let unsigned = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        return DecimalRounding.slowPath(bytes.baseAddress! + unsigned, count: p - unsigned)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private mutating func skipWhitespace() {
        while p < bytes.count {
            let byte = bytes[p]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            p += 1
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard p < bytes.count, bytes[p] == byte else { throw Decline() }
        p += 1
    }

    /// Consumes `text` when it comes next; false (nothing consumed) otherwise.
    private mutating func literal(_ text: StaticString) throws -> Bool {
        let count = text.utf8CodeUnitCount
        guard p + count <= bytes.count else { return false }
        for k in 0..<count where bytes[p + k] != text.utf8Start[k] { return false }
        p += count
        return true
    }
}
