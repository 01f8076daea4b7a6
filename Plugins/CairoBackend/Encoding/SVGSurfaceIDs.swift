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
        svg.withUnsafeBufferPointer { bytes in
            var copied = 0, i = 0
            // Only ids and references: `id="surface12"`, `xlink:href="#surface12"`, `url(#surface12)`.
            while let s = nextMarker(in: bytes, from: i) {
                var end = s + marker.count
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                i = end
                guard end > s + marker.count else { continue }
                let number = svg[(s + marker.count)..<end]
                let id = renumbered[number] ?? (renumbered.count + 1)
                renumbered[number] = id
                output.append(contentsOf: bytes[copied..<(s + marker.count)])
                output.append(contentsOf: String(id).utf8)
                copied = end
            }
            output.append(contentsOf: bytes[copied...])
        }
        return output
    }

    /// The index of the next "surface" right after a `"` or `#`, at or after `start`.
    private static func nextMarker(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + marker.count < bytes.count {
            if bytes[i] == UInt8(ascii: "s"), i > 0, bytes[i - 1] == UInt8(ascii: "\"") || bytes[i - 1] == UInt8(ascii: "#"),
               marker.indices.allSatisfy({ bytes[i + $0] == marker[$0] }) {
                return i
            }
            i += 1
        }
        return nil
    }
}
