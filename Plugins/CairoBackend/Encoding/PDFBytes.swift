/// Just enough of a PDF reader to find objects in the files cairo writes: image stream objects,
/// their flat dictionaries and data, and the last trailer. Not a general parser: it never follows
/// object streams (which cannot hold streams anyway) and reads dictionaries without nesting.
struct PDFBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A stream object: its number, the byte range of its dictionary's contents, and where the
    /// keyword `stream` ends.
    struct StreamObject {
        var number: Int
        var dictionary: Range<Int>
        var streamKeywordEnd: Int
    }

    /// The last cross-reference section: the trailer entries to carry into an update.
    struct Trailer {
        /// True when the section is an xref stream (PDF 1.5) rather than a table.
        var isStream: Bool
        /// Where the section starts (the update's `/Prev`).
        var offset: Int
        var size: Int
        /// ` /Root ... /Info ... /ID ...` as written, those present.
        var carriedEntries: String
    }

    /// Every object whose dictionary says `/Subtype /Image`.
    func imageObjects() -> [StreamObject] {
        var found: [StreamObject] = []
        var from = 0
        while let subtype = find("/Subtype", from: from) {
            from = subtype + 8
            let value = skipWhitespace(from)
            guard matches("/Image", at: value), isDelimiter(at: value + 6),
                  let object = enclosingObject(of: subtype) else { continue }
            found.append(object)
        }
        return found
    }

    /// The stream's data, `/Length` long (a number or a reference to one).
    func streamData(of object: StreamObject) -> ArraySlice<UInt8>? {
        var start = object.streamKeywordEnd
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        guard start < bytes.count, bytes[start] == 0x0A else { return nil }
        start += 1
        guard let lengthText = value(for: "Length", in: object.dictionary), let length = resolveInteger(lengthText),
              length >= 0, start + length <= bytes.count else { return nil }
        return bytes[start..<(start + length)]
    }

    /// The integer value of `/key` in a dictionary, when it is a plain number.
    func integer(for key: String, in dictionary: Range<Int>) -> Int? {
        value(for: key, in: dictionary).flatMap { Int($0) }
    }

    /// The raw text of `/key`'s value in a flat dictionary (`12`, `3 0 R`, `/FlateDecode`, `[<..> <..>]`).
    func value(for key: String, in dictionary: Range<Int>) -> String? {
        var from = dictionary.lowerBound
        while let at = find("/" + key, from: from, before: dictionary.upperBound) {
            from = at + key.count + 1
            guard isDelimiter(at: from) else { continue }
            let start = skipWhitespace(from)
            var end = start, depth = 0
            while end < dictionary.upperBound {
                let c = bytes[end]
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "<") { depth += 1 }
                if c == UInt8(ascii: "]") || c == UInt8(ascii: ">") { depth -= 1 }
                if depth < 0 || (depth == 0 && c == UInt8(ascii: "/") && end > start) { break }
                end += 1
                if depth == 0, c == UInt8(ascii: "]") { break }
            }
            return String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace
        }
        return nil
    }

    /// The section `startxref` points at, and its trailer entries.
    func lastTrailer() -> Trailer? {
        guard let keyword = findLast("startxref"), let offset = Int(token(at: skipWhitespace(keyword + 9))),
              offset >= 0, offset < bytes.count else { return nil }
        let dictionary: Range<Int>
        let isStream = !matches("xref", at: offset)
        if isStream {
            guard let object = object(at: offset) else { return nil }
            dictionary = object.dictionary
        } else {
            guard let trailer = find("trailer", from: offset), let open = find("<<", from: trailer),
                  let close = find(">>", from: open) else { return nil }
            dictionary = (open + 2)..<close
        }
        guard let size = integer(for: "Size", in: dictionary) else { return nil }
        let carried = ["Root", "Info", "ID"].compactMap { key in value(for: key, in: dictionary).map { " /\(key) \($0)" } }
        return Trailer(isStream: isStream, offset: offset, size: size, carriedEntries: carried.joined())
    }

    // MARK: Objects

    /// The stream object whose dictionary contains byte `position`.
    private func enclosingObject(of position: Int) -> StreamObject? {
        guard let keyword = findLast(" obj", before: position) else { return nil }
        // Back over "N G" to the start of the line.
        var start = keyword
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        return object(at: start)
    }

    /// The stream object starting at `offset` ("N G obj << ... >> stream").
    private func object(at offset: Int) -> StreamObject? {
        let parts = String(decoding: bytes[offset..<min(bytes.count, offset + 32)], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        guard parts.count >= 3, let number = Int(parts[0]), Int(parts[1]) != nil, parts[2].hasPrefix("obj"),
              let open = find("<<", from: offset), let streamKeyword = find("stream", from: open),
              let close = findLast(">>", before: streamKeyword), close > open else { return nil }
        return StreamObject(number: number, dictionary: (open + 2)..<close, streamKeywordEnd: streamKeyword + 6)
    }

    /// A number, or the number in object `N 0 R`.
    private func resolveInteger(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[2] == "R", let number = Int(parts[0]) else { return nil }
        let header = Array("\n\(number) 0 obj".utf8)
        guard let at = find(header, from: 0) else { return nil }
        return Int(token(at: skipWhitespace(at + header.count)))
    }

    // MARK: Bytes

    private func token(at position: Int) -> String {
        var end = position
        while end < bytes.count, !isWhitespace(bytes[end]) { end += 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    private func skipWhitespace(_ position: Int) -> Int {
        var p = position
        while p < bytes.count, isWhitespace(bytes[p]) { p += 1 }
        return p
    }

    private func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0 }

    private func isDelimiter(at position: Int) -> Bool {
        position >= bytes.count || isWhitespace(bytes[position]) || "/<>[]()".utf8.contains(bytes[position])
    }

    private func matches(_ text: String, at position: Int) -> Bool {
        let pattern = Array(text.utf8)
        return position + pattern.count <= bytes.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
    }

    private func find(_ text: String, from start: Int, before end: Int? = nil) -> Int? {
        find(Array(text.utf8), from: start, before: end)
    }

    private func find(_ pattern: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        bytes.firstIndex(of: pattern, in: start..<Swift.max(start, end ?? bytes.count))
    }

    private func findLast(_ text: String, before end: Int? = nil) -> Int? {
        let pattern = Array(text.utf8)
        var i = (end ?? bytes.count) - pattern.count
        while i >= 0 {
            if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i -= 1
        }
        return nil
    }
}

private extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
