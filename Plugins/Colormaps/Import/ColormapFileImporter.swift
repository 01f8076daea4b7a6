import Foundation
import HeatGridCore

/// The core's hook for colormap files (`"colormap": "maps/batlow.cpt"`): reads every format
/// `ColormapFile` knows.
public struct ColormapFileImporter: ColormapImporter {
    public init() {}

    public var fileExtensions: [String] { ColormapFile.fileExtensions }

    public var summary: String {
        "colormap files: .csv/.tsv/.txt RGB rows (0..1 or 0..255), .json lists of hex colours, GMT .cpt palettes"
    }

    public func load(_ url: URL, displayPath: String) throws -> any Colormap {
        try ColormapFile.load(contentsOf: url, displayPath: displayPath)
    }
}
