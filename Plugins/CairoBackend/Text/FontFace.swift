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
}

/// The process's fonts, loaded once per family and weight and shared by every render.
final class FontLibrary: @unchecked Sendable {
    static let shared = FontLibrary()

    private let lock = NSLock()
    private var faces: [String: FontFace] = [:]
    private var library: FT_Library?

    private init() {}

    /// The face for `font`'s family and weight; throws when the family is not installed.
    func face(for font: FontSpec) throws -> FontFace {
        let key = "\(font.family)|\(font.bold)"
        lock.lock()
        defer { lock.unlock() }
        if let face = faces[key] { return face }
        if library == nil {
            guard FT_Init_FreeType(&library) == 0 else {
                throw HeatGridError.layout(message: "FreeType could not be initialised")
            }
        }
        let match = try FontResolver.resolve(family: font.family, bold: font.bold)
        let face = try FontFace(match: match, library: library!)
        faces[key] = face
        return face
    }
}
