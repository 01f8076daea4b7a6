/// The extension points' registered implementations. Built-in plugins register through the same
/// methods as outside ones; later registrations of a name replace earlier ones.
public struct PluginRegistry: Sendable {
    public private(set) var sources: [any DataSource] = []
    public private(set) var scales: [String: any ScaleProvider] = [:]
    public private(set) var colormaps: [String: any Colormap] = [:]
    /// The aliases each colormap was registered with, as spelled then, keyed by its name in lower case.
    public private(set) var colormapAliases: [String: [String]] = [:]
    public private(set) var colormapImporters: [any ColormapImporter] = []
    public private(set) var layouts: [String: any Layout] = [:]
    public private(set) var marks: [String: any Mark] = [:]
    public private(set) var backends: [any Backend] = []
    /// Measures text for layout: the measurer of the most recently registered backend that brings
    /// one (`Backend.textMeasurer`), so layout and drawing use the same fonts and shaping.
    public var textMeasurer: (any TextMeasurer)? { backends.reversed().lazy.compactMap(\.textMeasurer).first }
    /// Where each registration came from, keyed "kind:name" ("layout:grid", "colormap:viridis",
    /// "source:csv", "scale:log", "colormap-importer:cpt", "backend:png"): "built-in", or the path
    /// of the runtime plugin library that registered it.
    public private(set) var origins: [String: String] = [:]
    /// The origin recorded by the `register` methods; the plugin loader sets it to a library's path
    /// while that library registers.
    public var currentOrigin: String = PluginAPI.builtInOrigin

    /// An empty registry.
    public init() {}

    public mutating func register(source: any DataSource) {
        sources.removeAll { $0.format == source.format }
        sources.append(source)
        origins["source:\(source.format)"] = currentOrigin
    }

    public mutating func register(scale: any ScaleProvider) {
        scales[scale.type.lowercased()] = scale
        origins["scale:\(scale.type.lowercased())"] = currentOrigin
    }

    /// Registers `colormap` under its name and under each of `aliases` (other names for the same
    /// colours, like `grey` for `gray`); every name is looked up case-insensitively.
    public mutating func register(colormap: any Colormap, aliases: [String] = []) {
        for name in [colormap.name] + aliases {
            colormaps[name.lowercased()] = colormap
            origins["colormap:\(name.lowercased())"] = currentOrigin
        }
        colormapAliases[colormap.name.lowercased()] = aliases.isEmpty ? nil : aliases
    }

    public mutating func register(colormapImporter: any ColormapImporter) {
        colormapImporters.append(colormapImporter)
        // The first importer claiming an extension is the one used.
        for fileExtension in colormapImporter.fileExtensions where origins["colormap-importer:\(fileExtension)"] == nil {
            origins["colormap-importer:\(fileExtension)"] = currentOrigin
        }
    }

    public mutating func register(layout: any Layout) {
        layouts[layout.type.lowercased()] = layout
        origins["layout:\(layout.type.lowercased())"] = currentOrigin
    }

    public mutating func register(mark: any Mark) {
        marks[mark.type.lowercased()] = mark
        origins["mark:\(mark.type.lowercased())"] = currentOrigin
    }

    public mutating func register(backend: any Backend) {
        backends.removeAll { Set($0.formats).isSubset(of: backend.formats) }
        backends.append(backend)
        for format in backend.formats { origins["backend:\(format)"] = currentOrigin }
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

    /// A registered colormap by name, case-insensitively; a `_r` suffix reverses any of them.
    /// An unknown name fails with the closest names first.
    public func colormap(named name: String) throws -> any Colormap {
        let key = name.lowercased()
        if let colormap = colormaps[key] { return colormap }
        if key.hasSuffix("_r"), let base = colormaps[String(key.dropLast(2))] {
            return base.reversedColormap()
        }
        let names = colormaps.keys.sorted()
        let close = closeMatches(to: key, in: names)
        throw HeatGridError.unknownColormap(name: name, closest: close, available: names)
    }

    /// The importer for a colormap file's extension.
    public func colormapImporter(fileExtension: String) throws -> any ColormapImporter {
        guard let importer = colormapImporters.first(where: { $0.fileExtensions.contains(fileExtension.lowercased()) }) else {
            throw HeatGridError.unknownPlugin(kind: "colormap file extension", name: "." + fileExtension,
                available: colormapImporters.flatMap(\.fileExtensions).map { "." + $0 })
        }
        return importer
    }

    public func layout(type: String) throws -> any Layout {
        guard let layout = layouts[type.lowercased()] else {
            throw HeatGridError.unknownPlugin(kind: "layout", name: type, available: Array(layouts.keys))
        }
        return layout
    }

    public func mark(type: String) throws -> any Mark {
        guard let mark = marks[type.lowercased()] else {
            throw HeatGridError.unknownPlugin(kind: "mark", name: type, available: Array(marks.keys))
        }
        return mark
    }

    public func backend(format: String) throws -> any Backend {
        guard let backend = backends.last(where: { $0.formats.contains(format.lowercased()) }) else {
            throw HeatGridError.unknownPlugin(kind: "output format", name: format,
                                              available: backends.flatMap(\.formats))
        }
        return backend
    }
}
