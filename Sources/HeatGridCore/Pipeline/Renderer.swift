import Foundation

/// A rendered figure: its scene plus what it was built from (for inspection and tests).
public struct Figure: Sendable {
    public var scene: Scene
    public var layout: FigureLayout
    public var dataset: Dataset
    /// One mapping per panel (the same value for all when the scale is shared).
    public var mappings: [ColorMapping]
    /// The shared mapping (the first panel's).
    public var mapping: ColorMapping { mappings[0] }
    /// What the figure may get wrong though it renders (a colormap that is not perceptually
    /// uniform), one sentence each, for the tool to print on stderr.
    public var warnings: [String] = []
}

/// The render pipeline: spec -> data source -> scale + colormap -> layout -> scene -> backend.
/// It is a value holding the plugin registry; every call is independent and safe to run
/// concurrently.
public struct Renderer: Sendable {
    public var registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// Loads the data named by `spec` (paths relative to `baseURL`), once its keys are checked
    /// against the chosen source's options (errors name `specFile`).
    public func loadData(_ spec: DataSpec, relativeTo baseURL: URL, specFile: String = "spec") throws -> Dataset {
        let url = baseURL.resolvingSpecPath(spec.path)
        let source = try registry.source(for: spec, fileExtension: url.pathExtension, specFile: specFile)
        let dataset = try source.load(DataRequest(url: url, displayPath: displayPath(url), spec: spec, specFile: specFile,
                                                           baseURL: baseURL))
        guard !dataset.panels.isEmpty else {
            throw HeatGridError.data(file: displayPath(url), line: nil, column: nil, message: "the file holds no panels")
        }
        return dataset
    }

    /// The colour mapping the spec asks for, fitted to `dataset` where the spec leaves the domain open.
    public func mapping(for spec: FigureSpec, dataset: Dataset, theme: Theme, specFile: String,
                        baseURL: URL? = nil) throws -> ColorMapping {
        try mapping(for: spec, data: DataSummary(dataset), theme: theme, specFile: specFile, baseURL: baseURL)
    }

    /// One mapping per panel: the shared one repeated, or with `scale.shared: false` each fitted to
    /// its own panel's data.
    public func mappings(for spec: FigureSpec, dataset: Dataset, theme: Theme, specFile: String,
                         baseURL: URL? = nil) throws -> [ColorMapping] {
        if !spec.scale.shared, spec.scale.type.lowercased() == "categorical" {
            throw HeatGridError.spec(file: specFile, key: "scale.shared", message: "a categorical scale is one legend for all panels; remove \"shared\": false")
        }
        guard !spec.scale.shared else {
            let shared = try mapping(for: spec, dataset: dataset, theme: theme, specFile: specFile, baseURL: baseURL)
            return Array(repeating: shared, count: max(dataset.panels.count, 1))
        }
        return try dataset.panels.map { panel in
            let own = Dataset(panels: [panel], rowName: dataset.rowName, columnName: dataset.columnName, valueName: dataset.valueName,
                              categories: dataset.categories)
            return try mapping(for: spec, data: DataSummary(own), theme: theme, specFile: specFile, baseURL: baseURL)
        }
    }

    private func mapping(for spec: FigureSpec, data: DataSummary, theme: Theme, specFile: String,
                         baseURL: URL?) throws -> ColorMapping {
        let scale = try registry.scale(for: spec.scale, specFile: specFile)
            .makeScale(ScaleRequest(spec: spec.scale, data: data, specFile: specFile))
        var base = try colormap(spec.colormap, relativeTo: baseURL)
        if let categories = scale.categories {
            base = Self.categoryColormap(categories, from: base)
        } else if let edges = scale.boundaries, edges.count >= 2, base.kind == .qualitative || base.resolution <= 32 {
            // Bins of a qualitative map take its colours in order, one each.
            let colors = base.bands(base.resolution)
            base = LookupTableColormap(name: base.name, table: (0..<(edges.count - 1)).map { colors[$0 % colors.count] })
        }
        let colormap = CustomizedColormap(base, under: spec.colormap.under, over: spec.colormap.over,
                                          bad: spec.colormap.bad)
        return ColorMapping(scale: scale, colormap: colormap, bad: colormap.bad ?? theme.badColor,
                            underPolicy: spec.scale.under, overPolicy: spec.scale.over, data: data)
    }

    /// One colour per category, in a table the categories' positions pick entry by entry: the
    /// spec's own colour for a category, else the k-th colour of a qualitative colormap (one that
    /// says so, or a table of at most 32 colours; taken in order), else of the category palette (a
    /// continuous map such as the default viridis does not tell categories apart).
    static func categoryColormap(_ categories: [ScaleCategory], from colormap: any Colormap) -> any Colormap {
        let qualitative = colormap.kind == .qualitative || colormap.resolution <= 32 ? colormap.bands(colormap.resolution) : nil
        let palette = qualitative ?? CategoryPalette.colors
        let table = categories.enumerated().map { k, category in category.color ?? palette[k % palette.count] }
        return LookupTableColormap(name: colormap.name, table: table)
    }

    /// The colormap a spec names: a registered name, or a file read by a colormap importer.
    public func colormap(_ spec: ColormapSpec, relativeTo baseURL: URL?) throws -> any Colormap {
        guard spec.isPath else { return try registry.colormap(named: spec.name) }
        let folder = baseURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = folder.resolvingSpecPath(spec.name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HeatGridError.io(path: displayPath(url), message: "no such colormap file (colormap names have no '/' or '.')")
        }
        return try registry.colormapImporter(fileExtension: url.pathExtension).load(url, displayPath: displayPath(url))
    }

    /// Every colormap file in `folder` that an importer reads, sorted by name (a user's own
    /// collection, e.g. Scientific Colour Maps' .cpt files).
    public func colormaps(inFolder folder: URL) throws -> [any Colormap] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw HeatGridError.io(path: folder.path, message: "not a readable folder of colormap files")
        }
        let readable = Set(registry.colormapImporters.flatMap(\.fileExtensions))
        return try names.sorted().filter { readable.contains(($0 as NSString).pathExtension.lowercased()) }.map {
            try colormap(ColormapSpec(name: folder.appendingPathComponent($0).path), relativeTo: nil)
        }
    }

    /// Builds the figure for `spec` read from `specFile` (whose folder is `baseURL`).
    public func figure(for spec: FigureSpec, baseURL: URL, specFile: String = "spec", dpi: Double? = nil) throws -> Figure {
        let theme = try Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: baseURL, specFile: specFile)
        var data = spec.data
        // A categorical scale reads text values as categories where the source can.
        if spec.scale.type.lowercased() == "categorical", data.options["categories"] == nil,
           let source = try? registry.source(format: data.format, fileExtension: baseURL.resolvingSpecPath(data.path).pathExtension),
           source.options.contains(where: { $0.name == "categories" }) {
            data.options["categories"] = .bool(true)
        }
        let dataset = try loadData(data, relativeTo: baseURL, specFile: specFile)
        return try figure(for: spec, dataset: dataset, theme: theme, specFile: specFile, baseURL: baseURL, dpi: dpi)
    }

    /// Builds the figure for `spec` from an already loaded dataset and theme.
    public func figure(for spec: FigureSpec, dataset: Dataset, theme: Theme, specFile: String = "spec",
                       baseURL: URL? = nil, dpi: Double? = nil) throws -> Figure {
        guard let measurer = registry.textMeasurer else {
            throw HeatGridError.layout(message: "no text measurer registered (register a backend plugin that provides one)")
        }
        let layoutPlugin = try registry.layout(for: spec.layout, specFile: specFile)
        let ordered = try AxisOrdering.apply(rows: spec.rows, columns: spec.columns, to: dataset, specFile: specFile,
                                             baseURL: baseURL)
        var dataset = ordered.dataset
        // Marks select their cells in the ordered panels; a mask's cells leave the data (and the
        // colour domain) before the mapping is made.
        let marks = try prepareMarks(spec, dataset: dataset, theme: theme, specFile: specFile, baseURL: baseURL)
        for mark in marks where mark.prepared.hidesSelection {
            dataset.panels = zip(dataset.panels, mark.selections).map { panel, selection in
                let values = zip(panel.matrix.values, selection.flags).map { $1 ? Double.nan : $0 }
                return Panel(title: panel.title, matrix: Matrix(rows: panel.matrix.rows, columns: panel.matrix.columns, values: values),
                             rowLabels: panel.rowLabels, columnLabels: panel.columnLabels)
            }
        }
        let mappings = try mappings(for: spec, dataset: dataset, theme: theme, specFile: specFile, baseURL: baseURL)
        var labels = FigureComposer.Labels(
            xTitle: spec.axes.x.title ?? Self.titleCase(dataset.columnName),
            yTitle: spec.axes.y.title ?? Self.titleCase(dataset.rowName),
            colorbarTitle: spec.colorbar.title ?? Self.titleCase(dataset.valueName),
            xTickStep: spec.axes.x.tickStep, yTickStep: spec.axes.y.tickStep, axisTitles: spec.axes.titles,
            sharing: spec.axes.shared, colorbarTicks: spec.colorbar.ticks, colorbarFormat: spec.colorbar.tickFormat, badLabel: spec.colorbar.badLabel)
        labels.colorbarPlacement = try Self.colorbarPlacement(spec, specFile: specFile)
        labels.annotations = spec.annotations
        var composer = FigureComposer(dataset: dataset, mappings: mappings, theme: theme, labels: labels,
                                      layout: layoutPlugin, layoutSpec: spec.layout,
                                      cellAspect: spec.cells.aspect, showsColorbar: spec.colorbar.show, measurer: measurer,
                                      specFile: specFile)
        // Lengths given in pixels are points at this resolution.
        let dpi = dpi ?? spec.dpi ?? Resolution.defaultDPI
        if spec.rows.dendrogram, let tree = ordered.rowTree {
            composer.rowTree = (tree, spec.rows.dendrogramSize.points(dpi: dpi))
        }
        if spec.columns.dendrogram, let tree = ordered.columnTree {
            composer.columnTree = (tree, spec.columns.dendrogramSize.points(dpi: dpi))
        }
        func blocks(_ groups: AxisOrdering.Groups?, _ order: OrderSpec) -> AxisBlocks? {
            groups.map { AxisBlocks(counts: $0.counts, gap: order.gap.points(dpi: dpi),
                                    labels: $0.labels.allSatisfy(\.isEmpty) ? nil : $0.labels) }
        }
        composer.marks = marks
        composer.tracks = try tracks(for: spec, dataset: dataset, theme: theme, specFile: specFile, baseURL: baseURL, dpi: dpi)
        composer.rowBlocks = blocks(ordered.rowGroups, spec.rows)
        composer.columnBlocks = blocks(ordered.columnGroups, spec.columns)
        let width = spec.size.width.points(dpi: dpi)
        // An auto height may grow to twice the width (then cells get flatter rather than the page longer).
        let size = Size(width: width, height: spec.size.height.points(dpi: dpi) ?? 2 * width)
        let (scene, layout) = try composer.compose(size: size, autoHeight: spec.size.height == .auto)
        var figure = Figure(scene: scene, layout: layout, dataset: dataset, mappings: mappings)
        // The colormap the cells are drawn with (not read again); categories are told apart by
        // hue, not lightness: only scales of numbers are audited.
        if mappings[0].scale.categories == nil,
           let warning = ColormapAudit.warning(for: mappings[0].colormap, available: Set(registry.colormaps.keys)) {
            figure.warnings.append(warning)
        }
        return figure
    }

    /// The spec's marks, each with its plugin prepared and its cells selected in `dataset` (as drawn).
    private func prepareMarks(_ spec: FigureSpec, dataset: Dataset, theme: Theme, specFile: String,
                              baseURL: URL?) throws -> [FigureMark] {
        try spec.marks.map { markSpec in
            let plugin = try registry.mark(for: markSpec, specFile: specFile)
            let load: @Sendable (SpecValue, String) throws -> [Matrix] = { source, key in
                try self.secondMatrices(source, like: spec.data, for: dataset, baseURL: baseURL, specFile: specFile, key: key)
            }
            let selections = try CellSelection.resolve(markSpec.select, in: dataset, specFile: specFile,
                                                       key: "\(markSpec.keyPath).select") { try load($0, "\(markSpec.keyPath).select") }
            let context = MarkContext(spec: markSpec, dataset: dataset, selections: selections, theme: theme,
                                      specFile: specFile, baseURL: baseURL, loadMatrices: load)
            return FigureMark(spec: markSpec, prepared: try plugin.prepare(context), selections: selections)
        }
    }

    /// A second matrix per panel from `source` (`{"path": ..., "value": ...}`: a file with the
    /// data's keys, read by the source for its extension with the data section's keys where the
    /// format is the same), aligned to `dataset`'s panels as drawn.
    private func secondMatrices(_ source: SpecValue, like data: DataSpec, for dataset: Dataset, baseURL: URL?,
                                specFile: String, key: String) throws -> [Matrix] {
        guard case .object(let object) = source, let path = object["path"].flatMap(String.init(specValue:)) else {
            throw HeatGridError.spec(file: specFile, key: key, message: "expected {\"path\": \"file\", \"value\": \"column\"}")
        }
        var second = DataSpec(path: path)
        second.format = object["format"].flatMap(String.init(specValue:))
        let sameFormat = (path as NSString).pathExtension.lowercased() == (data.path as NSString).pathExtension.lowercased()
        if sameFormat, second.format == nil { second.format = data.format; second.options = data.options }
        for (name, value) in object where !["path", "format"].contains(name) { second.options[name] = value }
        let folder = baseURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let loaded = try loadData(second, relativeTo: folder, specFile: specFile)
        return try SecondMatrix.aligned(loaded, to: dataset, file: path, specFile: specFile, key: key)
    }

    /// The annotation tracks of `rows.tracks` then `columns.tracks`, matched to the (ordered)
    /// dataset's keys; numeric tracks coloured through their colormap over their values' extent.
    private func tracks(for spec: FigureSpec, dataset: Dataset, theme: Theme, specFile: String, baseURL: URL?,
                        dpi: Double) throws -> [AnnotationTrack] {
        let first = dataset.panels[0]
        let axes = [("rows", spec.rows.tracks, first.rowKeys), ("columns", spec.columns.tracks, first.columnKeys)]
        // Categorical tracks take the palette's colours one after another, never the same twice.
        var paletteStart = 0
        return try axes.flatMap { name, specs, keys in
            try specs.enumerated().map { index, track in
                let loaded = try AnnotationTrack.load(track, index: index, axisName: name, keys: keys, baseURL: baseURL, specFile: specFile,
                                                      dpi: dpi, paletteStart: paletteStart) { colormap, values in
                    var own = spec
                    own.scale = ScaleSpec()
                    own.colormap = ColormapSpec(name: colormap)
                    let data = Dataset(panels: [Panel(title: "", matrix: Matrix(rows: values.count, columns: 1, values: values))])
                    return try mapping(for: own, dataset: data, theme: theme, specFile: specFile, baseURL: baseURL)
                }
                if track.colors == nil, case .categories(_, let colors) = loaded.content { paletteStart += colors.count }
                return loaded
            }
        }
    }

    /// The backend for each output file, chosen by extension; fails before anything is drawn.
    public func backends(for outputs: [URL]) throws -> [(url: URL, format: String, backend: any Backend)] {
        try outputs.map { url in
            let format = url.pathExtension.lowercased()
            guard !format.isEmpty else {
                throw HeatGridError.io(path: url.path, message: "output has no extension; use one of " + registry.backends.flatMap(\.formats).map { "." + $0 }.joined(separator: ", "))
            }
            return (url, format, try registry.backend(format: format))
        }
    }

    /// Draws `scene` into every output (format from each extension). All files are drawn in
    /// memory first, then each is written atomically. Backends get the registry as their
    /// `BackendContext` (an HTML page embeds the registered SVG backend's drawing).
    public func write(_ scene: Scene, to outputs: [URL], options: RenderOptions) throws {
        let context = BackendContext(registry: registry)
        let rendered = try backends(for: outputs).map { output in
            (output.url, try output.backend.render(scene, format: output.format, options: options, context: context))
        }
        for (url, bytes) in rendered { try AtomicFile.write(bytes, to: url) }
    }

    /// Where colorbars go: the spec's position; independent scales need a bar per panel.
    static func colorbarPlacement(_ spec: FigureSpec, specFile: String) throws -> ColorbarPlacement {
        switch (spec.colorbar.position, spec.scale.shared) {
        case (nil, false), (.each?, _): return .eachPanel
        case (.bottom?, true): return .bottom
        case (nil, true), (.right?, true): return .right
        case (let position?, false):
            throw HeatGridError.spec(file: specFile, key: "colorbar.position",
                message: "panels with their own scales (scale.shared: false) need a colorbar each, not one on the \(position.rawValue)")
        }
    }

    /// "layer" -> "Layer": dataset dimension names as default titles.
    static func titleCase(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    private func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}
