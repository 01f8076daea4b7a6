import Foundation

/// The published tables of a sample of built-in colormaps from every source and kind, as
/// `scripts/generate-colormaps.py` copied them from the PyPI packages into
/// `Tests/ColormapsTests/Fixtures/published-colormaps.json` (full precision, so the tests need no
/// Python), plus every stored map's names in the library's order.
public struct PublishedColormaps: Decodable, Sendable {
    /// One published table.
    public struct Table: Decodable, Sendable {
        public let name: String
        public let kind: String
        public let source: String
        /// Red, green, blue in 0...1, as published.
        public let colors: [[Double]]

        /// Entry `index` in 8 bits per channel, rounded half up as HeatGrid's colour mapping rounds.
        public func bytes(_ index: Int) -> [UInt8] {
            colors[index].map { UInt8(($0 * 255).rounded(.toNearestOrAwayFromZero)) }
        }
    }

    /// The package versions the tables came from.
    public let generatedFrom: String
    /// How many colormaps the library holds.
    public let total: Int
    /// Every stored colormap's names (its own first, then its aliases), in the library's order.
    public let names: [[String]]
    /// The sampled tables.
    public let colormaps: [Table]

    /// The fixture file, read once.
    public static let fixture: PublishedColormaps = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ColormapsTests/Fixtures/published-colormaps.json")
        do {
            return try JSONDecoder().decode(PublishedColormaps.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error); run scripts/generate-colormaps.py")
        }
    }()
}
