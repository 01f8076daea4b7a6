/// The kinds of plugins that describe themselves (`PluginDescribing`), in the order
/// `heatgrid describe` lists them. Raw values are the kinds' names in `PluginRegistry.origins`.
public enum PluginKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case source
    case scale
    case colormapImporter = "colormap-importer"
    case layout
    case mark
    case backend

    public var description: String { rawValue }

    /// The heading for several: "sources", "colormap importers".
    public var plural: String { rawValue.split(separator: "-").joined(separator: " ") + "s" }

    /// What picks a plugin of this kind, and where its options go in a spec.
    public var answersTo: String {
        func section<Section: PluginSection>(_: Section.Type) -> String {
            let core = Section.coreKeys.map { "\(Section.key).\($0)" }.joined(separator: ", ")
            return "options: the \(Section.key) section's other keys besides \(core)"
        }
        switch self {
        case .source: return "data.format or the data file's extension; " + section(DataSpec.self)
        case .scale: return "scale.type; " + section(ScaleSpec.self)
        case .colormapImporter: return "a colormap file's extension"
        case .layout: return "layout.type; " + section(LayoutSpec.self)
        case .mark: return "marks[i].type; options: the entry's other keys besides marks[i].type, marks[i].select, marks[i].legend"
        case .backend: return "an output file's extension; options: the section named by the format (svg)"
        }
    }
}

/// A registered plugin as `heatgrid describe` shows it.
public struct PluginDescription: Sendable, Equatable {
    public var kind: PluginKind
    /// The names it answers to: a source's format, a scale's or layout's type, a backend's output
    /// formats, an importer's file extensions.
    public var names: [String]
    /// The data file extensions a source claims (empty for other kinds).
    public var fileExtensions: [String]
    public var summary: String
    public var options: [PluginOption]
    /// "built-in", or the path of the runtime plugin library that registered it.
    public var origin: String

    public init(kind: PluginKind, names: [String], fileExtensions: [String] = [], summary: String,
                options: [PluginOption], origin: String) {
        self.kind = kind; self.names = names; self.fileExtensions = fileExtensions; self.summary = summary
        self.options = options; self.origin = origin
    }
}

extension PluginRegistry {
    /// Every registered plugin of `kind`, by name (sources, importers and backends in
    /// registration order).
    public func descriptions(of kind: PluginKind) -> [PluginDescription] {
        func described(_ plugin: any PluginDescribing, _ names: [String], extensions: [String] = []) -> PluginDescription {
            PluginDescription(kind: kind, names: names, fileExtensions: extensions, summary: plugin.summary,
                              options: plugin.options,
                              origin: origins["\(kind.rawValue):\((names.first ?? "").lowercased())"] ?? PluginAPI.builtInOrigin)
        }
        switch kind {
        case .source: return sources.map { described($0, [$0.format], extensions: $0.fileExtensions) }
        case .scale: return scales.sorted { $0.key < $1.key }.map { described($0.value, [$0.key]) }
        case .colormapImporter: return colormapImporters.map { described($0, $0.fileExtensions) }
        case .layout: return layouts.sorted { $0.key < $1.key }.map { described($0.value, [$0.key]) }
        case .mark: return marks.sorted { $0.key < $1.key }.map { described($0.value, [$0.key]) }
        case .backend: return backends.map { described($0, $0.formats) }
        }
    }

    /// Every registered plugin, grouped by kind.
    public var descriptions: [PluginDescription] { PluginKind.allCases.flatMap(descriptions(of:)) }

    /// The kind called `name` (singular or plural: "layout", "layouts"); an unknown name is an
    /// error naming the nearest kind.
    public static func pluginKind(named name: String) throws -> PluginKind {
        let key = name.lowercased().split(separator: " ").joined(separator: "-")
        if let kind = PluginKind(rawValue: key) ?? (key.hasSuffix("s") ? PluginKind(rawValue: String(key.dropLast())) : nil) {
            return kind
        }
        throw HeatGridError.unknownPlugin(kind: "plugin kind", name: name, available: PluginKind.allCases.map(\.rawValue))
    }

    /// The plugin of `kind` answering to `name` (a backend or importer by any of its formats or
    /// extensions, a source by format or file extension); an unknown name is an error naming the
    /// nearest registered one.
    public func description(of kind: PluginKind, named name: String) throws -> PluginDescription {
        let all = descriptions(of: kind)
        let key = String(name.lowercased().drop { $0 == "." })
        // The last backend registered for a format writes it; a source's file extension counts
        // only when no format matches.
        let searched = kind == .backend ? all.reversed() : all
        if let match = searched.first(where: { $0.names.contains(key) }) ?? searched.first(where: { $0.fileExtensions.contains(key) }) {
            return match
        }
        throw HeatGridError.unknownPlugin(kind: kind.rawValue, name: name, available: all.flatMap(\.names))
    }
}
