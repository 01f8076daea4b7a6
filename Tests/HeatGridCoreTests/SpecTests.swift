import Foundation
import Testing
@testable import HeatGridCore

@Suite struct SpecTests {
    func decode(_ json: String) throws -> FigureSpec {
        try JSONDecoder.decodeSpecFile(FigureSpec.self, from: Data(json.utf8), file: "fig.json")
    }

    func error(_ json: String) -> String {
        do {
            _ = try decode(json)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func defaultsFillEverythingButTheDataPath() throws {
        let spec = try decode(#"{"data": {"path": "d.csv"}}"#)
        #expect(spec.colormap == "viridis")
        #expect(spec.scale == ScaleSpec())
        #expect(spec.scale.over == .clamp && spec.scale.under == .clamp)
        #expect(abs(spec.size.width.points - 180 / 25.4 * 72) < 1e-9)
    }

    @Test func sizesAcceptUnits() throws {
        let spec = try decode(#"{"data": {"path": "d"}, "size": {"width": "3.5in", "height": 144}}"#)
        #expect(spec.size.width.points == 252)
        #expect(spec.size.height.points(dpi: 300) == 144)
        #expect(Length(parsing: "10mm")!.points == 10 * 72 / 25.4)
        #expect(Length(parsing: "12pt")!.points == 12)
        #expect(Length(parsing: "-3mm") == nil)
        #expect(Length(parsing: "3 furlongs") == nil)
    }

    @Test func unknownKeyNamesTheNearestValidOne() {
        let message = error(#"{"data": {"path": "d"}, "colourmap": "viridis"}"#)
        #expect(message.contains("fig.json: colourmap: unknown key; did you mean 'colormap'?"))
        let nested = error(#"{"data": {"path": "d"}, "axes": {"x": {"tickstep": 2}}}"#)
        #expect(nested.contains("axes.x.tickstep"))
        #expect(nested.contains("did you mean 'tickStep'?"))
    }

    /// The sections plugins answer to keep the keys the core does not read, raw: they are checked
    /// against the chosen plugin's options when the figure is built (PluginOptionsTests).
    @Test func pluginSectionsKeepTheirOptionsForThePlugin() throws {
        let spec = try decode(#"""
            {"data": {"path": "d", "colum": "head", "value": "v"},
             "scale": {"type": "Pow", "gamma": 0.25, "domain": [0, 1], "base": 2},
             "layout": {"type": "feature", "columns": 3, "gutter": "4mm", "hints": [1, true, null, {"a": "b"}]},
             "svg": {"text": "text", "precision": 3}}
            """#)
        #expect(spec.data.options == ["colum": .string("head"), "value": .string("v")])
        #expect(spec.data.value == "v" && spec.data.path == "d")
        #expect(spec.scale.options == ["gamma": .number(0.25), "base": .number(2)])
        #expect(spec.scale.type == "pow" && spec.scale.gamma == 0.25 && spec.scale.domain == [0, 1])
        #expect(spec.layout.type == "feature" && spec.layout.columns == 3 && spec.layout.rows == nil)
        #expect(spec.layout.options["gutter"] == .string("4mm"))
        #expect(spec.layout.options["hints"] == .list([.number(1), .bool(true), .null, .object(["a": .string("b")])]))
        #expect(spec.svg.text == .text && spec.svg.options["precision"] == .number(3))
        // The built-in plugins' keys keep their types whichever plugin is chosen.
        #expect(error(#"{"data": {"path": "d"}, "layout": {"type": "feature", "rows": "two"}}"#)
            .contains("fig.json: layout.rows: expected a whole number"))
        #expect(error(#"{"data": {"path": "d", "missing": "skip"}}"#).contains("data.missing"))
    }

    /// Typed fields and `options` are one store: setting one shows in the other, and specs built
    /// in Swift equal the same specs decoded.
    @Test func typedFieldsReadAndWriteTheOptions() throws {
        var layout = LayoutSpec(type: "grid", rows: 2)
        #expect(layout.options == ["rows": .number(2)])
        layout.order = .column
        #expect(layout.options["order"] == .string("column"))
        layout.rows = nil
        #expect(layout.options.keys.sorted() == ["order"])
        #expect(try decode(#"{"data": {"path": "d", "missing": "bad"}, "layout": {"rows": 2, "order": "column"}}"#).layout
            == LayoutSpec(rows: 2, order: .column))
        #expect(try decode(#"{"data": {"path": "d", "missing": "bad", "row": "r"}}"#).data
            == DataSpec(path: "d", row: "r", missing: .bad))
        #expect(DataSpec(path: "d").options.isEmpty && DataSpec(path: "d").missing == .error)
        // Encoding writes the options back as keys of the section.
        let encoded = try JSONEncoder().encode(LayoutSpec(type: "feature", columns: 3, options: ["gutter": .string("4mm")]))
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        #expect(object?["type"] as? String == "feature" && object?["columns"] as? Int == 3 && object?["gutter"] as? String == "4mm")
        let scale = try JSONDecoder().decode(ScaleSpec.self, from: JSONEncoder().encode(ScaleSpec(type: "pow", gamma: 0.3)))
        #expect(scale == ScaleSpec(type: "pow", gamma: 0.3))
    }

    @Test func wrongTypesNameTheKeyAndWhatWasExpected() {
        #expect(error(#"{"data": {"path": "d"}, "scale": {"domain": "0..1"}}"#)
            .contains("fig.json: scale.domain: expected a list"))
        #expect(error(#"{"data": {"path": "d"}, "size": {"width": "wide"}}"#)
            .contains("size.width: expected a positive length with a unit"))
        #expect(error(#"{"scale": {}}"#).contains("data: required key is missing"))
        #expect(error(#"{"data": {"path": "d"}, "axes": {"x": {"tickStep": 0}}}"#)
            .contains("axes.x.tickStep: expected a positive whole number"))
    }

    @Test func malformedJSONSaysSo() {
        #expect(error("{\"data\": {\"path\": \"d\"},\n \"colormap\": }").contains("fig.json:2:14: not valid JSON"))
    }

    @Test func colorsParseFromHex() {
        #expect(RGBA(hex: "#ff8000") == RGBA(red: 1, green: 128.0 / 255, blue: 0))
        #expect(RGBA(hex: "#fff")?.hex == "#ffffff")
        #expect(RGBA(hex: "#00000080")?.alpha == 128.0 / 255)
        #expect(RGBA(hex: "orange") == nil)
    }

    @Test func themeFileKeysDefaultToPaper() throws {
        let theme = try JSONDecoder.decodeSpecFile(Theme.self, from: Data(#"{"titleSize": 12}"#.utf8), file: "t.json")
        #expect(theme.titleSize == 12)
        #expect(theme.tickLabelSize == Theme.paper.tickLabelSize)
        let bad = try? JSONDecoder.decodeSpecFile(Theme.self, from: Data(#"{"titelSize": 12}"#.utf8), file: "t.json")
        #expect(bad == nil)
    }

    @Test func bundledPaperThemeFileMatchesTheBuiltIn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let bytes = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("themes/paper.json").path))
        #expect(try JSONDecoder.decodeSpecFile(Theme.self, from: bytes, file: "paper.json") == Theme.paper)
    }
}

@Suite struct ScaleAndColormapSpecTests {
    func decode(_ json: String) throws -> FigureSpec {
        try JSONDecoder.decodeSpecFile(FigureSpec.self, from: Data(json.utf8), file: "fig.json")
    }

    @Test func domainsMixNumbersAndStatistics() throws {
        let spec = try decode(#"{"data": {"path": "d"}, "scale": {"type": "LOG", "domain": ["p1", "max"], "over": "extend"}}"#)
        #expect(spec.scale.type == "log")
        #expect(spec.scale.domain == [.percentile(1), .max])
        #expect(spec.scale.over == .extend && spec.scale.under == .clamp)
        #expect(try decode(#"{"data": {"path": "d"}, "scale": {"clamp": false}}"#).scale.under == .extend)
    }

    @Test func badDomainStringsAndPoliciesNameTheKey() {
        #expect(throws: HeatGridError.self) { try decode(#"{"data": {"path": "d"}, "scale": {"domain": ["p200", 1]}}"#) }
        do {
            _ = try decode(#"{"data": {"path": "d"}, "scale": {"domain": ["lowest", 1]}}"#)
            Issue.record("expected an error")
        } catch { #expect("\(error)".contains("scale.domain[0]") && "\(error)".contains("'lowest'")) }
        do {
            _ = try decode(#"{"data": {"path": "d"}, "scale": {"over": "wrap"}}"#)
            Issue.record("expected an error")
        } catch { #expect("\(error)".contains("scale.over")) }
    }

    @Test func colormapIsANameOrAnObject() throws {
        #expect(try decode(#"{"data": {"path": "d"}, "colormap": "RdBu_r"}"#).colormap.name == "RdBu_r")
        let spec = try decode(##"{"data": {"path": "d"}, "colormap": {"name": "magma", "over": "#ff00ff", "bad": "#ccc"}}"##)
        #expect(spec.colormap.over == RGBA(hex: "#ff00ff"))
        #expect(spec.colormap.bad != nil)
        #expect(ColormapSpec(name: "maps/batlow.cpt").isPath && !ColormapSpec(name: "viridis_r").isPath)
        #expect(throws: HeatGridError.self) { try decode(#"{"data": {"path": "d"}, "colormap": {"nmae": "magma"}}"#) }
    }

    @Test func colorbarFormatIsChecked() {
        #expect(throws: HeatGridError.self) { try decode(#"{"data": {"path": "d"}, "colorbar": {"format": "%s"}}"#) }
    }
}
