/// Looking up the plugin a spec section names and checking the section against the options that
/// plugin declares, so a typo (`layout.colums`) or a key meant for another plugin (`scale.gamma`
/// with a linear scale) fails before the plugin runs, for runtime plugins as for built-ins.
extension PluginRegistry {
    /// The layout `spec.type` names; every other key of the section must be one of its options.
    public func layout(for spec: LayoutSpec, specFile: String) throws -> any Layout {
        let layout = try self.layout(type: spec.type)
        try spec.checkOptions(against: layout.options, plugin: "the '\(spec.type)' layout",
                              others: others(layouts.mapValues(\.options), except: spec.type, kind: "layout"), specFile: specFile)
        return layout
    }

    /// The mark `spec.type` names; every key of the entry but type, select and legend must be
    /// one of its options.
    public func mark(for spec: MarkSpec, specFile: String) throws -> any Mark {
        let mark: any Mark
        do { mark = try self.mark(type: spec.type) } catch let error as HeatGridError {
            // Name the entry: a spec can hold many marks.
            throw HeatGridError.spec(file: specFile, key: "\(spec.keyPath).type", message: "\(error)")
        }
        try spec.checkOptions(against: mark.options, plugin: "the '\(spec.type)' mark",
                              others: others(marks.mapValues(\.options), except: spec.type, kind: "mark"), specFile: specFile)
        return mark
    }

    /// The scale family `spec.type` names; every key of the section but the core's (domain,
    /// clamp, under, over, shared) must be one of its options.
    public func scale(for spec: ScaleSpec, specFile: String) throws -> any ScaleProvider {
        let provider = try scale(type: spec.type)
        try spec.checkOptions(against: provider.options, plugin: "the '\(spec.type)' scale",
                              others: others(scales.mapValues(\.options), except: spec.type, kind: "scale"), specFile: specFile)
        return provider
    }

    /// The source for `spec.format` (or else the file's extension); every key of the section but
    /// `path` and `format` must be one of its options.
    public func source(for spec: DataSpec, fileExtension: String, specFile: String) throws -> any DataSource {
        let source = try self.source(format: spec.format, fileExtension: fileExtension)
        let rest = sources.filter { $0.format != source.format }.map { ("the '\($0.format)' source", $0.options) }
        try spec.checkOptions(against: source.options, plugin: "the '\(source.format)' source", others: rest,
                              specFile: specFile)
        return source
    }

    /// Checks the spec's `svg` section against the options of the backend that writes SVG.
    public func checkOptions(svg spec: SVGSpec, specFile: String) throws {
        guard !spec.options.isEmpty else { return }
        let backend = try backend(format: "svg")
        try spec.checkOptions(against: backend.options, plugin: "the 'svg' backend", specFile: specFile)
    }

    /// The other registered plugins of a kind keyed by name, as "the 'pow' scale" with their options.
    private func others(_ plugins: [String: [PluginOption]], except name: String, kind: String)
        -> [(plugin: String, options: [PluginOption])] {
        plugins.filter { $0.key != name.lowercased() }.sorted { $0.key < $1.key }
            .map { ("the '\($0.key)' \(kind)", $0.value) }
    }
}
