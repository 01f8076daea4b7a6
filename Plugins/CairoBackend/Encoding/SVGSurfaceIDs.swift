/// Cairo names each SVG surface `surfaceN` after a process-wide counter, so the second figure a
/// process renders differs from the first. Renumbering the ids by first appearance makes SVG output
/// depend only on the scene (reproducible builds, batch renders in one process).
enum SVGSurfaceIDs {
    private static let marker = Array("surface".utf8)

    /// `svg` with every `"surfaceN` / `#surfaceN` reference renumbered 1, 2, ... in order of appearance.
    static func normalized(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var renumbered: [ArraySlice<UInt8>: Int] = [:]
        var i = 0
        while i < svg.count {
            let byte = svg[i]
            output.append(byte)
            i += 1
            // Only ids and references: `id="surface12"`, `xlink:href="#surface12"`, `url(#surface12)`.
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#"),
                  svg[i...].starts(with: marker) else { continue }
            var end = i + marker.count
            while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
            guard end > i + marker.count else { continue }
            let number = svg[(i + marker.count)..<end]
            let id = renumbered[number] ?? (renumbered.count + 1)
            renumbered[number] = id
            output += marker
            output += Array(String(id).utf8)
            i = end
        }
        return output
    }
}
