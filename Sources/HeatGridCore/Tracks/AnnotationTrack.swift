import Foundation

/// An annotation track ready to draw: what a side file says of each row (column) key, how it is
/// coloured, where the strip goes and how deep it is. Keys are the axis's names (or indices as
/// text for unnamed axes), so a track follows its rows through any order or split.
public struct AnnotationTrack: Sendable {
    /// What the strip shows.
    public enum Content: Sendable {
        /// A category per key and the colour of each category, in legend order.
        case categories([String: String], colors: [(name: String, color: RGBA)])
        /// A number per key, coloured through `mapping` (NaN: the mapping's bad colour).
        case colors([String: Double], mapping: ColorMapping)
        /// A number per key drawn as a bar; `range` spans 0 and every value.
        case bars([String: Double], range: ClosedRange<Double>)
    }

    /// Left or right of the rows, top or bottom of the columns.
    public var side: Side
    /// The legend's title.
    public var title: String
    /// The strip's depth across the axis, in points.
    public var depth: Double
    public var content: Content

    public init(side: Side, title: String, depth: Double, content: Content) {
        self.side = side; self.title = title; self.depth = depth; self.content = content
    }

    /// Whether the track runs along the rows (left or right of the bodies).
    public var alongRows: Bool { side == .left || side == .right }

    /// The fill of the strip's cell for `key` (categories and colours; nil for bars or a key
    /// the track does not know).
    func color(for key: String) -> RGBA? {
        switch content {
        case .categories(let values, let colors):
            guard let value = values[key] else { return nil }
            return colors.first { $0.name == value }?.color
        case .colors(let values, let mapping):
            guard let value = values[key] else { return nil }
            return mapping.color(for: value)
        case .bars: return nil
        }
    }

    /// The most categories a track colours from the palette alone.
    public static var maximumPaletteCategories: Int { CategoryPalette.colors.count }

    /// The track `spec` (the `index`-th of `axisName`'s tracks) for an axis whose keys are `keys`
    /// (in drawing order), its side file relative to `baseURL`. `mapping(colormap, values)` makes
    /// the colour mapping of a numeric track. A categorical track without its own `colors` takes
    /// the palette's colours from `paletteStart` on (the figure's earlier tracks took those before
    /// it), so two tracks never show different categories in one colour. Errors name `specFile`
    /// and the key.
    public static func load(_ spec: TrackSpec, index: Int, axisName: String, keys: [String], baseURL: URL?,
                            specFile: String, dpi: Double, paletteStart: Int = 0,
                            mapping: (String, [Double]) throws -> ColorMapping) throws -> AnnotationTrack {
        let specKey = "\(axisName).tracks[\(index)]"
        func fail(_ key: String, _ message: String) -> HeatGridError { .spec(file: specFile, key: "\(specKey).\(key)", message: message) }
        let rows = axisName == "rows"
        let side = spec.side ?? (rows ? .left : .top)
        guard rows == (side == .left || side == .right) else {
            throw fail("side", rows ? "a rows track goes \"left\" or \"right\" of the rows" : "a columns track goes \"top\" or \"bottom\" of the columns")
        }
        let folder = baseURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let table = try SideTable.read(folder.resolvingSpecPath(spec.source.path), displayPath: spec.source.path, specKey: specKey)
        let texts = try table.values(of: spec.source.column, byKey: spec.source.key, for: keys, specKey: specKey, specFile: specFile)
        let numbers = texts.map { $0.isEmpty || ["nan", "na"].contains($0.lowercased()) ? Double.nan : Double($0) }
        let numeric = numbers.allSatisfy { $0 != nil } && numbers.contains { $0!.isFinite }
        var kind = spec.type
        if kind == .auto { kind = numeric ? .numeric : .categorical }
        if kind != .categorical, !numeric {
            let bad = zip(keys, texts).first { Double($0.1) == nil && !$0.1.isEmpty }
            throw fail("type", "'\(kind.rawValue)' needs numbers, but \(spec.source.path) gives '\(bad?.1 ?? "")' for '\(bad?.0 ?? "")' in column '\(spec.source.column)'")
        }
        let byKey = { (values: [Double]) in Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }) }
        let content: Content
        switch kind {
        case .categorical, .auto:
            var names: [String] = [], seen: Set<String> = []
            for text in texts where seen.insert(text).inserted { names.append(text) }
            let colors = try names.enumerated().map { k, name -> (name: String, color: RGBA) in
                if let given = spec.colors {
                    guard let color = given[name] else {
                        throw fail("colors", "no colour for '\(name)' (colors has \(given.keys.sorted().joined(separator: ", ")))")
                    }
                    return (name, color)
                }
                guard names.count <= maximumPaletteCategories else {
                    throw fail("colors", "\(names.count) categories in column '\(spec.source.column)', more than the \(maximumPaletteCategories) the palette tells apart; give \"colors\" a colour for each, or group them")
                }
                return (name, CategoryPalette.colors[(paletteStart + k) % CategoryPalette.colors.count])
            }
            content = .categories(Dictionary(zip(keys, texts), uniquingKeysWith: { first, _ in first }), colors: colors)
        case .numeric:
            let values = numbers.map { $0! }
            content = .colors(byKey(values), mapping: try mapping(spec.colormap, values))
        case .bars:
            let values = numbers.map { $0! }, finite = values.filter(\.isFinite)
            let range = min(0, finite.min()!)...max(0, finite.max()!)
            content = .bars(byKey(values), range: range.lowerBound < range.upperBound ? range : 0...1)
        }
        return AnnotationTrack(side: side, title: spec.title ?? spec.source.column, depth: spec.size.points(dpi: dpi), content: content)
    }
}
