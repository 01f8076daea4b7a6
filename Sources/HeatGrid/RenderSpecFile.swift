import Foundation

extension Renderer {
    /// Renders the spec file at `specURL` into every output (format from each extension).
    /// Outputs are checked before any data is read, drawn in memory, then written atomically, so a
    /// failure never leaves a partial file. Plugins the spec names are loaded for this figure only.
    /// Returns the figure for inspection.
    @discardableResult
    /// `dpi` overrides the spec's `dpi`; without either, `options.dpi` (300) is used. With
    /// `vision`, the files show the figure as seen with that colour-vision deficiency.
    public func render(specAt specURL: URL, to outputs: [URL], options: RenderOptions = RenderOptions(),
                       dpi: Double? = nil, overrides: SpecOverrides = SpecOverrides(),
                       displayPath: String? = nil, seenAs vision: ColorVision? = nil) throws -> Figure {
        for output in outputs {
            let folder = output.deletingLastPathComponent()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw HeatGridError.io(path: output.path, message: "folder '\(folder.path)' does not exist")
            }
        }
        let shown = displayPath ?? specURL.path
        let spec = overrides.applied(to: try FigureSpec.load(from: specURL, displayPath: shown))
        // The spec's runtime plugins (relative to it) join this renderer's registry for this
        // figure; then the outputs' formats are checked, before the data is read.
        let renderer = try loadingPlugins(spec.plugins ?? [], relativeTo: specURL.deletingLastPathComponent())
        _ = try renderer.backends(for: outputs)
        try renderer.registry.checkOptions(svg: spec.svg, specFile: shown)
        let dpi = dpi ?? spec.dpi ?? options.dpi
        let figure = try renderer.figure(for: spec, baseURL: specURL.deletingLastPathComponent(), specFile: shown, dpi: dpi)
        var options = options
        options.dpi = dpi
        if let title = spec.title { options.title = title }
        if let svgText = spec.svg.text { options.svgText = svgText }
        try renderer.write(vision.map(figure.scene.seen(as:)) ?? figure.scene, to: outputs, options: options)
        return figure
    }
}
