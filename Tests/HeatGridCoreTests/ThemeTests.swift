import Foundation
import Testing
@testable import HeatGridCore

/// The repository root, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh empty folder.
private func themeFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("heatgrid-theme-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func decodeSpec(_ json: String) throws -> FigureSpec {
    try JSONDecoder.decodeSpecFile(FigureSpec.self, from: Data(json.utf8), file: "fig.json")
}

/// The error `body` throws, as text ("no error" when it does not throw).
private func message(_ body: () throws -> Any) -> String {
    do {
        _ = try body()
        return "no error"
    } catch {
        return "\(error)"
    }
}

@Suite struct ThemeTests {
    @Test func everyThemeFileEqualsItsBuiltIn() throws {
        let folder = repositoryRoot.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Theme.builtIn.keys),
                "themes/ and Theme.builtIn must list the same themes")
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path))
            let decoded = try JSONDecoder.decodeSpecFile(Theme.self, from: bytes, file: file)
            #expect(decoded == Theme.builtIn[String(file.dropLast(5))], "themes/\(file) differs from its built-in")
            // Every key written out: a file that leaned on paper's defaults would hide a drifting built-in.
            let keys = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any]).keys
            #expect(Set(keys) == Set(ThemeOverrides.keys).subtracting(["fontFile"]), "themes/\(file) leaves out keys")
        }
    }

    @Test func builtInThemesAreDistinctAndSensible() {
        let paper = Theme.paper, presentation = Theme.presentation, poster = Theme.poster
        #expect(presentation.tickLabelSize >= 2 * paper.tickLabelSize)
        #expect(poster.tickLabelSize > presentation.tickLabelSize && poster.titleSize > presentation.titleSize)
        #expect(Theme.dark.background.luminance < 0.05 && Theme.dark.textColor.luminance > 0.7)
        #expect(Theme.dark.axisColor.luminance > 0.4)
        #expect(Theme.minimal.frameWidth == 0 && Theme.minimal.tickWidth < paper.tickWidth)
        #expect(Theme.minimal.axisColor.luminance > paper.axisColor.luminance)
        for (name, theme) in Theme.builtIn {
            #expect(theme.titleSize >= theme.axisTitleSize && theme.axisTitleSize >= theme.tickLabelSize, "\(name)")
            #expect(theme.fontFile == nil, "built-in \(name) must not depend on a file")
        }
    }

    @Test func builtInNamesResolveWithoutFiles() throws {
        let nowhere = URL(fileURLWithPath: "/nonexistent-folder")
        for (name, theme) in Theme.builtIn {
            #expect(try Theme.resolve(name, relativeTo: nowhere, specFile: "fig.json") == theme)
            #expect(try Theme.resolve(name.uppercased(), relativeTo: nowhere, specFile: "fig.json") == theme)
        }
    }

    @Test func unknownThemeNamesListTheBuiltIns() {
        let text = message { try Theme.resolve("postr", relativeTo: URL(fileURLWithPath: "/"), specFile: "fig.json") }
        #expect(text.contains("fig.json: theme: unknown theme 'postr'"))
        #expect(text.contains("did you mean 'poster'?"))
        #expect(text.contains("dark, minimal, paper, poster, presentation"))
    }

    @Test func specThemeIsANameFileOrObject() throws {
        let named = try decodeSpec(#"{"data": {"path": "d"}, "theme": "dark"}"#)
        #expect(named.theme == "dark" && named.themeOverrides.isEmpty)
        #expect(try decodeSpec(#"{"data": {"path": "d"}}"#).theme == "paper")
        #expect(try decodeSpec(#"{"data": {"path": "d"}, "theme": "my/theme.json"}"#).theme == "my/theme.json")

        let spec = try decodeSpec(##"{"data": {"path": "d"}, "theme": {"base": "presentation", "titleSize": 14, "background": "#fafafa", "frameWidth": 0}}"##)
        #expect(spec.theme == "presentation")
        let theme = try Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: URL(fileURLWithPath: "/"),
                                      specFile: "fig.json")
        var expected = Theme.presentation
        expected.titleSize = 14
        expected.background = RGBA(hex: "#fafafa")!
        expected.frameWidth = 0
        #expect(theme == expected)

        // No base: the overrides go on top of paper.
        let onPaper = try decodeSpec(#"{"data": {"path": "d"}, "theme": {"fontFamily": "DejaVu Serif"}}"#)
        #expect(onPaper.theme == "paper")
        #expect(try Theme.resolve(onPaper.theme, overrides: onPaper.themeOverrides, relativeTo: URL(fileURLWithPath: "/"),
                                  specFile: "f").fontFamily == "DejaVu Serif")
    }

    @Test func themeObjectKeysAreStrict() {
        let typo = message { try decodeSpec(#"{"data": {"path": "d"}, "theme": {"base": "dark", "titelSize": 9}}"#) }
        #expect(typo.contains("theme.titelSize") && typo.contains("did you mean 'titleSize'?"))
        let baseTypo = message { try decodeSpec(#"{"data": {"path": "d"}, "theme": {"bsae": "dark"}}"#) }
        #expect(baseTypo.contains("did you mean 'base'?"))
        let negative = message { try decodeSpec(#"{"data": {"path": "d"}, "theme": {"tickLength": -1}}"#) }
        #expect(negative.contains("theme.tickLength") && negative.contains("non-negative"))
        let colour = message { try decodeSpec(#"{"data": {"path": "d"}, "theme": {"background": "navy"}}"#) }
        #expect(colour.contains("theme.background") && colour.contains("expected a colour"))
        let kind = message { try decodeSpec(#"{"data": {"path": "d"}, "theme": {"titleSize": "big"}}"#) }
        #expect(kind.contains("theme.titleSize") && kind.contains("expected a number"))
        let unknownBase = message {
            let spec = try decodeSpec(#"{"data": {"path": "d"}, "theme": {"base": "drak"}}"#)
            return try Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: URL(fileURLWithPath: "/"),
                                     specFile: "fig.json")
        }
        #expect(unknownBase.contains("unknown theme 'drak'") && unknownBase.contains("did you mean 'dark'?"))
    }

    @Test func overridesAreCheckedWhenSetInCode() throws {
        var overrides = ThemeOverrides()
        try overrides.set("titleSize", to: .size(11))
        #expect(overrides.applied(to: .dark).titleSize == 11)
        #expect(overrides.applied(to: .dark).background == Theme.dark.background)
        #expect(throws: HeatGridError.self) { try overrides.set("titleSize", to: .color(.black)) }
        #expect(throws: HeatGridError.self) { try overrides.set("titleSize", to: .size(-2)) }
        #expect(message { try overrides.set("tickWidht", to: .size(1)) }.contains("did you mean 'tickWidth'?"))
    }

    @Test func themeFilesNameABaseAndAFontFileRelativeToThemselves() throws {
        let folder = themeFolder()
        let themes = folder.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        try Data("not really a font".utf8).write(to: themes.appendingPathComponent("fonts/Mine.ttf"))
        try Data(#"{"base": "dark", "titleSize": 10, "fontFile": "fonts/Mine.ttf"}"#.utf8)
            .write(to: themes.appendingPathComponent("talk.json"))
        // A file based on a file, overridden again in the spec.
        try Data(#"{"base": "talk.json", "tickLength": 4}"#.utf8).write(to: themes.appendingPathComponent("talk2.json"))

        var overrides = ThemeOverrides()
        try overrides.set("margin", to: .size(9))
        let theme = try Theme.resolve("themes/talk2.json", overrides: overrides, relativeTo: folder, specFile: "fig.json")
        var expected = Theme.dark
        expected.titleSize = 10
        expected.tickLength = 4
        expected.margin = 9
        expected.fontFile = themes.appendingPathComponent("fonts/Mine.ttf").standardizedFileURL.path
        #expect(theme == expected)
    }

    @Test func aFontFileInTheSpecIsRelativeToTheSpec() throws {
        let folder = themeFolder()
        try Data("x".utf8).write(to: folder.appendingPathComponent("Font.otf"))
        let spec = try decodeSpec(#"{"data": {"path": "d"}, "theme": {"base": "minimal", "fontFile": "Font.otf"}}"#)
        let theme = try Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: folder, specFile: "fig.json")
        #expect(theme.fontFile == folder.appendingPathComponent("Font.otf").standardizedFileURL.path)
        let missing = message {
            let spec = try decodeSpec(#"{"data": {"path": "d"}, "theme": {"fontFile": "nope/Gone.ttf"}}"#)
            return try Theme.resolve(spec.theme, overrides: spec.themeOverrides, relativeTo: folder, specFile: "fig.json")
        }
        #expect(missing.contains("fig.json: theme.fontFile: font file 'nope/Gone.ttf' does not exist"))
    }

    @Test func themeFilesThatLoopOrFailSayWhere() throws {
        let folder = themeFolder()
        try Data(#"{"base": "b.json"}"#.utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data(#"{"base": "a.json"}"#.utf8).write(to: folder.appendingPathComponent("b.json"))
        #expect(message { try Theme.resolve("a.json", relativeTo: folder, specFile: "fig.json") }
            .contains("names itself as its base"))
        try Data(##"{"titleSize": 8, "colour": "#000"}"##.utf8).write(to: folder.appendingPathComponent("typo.json"))
        let typo = message { try Theme.resolve("typo.json", relativeTo: folder, specFile: "fig.json") }
        #expect(typo.contains("typo.json: colour") && typo.contains("valid keys"))
        #expect(message { try Theme.resolve("gone.json", relativeTo: folder, specFile: "fig.json") }
            .contains("theme file 'gone.json' cannot be read"))
    }

    @Test func svgSectionIsStrict() throws {
        #expect(try decodeSpec(#"{"data": {"path": "d"}, "svg": {"text": "text"}}"#).svg.text == .text)
        #expect(try decodeSpec(#"{"data": {"path": "d"}, "svg": {"text": "paths"}}"#).svg.text == .paths)
        #expect(try decodeSpec(#"{"data": {"path": "d"}}"#).svg.text == nil)
        // Keys the core does not read are the SVG backend's to check (PluginOptionsTests).
        #expect(try decodeSpec(#"{"data": {"path": "d"}, "svg": {"txt": "text"}}"#).svg.options == ["txt": .string("text")])
        #expect(message { try decodeSpec(#"{"data": {"path": "d"}, "svg": {"text": "outlines"}}"#) }
            .contains("svg.text: expected \"paths\""))
        #expect(RenderOptions().svgText == .paths)
    }
}
