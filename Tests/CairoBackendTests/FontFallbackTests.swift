import Foundation
import Testing
import HeatGridCore
@testable import CairoBackend

/// The repository root, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs a tool and returns its standard output (output goes through a file, not a pipe).
func runFontTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = temporaryFile("tool-output.txt")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    let handle = try FileHandle(forWritingTo: out)
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try? handle.close()
    return (process.terminationStatus, String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self))
}

/// A scene with one line of text at 24 pt on white, and the text item (its measured box).
func textScene(_ text: String, family: String, size: Double = 24) throws -> (Scene, TextItem) {
    let font = FontSpec(family: family, size: size)
    let m = try FontTextMeasurer().measure(text, font: font)
    let item = TextItem(text: text, font: font, origin: Point(x: 10, y: 10 + m.ascent), angle: 0, color: .black,
                        bounds: Rect(x: 10, y: 10, width: m.width, height: m.height), role: "panel-title")
    return (Scene(size: Size(width: m.width + 20, height: m.height + 20), background: .white, items: [.text(item)]), item)
}

/// Dark pixels (ink) of a PNG render at 2 px per point, per column, inside `box` (points).
func inkColumns(_ png: [UInt8], box: Rect) throws -> [Int: Int] {
    let url = temporaryFile("ink.png")
    try Data(png).write(to: url)
    let image = try #require(RasterImage(pngFile: url.path))
    var columns: [Int: Int] = [:]
    for y in Int(box.minY * 2)..<min(Int(box.maxY * 2), image.height) {
        for x in Int(box.minX * 2)..<min(Int(box.maxX * 2), image.width) where image.pixel(x: x, y: y).luminance < 0.5 {
            columns[x, default: 0] += 1
        }
    }
    return columns
}

@Suite struct FontFallbackTests {
    /// Each run's text, and the family of its face.
    func runs(_ text: String, family: String) throws -> [(text: String, family: String)] {
        let shaped = try ShapedText(text, font: FontSpec(family: family, size: 10))
        return shaped.runs.map { (String(decoding: shaped.utf8[$0.bytes], as: UTF8.self), $0.face.match.family) }
    }

    @Test func dejaVuSansSetsGreekAndMathInOneRun() throws {
        let runs = try runs("α ≥ 0.5 − β", family: "DejaVu Sans")
        #expect(runs.count == 1 && runs[0].text == "α ≥ 0.5 − β" && runs[0].family == "DejaVu Sans")
    }

    @Test func charactersTheFontLacksComeFromAFallbackRun() throws {
        // DejaVu Serif has no check mark (U+2713); DejaVu Sans and DejaVu Math TeX Gyre do.
        let serif = try FontLibrary.shared.face(for: FontSpec(family: "DejaVu Serif", size: 10))
        #expect(!serif.covers("✓") && serif.covers("α") && serif.covers("≥"))
        let runs = try runs("α ≥ 0.5 − β ✓ ok", family: "DejaVu Serif")
        #expect(runs.map(\.text) == ["α ≥ 0.5 − β ", "✓", " ok"])
        #expect(runs[0].family == "DejaVu Serif" && runs[2].family == "DejaVu Serif")
        #expect(runs[1].family != "DejaVu Serif")
        let fallback = try ShapedText("✓", font: FontSpec(family: "DejaVu Serif", size: 10)).runs[0].face
        #expect(fallback.covers("✓"))
        // Glyphs of consecutive runs follow on: the fallback glyph starts where the first run's advance ends.
        let shaped = try ShapedText("a✓b", font: FontSpec(family: "DejaVu Serif", size: 10))
        #expect(shaped.runs.count == 3)
        let a = try ShapedText("a", font: FontSpec(family: "DejaVu Serif", size: 10)).width
        #expect(abs(shaped.runs[1].glyphs[0].x - a) < 1e-9)
        #expect(shaped.runs.map { $0.glyphs.map(\.cluster) } == [[0], [1], [4]])
    }

    @Test func measuringAndDrawingAgreeAcrossRuns() throws {
        // The measured width covers the drawn ink: the last glyph (a fallback one) ends at the measured edge.
        let (scene, item) = try textScene("≥✓", family: "DejaVu Serif")
        let png = try CairoBackend().render(scene, format: "png", options: RenderOptions(dpi: 144))
        let ink = try inkColumns(png, box: Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height))
        let right = Double(try #require(ink.keys.max())) / 2, left = Double(try #require(ink.keys.min())) / 2
        // Ink stays inside the measured advance (side bearings aside) and fills most of it.
        #expect(left >= item.bounds.minX - 0.5 && right <= item.bounds.maxX + 0.5,
                "ink spans \(left)...\(right), the measured text \(item.bounds.minX)...\(item.bounds.maxX)")
        #expect(right - left > 0.8 * item.bounds.width)
        // Both glyphs inked: the check mark's half of the box has ink too.
        let half = try FontTextMeasurer().measure("≥", font: item.font).width
        #expect(ink.keys.contains { Double($0) / 2 > item.bounds.minX + half + 1 })
        #expect(ink.keys.contains { Double($0) / 2 < item.bounds.minX + half - 1 })
    }

    @Test func fallbackTextIsExtractableFromThePDF() throws {
        let (scene, _) = try textScene("α ≥ 0.5 − β ✓", family: "DejaVu Serif")
        let pdf = try CairoBackend().render(scene, format: "pdf", options: RenderOptions())
        let url = temporaryFile("fallback.pdf")
        try Data(pdf).write(to: url)
        let text = try runFontTool("/usr/bin/pdftotext", [url.path, "-"]).output
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "α ≥ 0.5 − β ✓")
        let fonts = try runFontTool("/usr/bin/pdffonts", [url.path]).output
        #expect(fonts.contains("DejaVuSerif"))
        #expect(fonts.split(separator: "\n").count >= 4, "the fallback font is embedded too:\n\(fonts)")
        #expect(try CairoBackend().render(scene, format: "pdf", options: RenderOptions()) == pdf)
    }

    @Test func aCharacterNoFontHasIsAClearError() {
        // The last private-use code point: no font covers it (CJK would do only where no CJK font
        // is installed, and ghostscript, for one, brings one).
        let font = FontSpec(family: "DejaVu Sans", size: 8)
        #expect {
            try FontTextMeasurer().measure("Layer \u{10FFFD}", font: font)
        } throws: { "\($0)".contains("U+10FFFD") && "\($0)".contains("fc-list ':charset=10fffd'") }
    }

    @Test func missingFamiliesSuggestInstalledOnes() {
        #expect {
            try FontTextMeasurer().measure("x", font: FontSpec(family: "DejaVu Sanz", size: 8))
        } throws: { error in
            let text = "\(error)"
            return text.contains("font family 'DejaVu Sanz' is not installed")
                && text.contains("installed families include 'DejaVu Sans'") && text.contains("fontFile")
        }
    }

    @Test func aThemeFontFileSuppliesTheFamily() throws {
        let bundled = repositoryRoot.appendingPathComponent("fonts/DejaVuSans.ttf").path
        let bold = repositoryRoot.appendingPathComponent("fonts/DejaVuSans-Bold.ttf").path
        let resolver = try FontResolver()
        #expect(try resolver.resolve(family: "DejaVu Sans", bold: false).path != bundled)
        #expect(try resolver.resolve(family: "DejaVu Sans", bold: false, files: [bundled, bold]).path == bundled)
        #expect(try resolver.resolve(family: "DejaVu Sans", bold: true, files: [bundled, bold]).path == bold)
        // The theme's files stay out of the installed fonts' lookups.
        #expect(try resolver.resolve(family: "DejaVu Sans", bold: false).path != bundled)
        #expect {
            try resolver.resolve(family: "DejaVu Serif", bold: false, files: [bundled])
        } throws: { "\($0)".contains("holds 'DejaVu Sans', not the theme's fontFamily 'DejaVu Serif'") }
        let notAFont = temporaryFile("bad.ttf")
        try Data("not a font".utf8).write(to: notAFont)
        #expect(throws: HeatGridError.self) { try resolver.resolve(family: "X", bold: false, files: [notAFont.path]) }
    }

    @Test func theFontFileTravelsInTheFontSpec() throws {
        let bundled = repositoryRoot.appendingPathComponent("fonts/DejaVuSans.ttf").path
        // Two requests in one process, one with the theme's file and one without, each get their own.
        let fromFile = try FontLibrary.shared.face(for: FontSpec(family: "DejaVu Sans", size: 8, file: bundled))
        let installed = try FontLibrary.shared.face(for: FontSpec(family: "DejaVu Sans", size: 8))
        #expect(fromFile.match.path == bundled)
        #expect(installed.match.path != bundled)
        var theme = Theme.paper
        theme.fontFile = bundled
        #expect(theme.font(size: 7) == FontSpec(family: "DejaVu Sans", size: 7, file: bundled))
    }
}
