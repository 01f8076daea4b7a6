import Foundation

/// Command-line style changes applied on top of a spec file: swap the colormap, scale, domain,
/// theme or size without editing the file. Paths are taken as given (absolute or relative to the
/// working directory), not relative to the spec.
public struct SpecOverrides: Sendable, Equatable {
    public var colormap: String?
    public var scale: String?
    public var vmin: Double?
    public var vmax: Double?
    public var center: Double?
    public var theme: String?
    public var width: Length?
    public var height: FigureHeight?

    public init(colormap: String? = nil, scale: String? = nil, vmin: Double? = nil, vmax: Double? = nil,
                center: Double? = nil, theme: String? = nil, width: Length? = nil, height: FigureHeight? = nil) {
        self.colormap = colormap; self.scale = scale; self.vmin = vmin; self.vmax = vmax
        self.center = center; self.theme = theme; self.width = width; self.height = height
    }

    /// `spec` with these changes.
    public func applied(to spec: FigureSpec) -> FigureSpec {
        var spec = spec
        if let colormap {
            spec.colormap.name = ColormapSpec(name: colormap).isPath ? Self.absolute(colormap) : colormap
        }
        if let scale, scale.lowercased() != spec.scale.type {
            // The spec's scale options (gamma, center, ...) were its own scale's, not this one's.
            spec.scale.type = scale.lowercased()
            spec.scale.options = [:]
        }
        if vmin != nil || vmax != nil {
            let current = spec.scale.domain ?? [.min, .max]
            spec.scale.domain = [vmin.map(DomainBound.value) ?? current[0], vmax.map(DomainBound.value) ?? current[1]]
        }
        if let center { spec.scale.center = center }
        if let theme { spec.theme = theme.lowercased().hasSuffix(".json") ? Self.absolute(theme) : theme }
        if let width { spec.size.width = width }
        if let height { spec.size.height = height }
        return spec
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
