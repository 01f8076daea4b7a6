/// Cairo writes cell images into SVG as plain `<image>` elements, which viewers smooth when they
/// scale them up: a 1024x1024 heatmap would turn to mush. Marking every image pixelated (CSS
/// `image-rendering`, plus the SVG 1.1 attribute for older renderers) keeps cells crisp.
enum SVGImageRendering {
    private static let tag = Array("<image ".utf8)
    private static let attributes = Array(#"<image image-rendering="optimizeSpeed" style="image-rendering:pixelated" "#.utf8)

    /// `svg` with every `<image ` opening tag given the pixelated attributes.
    static func pixelated(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + 64)
        svg.withUnsafeBufferPointer { bytes in
            var copied = 0, i = 0
            while i + tag.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "i"), tag.indices.allSatisfy({ bytes[i + $0] == tag[$0] }) {
                    output.append(contentsOf: bytes[copied..<i])
                    output.append(contentsOf: attributes)
                    i += tag.count
                    copied = i
                } else {
                    i += 1
                }
            }
            output.append(contentsOf: bytes[copied...])
        }
        return output
    }
}
