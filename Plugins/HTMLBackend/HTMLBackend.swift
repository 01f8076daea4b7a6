import HeatGridCore

/// Writes `.html`: the figure as an interactive page in one self-contained file. The picture is
/// the SVG that the backend registered for "svg" draws of the same scene (so the page looks exactly
/// like the SVG, and follows any change of that backend); the interaction comes from the scene's
/// `InteractionModel` (values, names, colorbars) and a small inline script: a tooltip per cell,
/// colorbar bands highlighted in every panel, panels enlarged by click or keyboard.
/// See `HTMLPage` for the document and `PageScript` for the behaviour.
public struct HTMLBackend: Backend {
    public let formats = ["html"]
    public let summary = "an interactive page: the SVG inline, with tooltips, colorbar highlighting and panel zoom (one file, works offline)"

    public init() {}

    /// The page needs the SVG backend's drawing: render through `Renderer.write`, or with a `BackendContext`.
    public func render(_ scene: Scene, format: String, options: RenderOptions) throws -> [UInt8] {
        throw HeatGridError.backend(format: "html", message: "an HTML page embeds the registered SVG backend's drawing; render it with a BackendContext (Renderer.write does)")
    }

    public func render(_ scene: Scene, format: String, options: RenderOptions, context: BackendContext) throws -> [UInt8] {
        guard format.lowercased() == "html" else {
            throw HeatGridError.unknownPlugin(kind: "output format", name: format, available: formats)
        }
        let svg = try context.render(scene, format: "svg", options: options)
        return try HTMLPage.document(scene: scene, svg: svg, title: options.title)
    }
}
