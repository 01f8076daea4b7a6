import Foundation
import CCairo
import CFreeType
import CHarfBuzz
import HeatGridCore

/// One loaded font file: a HarfBuzz font for shaping and measuring, and a cairo font face
/// for drawing the same glyphs. Immutable once made; both libraries allow concurrent use of
/// these objects (HarfBuzz fonts are read-only, cairo locks its FreeType faces), so one face
/// serves every render in the process.
final class FontFace: @unchecked Sendable {
    let match: FontResolver.Match
    let hbFont: OpaquePointer
    let cairoFace: OpaquePointer
    /// Font design units per em.
    let unitsPerEm: Double
    /// Ascender and descender (positive, below the baseline) in em.
    let ascent: Double
    let descent: Double

    init(match: FontResolver.Match, library: FT_Library) throws {
        self.match = match
        guard let blob = hb_blob_create_from_file_or_fail(match.path) else {
            throw HeatGridError.io(path: match.path, message: "font file cannot be read")
        }
        defer { hb_blob_destroy(blob) }
        let hbFace = hb_face_create(blob, UInt32(match.index))
        defer { hb_face_destroy(hbFace) }
        unitsPerEm = Double(hb_face_get_upem(hbFace))
        hbFont = hb_font_create(hbFace)
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(hbFont, &extents)
        ascent = Double(extents.ascender) / unitsPerEm
        descent = Double(-extents.descender) / unitsPerEm

        var ftFace: FT_Face?
        guard FT_New_Face(library, match.path, FT_Long(match.index), &ftFace) == 0, let ftFace else {
            hb_font_destroy(hbFont)
            throw HeatGridError.io(path: match.path, message: "FreeType cannot load this font")
        }
        // The FreeType face lives as long as the process: cairo keeps using it for every render.
        cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0)
    }

    /// Whether the font has a glyph for `scalar`.
    func covers(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0
    }
}

/// The process's fonts, loaded once per file and shared by every render: the face for each
/// family and weight, and the fallback faces for characters a family lacks.
final class FontLibrary: @unchecked Sendable {
    static let shared = FontLibrary()

    private let lock = NSLock()
    private var library: FT_Library?
    private var resolver: FontResolver?
    /// Faces by file and index.
    private var files: [String: FontFace] = [:]
    /// Faces by family, weight and theme font files.
    private var families: [String: FontFace] = [:]
    /// Fallback faces by family, weight and character (nil: no font has it).
    private var fallbacks: [String: FontFace?] = [:]

    private init() {}

    /// The face for `font`'s family and weight; throws when the family is not installed (or not in
    /// the font file a theme gave for it).
    func face(for font: FontSpec) throws -> FontFace {
        let themeFiles = Self.themeFiles(for: font)
        let key = "\(font.family)|\(font.bold)|\(themeFiles.joined(separator: "|"))"
        lock.lock()
        defer { lock.unlock() }
        if let face = families[key] { return face }
        let match = try resolverLocked().resolve(family: font.family, bold: font.bold, files: themeFiles)
        let face = try faceLocked(for: match)
        families[key] = face
        return face
    }

    /// A face that has `scalar`, for text in `font` whose own face lacks it; nil when no font has it.
    func fallbackFace(for scalar: Unicode.Scalar, font: FontSpec) throws -> FontFace? {
        let key = "\(font.family)|\(font.bold)|\(scalar.value)"
        lock.lock()
        defer { lock.unlock() }
        if let face = fallbacks[key] { return face }
        var face: FontFace?
        if let match = try resolverLocked().fallback(for: scalar, family: font.family, bold: font.bold) {
            face = try faceLocked(for: match)
        }
        fallbacks[key] = face
        return face
    }

    /// The theme's font file `font` asks for, absolute (a relative one is taken from the working folder).
    private static func themeFiles(for font: FontSpec) -> [String] {
        guard let file = font.file else { return [] }
        let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        return [URL(fileURLWithPath: path).standardizedFileURL.path]
    }

    private func resolverLocked() throws -> FontResolver {
        if let resolver { return resolver }
        let made = try FontResolver()
        resolver = made
        return made
    }

    private func faceLocked(for match: FontResolver.Match) throws -> FontFace {
        let key = "\(match.path)#\(match.index)"
        if let face = files[key] { return face }
        if library == nil {
            guard FT_Init_FreeType(&library) == 0 else {
                throw HeatGridError.layout(message: "FreeType could not be initialised")
            }
        }
        let face = try FontFace(match: match, library: library!)
        files[key] = face
        return face
    }
}
