import Foundation
import CFontconfig
import HeatGridCore

/// Finds the font file for a family with fontconfig. fontconfig never says "not found": it
/// returns its best fallback, so the matched family is compared with the one asked for.
enum FontResolver {
    struct Match: Sendable, Hashable {
        var path: String
        var index: Int32
        var family: String
    }

    /// The file for `family` (bold or regular); throws when the family is not installed.
    static func resolve(family: String, bold: Bool) throws -> Match {
        guard let config = FcInitLoadConfigAndFonts() else {
            throw HeatGridError.layout(message: "fontconfig could not be initialised")
        }
        defer { FcConfigDestroy(config) }
        guard let pattern = FcNameParse(family) else {
            throw HeatGridError.layout(message: "font family '\(family)' is not a valid fontconfig name")
        }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddInteger(pattern, "weight", bold ? 200 : 80)  // FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else {
            throw HeatGridError.layout(message: "no font found for family '\(family)'")
        }
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        var matchedFamily: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(match, "file", 0, &file) == FcResultMatch, let file else {
            throw HeatGridError.layout(message: "fontconfig matched no file for family '\(family)'")
        }
        FcPatternGetInteger(match, "index", 0, &index)
        let found = FcPatternGetString(match, "family", 0, &matchedFamily) == FcResultMatch
            ? matchedFamily.map { String(cString: $0) } ?? "" : ""
        guard found.caseInsensitiveCompare(family) == .orderedSame || family.isEmpty else {
            throw HeatGridError.layout(message:
                "font family '\(family)' is not installed (fontconfig offers '\(found)'); install it or set the theme's fontFamily, e.g. \"DejaVu Sans\"")
        }
        return Match(path: String(cString: file), index: index, family: found)
    }
}
