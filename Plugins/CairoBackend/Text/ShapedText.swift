import CHarfBuzz
import HeatGridCore

/// A line of text shaped by HarfBuzz: glyph ids with kerned positions in points, and the
/// clusters that tie glyphs back to UTF-8 bytes (so PDF text stays extractable).
///
/// Characters the font lacks (a Greek letter, "≥", a check mark) come from a fallback font that
/// has them: the text is split into runs by the font that has each character, and each run is
/// shaped with its own font. Measuring and drawing both use these runs, so they agree.
struct ShapedText {
    struct Glyph {
        var id: UInt32
        /// Position from the text's origin, in points.
        var x: Double
        var y: Double
        /// Byte offset of the glyph's cluster in the whole UTF-8 text.
        var cluster: Int
    }

    /// Consecutive characters set in one font.
    struct Run {
        let face: FontFace
        /// The run's bytes in `utf8`.
        let bytes: Range<Int>
        let glyphs: [Glyph]
    }

    let utf8: [UInt8]
    /// The face of the text's family: its ascent and descent are the text's line metrics.
    let primary: FontFace
    let runs: [Run]
    /// Total advance in points.
    let width: Double

    /// Every glyph, in order.
    var glyphs: [Glyph] { runs.flatMap(\.glyphs) }

    /// Shapes `text` in `font`; throws when the family is missing or no font has one of its characters.
    init(_ text: String, font: FontSpec, library: FontLibrary = .shared) throws {
        let primary = try library.face(for: font)
        self.primary = primary
        utf8 = Array(text.utf8)
        let pieces = try Self.itemize(text, primary: primary, font: font, library: library)
        var runs: [Run] = []
        var x = 0.0
        for (face, bytes) in pieces {
            let (glyphs, advance) = Self.shape(utf8, bytes: bytes, face: face, size: font.size, x: x)
            runs.append(Run(face: face, bytes: bytes, glyphs: glyphs))
            x += advance
        }
        self.runs = runs
        width = x
    }

    /// Splits `text` into runs of characters by the face that has them: the primary face when it
    /// has every character of a grapheme, else the fallback fontconfig picks for it.
    static func itemize(_ text: String, primary: FontFace, font: FontSpec,
                        library: FontLibrary) throws -> [(face: FontFace, bytes: Range<Int>)] {
        var pieces: [(face: FontFace, bytes: Range<Int>)] = []
        var offset = 0
        for character in text {
            let count = character.utf8.count
            let face = try self.face(for: character, in: text, primary: primary, font: font, library: library)
            if let last = pieces.last, last.face === face {
                pieces[pieces.count - 1].bytes = last.bytes.lowerBound..<(offset + count)
            } else {
                pieces.append((face, offset..<(offset + count)))
            }
            offset += count
        }
        return pieces
    }

    private static func face(for character: Character, in text: String, primary: FontFace, font: FontSpec,
                             library: FontLibrary) throws -> FontFace {
        let needed = character.unicodeScalars.filter { !isIgnorable($0) }
        guard let missing = needed.first(where: { !primary.covers($0) }) else { return primary }
        if let fallback = try library.fallbackFace(for: missing, font: font),
           needed.allSatisfy({ fallback.covers($0) }) {
            return fallback
        }
        let code = String(missing.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        throw HeatGridError.layout(message:
            "no installed font has the character U+\(padded) '\(character)' in \"\(text)\" (font family '\(font.family)'); install a font that has it (`fc-list ':charset=\(padded.lowercased())'` lists them) or give the theme a fontFile")
    }

    /// Characters no font needs a glyph for: controls, joiners, variation selectors.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isDefaultIgnorableCodePoint || properties.generalCategory == .control
            || properties.generalCategory == .format
    }

    /// HarfBuzz glyphs for `bytes` of `utf8` in `face`, starting at `x`; the whole text is given as
    /// context so shaping across a run's ends stays right.
    private static func shape(_ utf8: [UInt8], bytes: Range<Int>, face: FontFace, size: Double,
                              x start: Double) -> (glyphs: [Glyph], advance: Double) {
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        utf8.withUnsafeBufferPointer { all in
            all.withMemoryRebound(to: CChar.self) {
                hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), UInt32(bytes.lowerBound), Int32(bytes.count))
            }
        }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(face.hbFont, buffer, nil, 0)
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
        let scale = size / face.unitsPerEm
        var x = start
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            let info = infos![i], position = positions![i]
            glyphs.append(Glyph(id: info.codepoint, x: x + Double(position.x_offset) * scale,
                                y: -Double(position.y_offset) * scale, cluster: Int(info.cluster)))
            x += Double(position.x_advance) * scale
        }
        return (glyphs, x - start)
    }
}
