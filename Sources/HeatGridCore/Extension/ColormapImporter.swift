import Foundation

/// Reads colormaps from files (CSV tables, JSON hex lists, GMT .cpt, ...), so a spec's
/// `"colormap": "maps/batlow.cpt"` or `--colormap batlow.cpt` works like a built-in name.
public protocol ColormapImporter: PluginDescribing {
    /// File extensions (lower case, no dot) it reads.
    var fileExtensions: [String] { get }
    /// The colormap in the file at `url`; errors name `displayPath`, the line and the column.
    func load(_ url: URL, displayPath: String) throws -> any Colormap
}
