import CHarfBuzz
import HeatGridCore

/// Text as glyph outlines, each glyph defined once and placed with `<use>`.
///
/// A text item is shaped by `ShapedText`, the same code the layout measured it with (HarfBuzz,
/// fallback fonts per run, no hinting), so glyphs sit exactly where the PNG and PDF put them.
/// Each font run becomes one group,
///
///     <g fill="#000000" transform="translate(x y) rotate(-angle) scale(size / unitsPerEm)">
///       <use xlink:href="#gTAG-36"/><use xlink:href="#gTAG-72" x="1303"/>…</g>
///
/// whose coordinates are the font's design units: HarfBuzz positions there are whole numbers
/// (advances plus kerning), and every glyph's outline, read from the font by HarfBuzz
/// (`hb_font_get_glyph_shape`: TrueType quadratics, CFF cubics), is written once in `<defs>` as
/// a `<path>` in the same units, y pointing down, for every size and colour it is drawn in.
/// Glyphs without ink (spaces) get neither a definition nor a `<use>`.
///
/// A glyph's id is `g`, a tag of its font file (a hash of the file's name and face index), `-`
/// and the glyph index: the same glyph of the same font has the same id in every figure, so
/// two SVGs inlined into one HTML page (a notebook) cannot pick up each other's outlines.
struct SVGGlyphs {
    private struct Key: Hashable {
        let face: ObjectIdentifier
        let glyph: UInt32
    }

    /// Ids by face and glyph; nil for glyphs without ink.
    private var ids: [Key: String?] = [:]
    /// Font tags by face, and the faces by tag (tags are unique in a document).
    private var tags: [ObjectIdentifier: String] = [:]
    private var tagged: Set<String> = []
    /// The `<path id>` elements, in order of first use.
    private(set) var definitions: [String] = []
    /// `<use>` elements written so far.
    private(set) var uses = 0

    /// One group per font run of `item`, with a `<use>` per inked glyph.
    mutating func markup(for item: TextItem) throws -> String {
        let shaped = try ShapedText(item.text, font: item.font)
        var out = ""
        for run in shaped.runs where !run.glyphs.isEmpty {
            let scale = item.font.size / run.face.unitsPerEm
            var placed = ""
            for glyph in run.glyphs {
                guard let id = id(for: glyph.id, in: run.face) else { continue }
                placed += "<use xlink:href=\"#" + id + "\""
                let x = SVGValues.number(glyph.x / scale, decimals: 2), y = SVGValues.number(glyph.y / scale, decimals: 2)
                if x != "0" { placed += " x=\"" + x + "\"" }
                if y != "0" { placed += " y=\"" + y + "\"" }
                placed += "/>"
                uses += 1
            }
            guard !placed.isEmpty else { continue }
            var transform = "translate(" + SVGValues.number(item.origin.x) + " " + SVGValues.number(item.origin.y) + ")"
            if item.angle != 0 { transform += " rotate(" + SVGValues.number(-item.angle, decimals: 6) + ")" }
            transform += " scale(" + SVGValues.number(scale, decimals: 12) + ")"
            out += "<g" + SVGValues.paint("fill", item.color) + " transform=\"" + transform + "\">" + placed + "</g>\n"
        }
        return out
    }

    /// The glyph's id, defining it on first use; nil when it has no outline.
    private mutating func id(for glyph: UInt32, in face: FontFace) -> String? {
        let key = Key(face: ObjectIdentifier(face), glyph: glyph)
        if let known = ids[key] { return known }
        let outline = Self.outline(of: glyph, in: face)
        let id = outline.isEmpty ? nil : "g" + tag(of: face) + "-" + String(glyph)
        if let id { definitions.append("<path id=\"" + id + "\" d=\"" + outline + "\"/>") }
        ids[key] = .some(id)
        return id
    }

    /// A short tag of the face's font file name and index (FNV-1a, base 36), made unique in the document.
    private mutating func tag(of face: FontFace) -> String {
        if let tag = tags[ObjectIdentifier(face)] { return tag }
        let name = face.match.path.split(separator: "/").last.map(String.init) ?? face.match.path
        var hash: UInt32 = 2_166_136_261
        for byte in "\(name)#\(face.match.index)".utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        var tag = String(hash % 1_679_616, radix: 36)  // 36^4: four base-36 digits at most
        while tagged.contains(tag) { tag += "x" }
        tagged.insert(tag)
        tags[ObjectIdentifier(face)] = tag
        return tag
    }

    /// The glyph's outline as path data in font units (hundredths kept), y down; empty without ink.
    static func outline(of glyph: UInt32, in face: FontFace) -> String {
        let recorder = OutlineRecorder()
        withExtendedLifetime(recorder) {
            hb_font_get_glyph_shape(face.hbFont, glyph, drawFunctions, Unmanaged.passUnretained(recorder).toOpaque())
        }
        return recorder.path.text
    }

    /// HarfBuzz's outline callbacks, made once and immutable (so shared by every render).
    nonisolated(unsafe) private static let drawFunctions: OpaquePointer = {
        let funcs = hb_draw_funcs_create()!
        hb_draw_funcs_set_move_to_func(funcs, { _, data, _, x, y, _ in
            OutlineRecorder.from(data).path.move(to: OutlineRecorder.unit(x), OutlineRecorder.unit(-y))
        }, nil, nil)
        hb_draw_funcs_set_line_to_func(funcs, { _, data, _, x, y, _ in
            OutlineRecorder.from(data).path.line(to: OutlineRecorder.unit(x), OutlineRecorder.unit(-y))
        }, nil, nil)
        hb_draw_funcs_set_quadratic_to_func(funcs, { _, data, _, cx, cy, x, y, _ in
            OutlineRecorder.from(data).path.quadratic(control: (OutlineRecorder.unit(cx), OutlineRecorder.unit(-cy)),
                                                      to: OutlineRecorder.unit(x), OutlineRecorder.unit(-y))
        }, nil, nil)
        hb_draw_funcs_set_cubic_to_func(funcs, { _, data, _, c1x, c1y, c2x, c2y, x, y, _ in
            OutlineRecorder.from(data).path.cubic((OutlineRecorder.unit(c1x), OutlineRecorder.unit(-c1y)),
                                                  (OutlineRecorder.unit(c2x), OutlineRecorder.unit(-c2y)),
                                                  to: OutlineRecorder.unit(x), OutlineRecorder.unit(-y))
        }, nil, nil)
        hb_draw_funcs_set_close_path_func(funcs, { _, data, _, _ in OutlineRecorder.from(data).path.close() }, nil, nil)
        hb_draw_funcs_make_immutable(funcs)
        return funcs
    }()
}

/// Collects one glyph's outline from HarfBuzz's callbacks.
private final class OutlineRecorder {
    var path = SVGPathData(decimals: 2)

    static func from(_ data: UnsafeMutableRawPointer?) -> OutlineRecorder {
        Unmanaged<OutlineRecorder>.fromOpaque(data!).takeUnretainedValue()
    }

    /// A font-unit coordinate in hundredths.
    static func unit(_ value: Float) -> Int { Int((Double(value) * 100).rounded()) }
}
