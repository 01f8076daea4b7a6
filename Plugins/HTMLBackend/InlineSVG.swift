import HeatGridCore

/// An SVG file made fit to sit inside an HTML page: what precedes the root `<svg>` (the XML
/// declaration, a doctype, comments) is dropped, and so are the root's namespace declarations
/// (`xmlns`, `xmlns:xlink`: the HTML parser puts `<svg>` and `xlink:href` in their namespaces by
/// itself), so the page names no URL at all. Everything else is kept byte for byte: the page shows
/// exactly what the SVG backend drew, whichever backend that is.
enum InlineSVG {
    /// The markup from `svg`'s root element on, with `attributes` added to the root start tag.
    static func markup(_ svg: [UInt8], attributes: String) throws -> [UInt8] {
        guard let start = rootStart(svg) else {
            throw HeatGridError.backend(format: "html", message: "the SVG backend's output has no <svg> element")
        }
        guard let tagEnd = svg[start...].firstIndex(of: UInt8(ascii: ">")) else {
            throw HeatGridError.backend(format: "html", message: "the SVG backend's <svg> start tag is not closed")
        }
        var tag = String(decoding: svg[start..<tagEnd], as: UTF8.self)
        tag = tag.replacing(#/\s+xmlns(:[A-Za-z_][\w.-]*)?\s*=\s*("[^"]*"|'[^']*')/#, with: "")
        let selfClosing = tag.hasSuffix("/")
        if selfClosing { tag.removeLast() }
        var out = Array((tag + " " + attributes + (selfClosing ? "/" : "")).utf8)
        out += svg[tagEnd...]
        // Trailing whitespace after the root element is left out too.
        while let last = out.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { out.removeLast() }
        return out
    }

    /// Where the root `<svg` start tag begins (after any prolog), or nil.
    static func rootStart(_ svg: [UInt8]) -> Int? {
        let needle = Array("<svg".utf8)
        var i = 0
        while i + needle.count < svg.count {
            if svg[i] == needle[0], Array(svg[i..<(i + needle.count)]) == needle {
                let next = svg[i + needle.count]
                if next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") {
                    return i
                }
            }
            i += 1
        }
        return nil
    }
}
