/// Byte offsets to 1-based lines and columns (columns count characters; a leading UTF-8 byte
/// order mark is not part of the content, as for Foundation's offsets).
public struct TextPositions: Sendable {
    public let bytes: [UInt8]
    public let contentStart: Int

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The content offset just after the last non-blank byte.
    public var endOfLastText: Int {
        var end = bytes.count
        while end > contentStart, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return end - contentStart
    }

    /// Line and column of the byte `offset` bytes after the content start.
    public func lineAndColumn(atContentOffset offset: Int) -> (line: Int, column: Int) {
        let target = min(contentStart + max(offset, 0), bytes.count)
        var line = 1, column = 1
        var k = contentStart
        while k < target {
            let byte = bytes[k]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (k + 1 >= bytes.count || bytes[k + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }

    /// The content offset of the first occurrence of `literal`, if any.
    public func firstOffset(of literal: String) -> Int? {
        let needle = Array(literal.utf8)
        guard !needle.isEmpty, bytes.count - contentStart >= needle.count else { return nil }
        for start in contentStart...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start - contentStart }
        }
        return nil
    }
}
