import Foundation
import HeatGridCore

/// Colormaps from files, so a user can bring their own: RGB tables (`.csv`, `.tsv`, `.txt`),
/// JSON lists of hex colours (`.json`) and GMT colour palette tables (`.cpt`, as shipped by
/// GMT, cpt-city and Scientific Colour Maps).
///
/// Errors are `HeatGridError.data` with the line and column of the bad token and what was
/// expected there; no input crashes the reader.
public enum ColormapFile {
    /// The kinds of file a colormap can be read from.
    public enum Format: String, Sendable, CaseIterable {
        /// Rows of `r g b` or `r g b a`, 0...1 or 0...255, comma, semicolon, tab or space separated.
        case rgbTable
        /// `["#440154", ...]` or `{"colors": [...], "under": ..., "over": ..., "bad": ...}`.
        case json
        /// A GMT colour palette table.
        case cpt

        /// The format a file extension (any case, no dot) stands for; nil when unsupported.
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "csv", "tsv", "txt": self = .rgbTable
            case "json": self = .json
            case "cpt": self = .cpt
            default: return nil
            }
        }
    }

    /// File extensions (lower case, no dot) a colormap can be read from.
    public static let fileExtensions = ["cpt", "csv", "json", "tsv", "txt"]

    /// The colormap in the file at `url`, parsed by its extension (any case). It is named `name`,
    /// else the file's base name in lower case (`Batlow.cpt` → `batlow`). Errors name
    /// `displayPath`.
    public static func load(contentsOf url: URL, displayPath: String, name: String? = nil) throws -> ImportedColormap {
        let fileExtension = url.pathExtension
        guard let format = Format(fileExtension: fileExtension) else {
            throw HeatGridError.unknownPlugin(kind: "colormap file format",
                                              name: fileExtension.isEmpty ? url.lastPathComponent : "." + fileExtension,
                                              available: fileExtensions.map { "." + $0 })
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HeatGridError.io(path: displayPath, message: "cannot read the colormap file: \(error.localizedDescription)")
        }
        return try parse(Array(data), format: format, displayPath: displayPath,
                         name: name ?? defaultName(for: url))
    }

    /// The colormap `bytes` hold in `format`, named `name`. Errors name `displayPath`.
    public static func parse(_ bytes: [UInt8], format: Format, displayPath: String,
                             name: String) throws -> ImportedColormap {
        switch format {
        case .rgbTable:
            let colors = try RGBTableParser(displayPath: displayPath).parse(bytes)
            return ImportedColormap(table: LookupTableColormap(name: name, table: colors))
        case .json:
            return try HexListParser(bytes: bytes, displayPath: displayPath).parse().colormap(named: name)
        case .cpt:
            return try GMTPaletteParser(displayPath: displayPath).parse(bytes).colormap(named: name)
        }
    }

    /// The file's base name in lower case: what a file registers as.
    public static func defaultName(for url: URL) -> String {
        url.deletingPathExtension().lastPathComponent.lowercased()
    }
}
