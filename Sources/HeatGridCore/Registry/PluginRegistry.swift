/// The extension points' registered implementations. Built-in plugins register through the same
/// methods as outside ones; later registrations of a name replace earlier ones.
public struct PluginRegistry: Sendable {
    public private(set) var sources: [any DataSource] = []
    public private(set) var scales: [String: any ScaleProvider] = [:]
    public private(set) var colormaps: [String: any Colormap] = [:]
    public private(set) var layouts: [String: any Layout] = [:]
    public private(set) var backends: [any Backend] = []
    /// Measures text for layout; the backend that draws the text should provide it.
    public var textMeasurer: (any TextMeasurer)?

    /// An empty registry.
    public init() {}

    public mutating func register(source: any DataSource) {
        sources.removeAll { $0.format == source.format }
        sources.append(source)
    }

    public mutating func register(scale: any ScaleProvider) { scales[scale.type.lowercased()] = scale }

    public mutating func register(colormap: any Colormap) { colormaps[colormap.name.lowercased()] = colormap }

    public mutating func register(layout: any Layout) { layouts[layout.type.lowercased()] = layout }

    public mutating func register(backend: any Backend) {
        backends.removeAll { Set($0.formats).isSubset(of: backend.formats) }
        backends.append(backend)
    }

    /// The source for `format`, or else the one claiming the file's extension.
    public func source(format: String?, fileExtension: String) throws -> any DataSource {
        if let format {
            guard let source = sources.first(where: { $0.format == format.lowercased() }) else {
                throw HeatGridError.unknownPlugin(kind: "data format", name: format, available: sources.map(\.format))
            }
            return source
        }
        guard let source = sources.first(where: { $0.fileExtensions.contains(fileExtension.lowercased()) }) else {
            throw HeatGridError.unknownPlugin(kind: "data file extension", name: "." + fileExtension,
                available: sources.flatMap(\.fileExtensions).map { "." + $0 })
        }
        return source
    }

    public func scale(type: String) throws -> any ScaleProvider {
        guard let scale = scales[type.lowercased()] else {
            throw HeatGridError.unknownPlugin(kind: "scale", name: type, available: Array(scales.keys))
        }
        return scale
    }

    public func colormap(named name: String) throws -> any Colormap {
        guard let colormap = colormaps[name.lowercased()] else {
            throw HeatGridError.unknownPlugin(kind: "colormap", name: name, available: Array(colormaps.keys))
        }
        return colormap
    }

    public func layout(type: String) throws -> any Layout {
        guard let layout = layouts[type.lowercased()] else {
            throw HeatGridError.unknownPlugin(kind: "layout", name: type, available: Array(layouts.keys))
        }
        return layout
    }

    public func backend(format: String) throws -> any Backend {
        guard let backend = backends.last(where: { $0.formats.contains(format.lowercased()) }) else {
            throw HeatGridError.unknownPlugin(kind: "output format", name: format,
                                              available: backends.flatMap(\.formats))
        }
        return backend
    }
}
