import Foundation
import Testing
@testable import HeatGridCore

/// A layout that declares options and places nothing (the checks run before `place`).
private struct DeclaringLayout: Layout {
    let type: String
    let options: [PluginOption]
    func place(_ request: LayoutRequest) throws -> FigureLayout { FigureLayout(size: request.figureSize, panels: [], legendArea: nil) }
}

/// A layout that declares nothing: the protocol's defaults.
private struct PlainLayout: Layout {
    let type = "plain"
    func place(_ request: LayoutRequest) throws -> FigureLayout { FigureLayout(size: request.figureSize, panels: [], legendArea: nil) }
}

@Suite struct PluginOptionTests {
    var registry: PluginRegistry {
        var registry = PluginRegistry()
        registry.register(layout: DeclaringLayout(type: "ring", options: [
            PluginOption("radius", .length, default: "20mm", doc: "ring radius"),
            PluginOption("turns", .integer, doc: "how many turns"),
            PluginOption("start", .choice(["top", "left"]), default: "top", doc: "where the first panel goes"),
            PluginOption("labels", .list(.string), doc: "one label per panel"),
            PluginOption("tint", .color, doc: "ring colour"),
        ]))
        registry.register(layout: DeclaringLayout(type: "spiral", options: [
            PluginOption("pitch", .number, doc: "distance between turns"),
        ]))
        registry.register(layout: PlainLayout())
        return registry
    }

    func failure(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    @Test func declaredOptionsOfTheRightKindPass() throws {
        let spec = LayoutSpec(type: "ring", options: ["radius": .string("3cm"), "turns": .number(2), "start": .string("left"),
                                                      "labels": .list([.string("a"), .string("b")]), "tint": .string("#abc")])
        #expect(try registry.layout(for: spec, specFile: "f.json").type == "ring")
        #expect(PlainLayout().options.isEmpty && PlainLayout().summary.isEmpty)
        #expect(try registry.layout(for: LayoutSpec(type: "plain"), specFile: "f.json").type == "plain")
    }

    @Test func undeclaredKeysNameTheNearestOptionAndItsOwner() {
        let typo = failure { _ = try registry.layout(for: LayoutSpec(type: "ring", options: ["radious": .number(3)]), specFile: "f.json") }
        #expect(typo == "f.json: layout.radious: the 'ring' layout has no option 'radious'; did you mean 'radius'? (its options: radius, turns, start, labels, tint)")
        let elsewhere = failure { _ = try registry.layout(for: LayoutSpec(type: "ring", options: ["pitch": .number(3)]), specFile: "f.json") }
        #expect(elsewhere.contains("layout.pitch: the 'ring' layout has no option 'pitch'"))
        #expect(elsewhere.contains("'pitch' is an option of the 'spiral' layout"))
        // The grid keys are options like any other: a layout that does not declare them refuses them.
        let plain = failure { _ = try registry.layout(for: LayoutSpec(type: "plain", columns: 2), specFile: "f.json") }
        #expect(plain == "f.json: layout.columns: the 'plain' layout has no option 'columns' (it has no options)")
        // Core keys are suggested too.
        #expect(failure { _ = try registry.layout(for: LayoutSpec(type: "plain", options: ["typ": .string("x")]), specFile: "f.json") }
            .contains("did you mean 'type'?"))
    }

    @Test func valuesAreCheckedAgainstTheDeclaredKind() {
        let cases: [(SpecValue, String, String)] = [
            (.string("2"), "turns", "layout.turns: expected a whole number, found \"2\""),
            (.number(2.5), "turns", "layout.turns: expected a whole number, found 2.5"),
            (.string("wide"), "radius", "layout.radius: expected a positive length with a unit"),
            (.string("lft"), "start", "layout.start: expected one of \"top\", \"left\", found \"lft\"; did you mean \"left\"?"),
            (.list([.string("a"), .number(1)]), "labels", "layout.labels: expected a list, each item a string, found [\"a\", 1]"),
            (.string("red"), "tint", "layout.tint: expected a hex colour"),
        ]
        for (value, key, expected) in cases {
            let message = failure { _ = try registry.layout(for: LayoutSpec(type: "ring", options: [key: value]), specFile: "f.json") }
            #expect(message.contains(expected), "\(message)")
        }
    }

    @Test func pluginsReadTheirOptionsTyped() throws {
        let spec = LayoutSpec(type: "ring", options: ["turns": .number(3), "radius": .string("72pt"), "labels": .list([.string("a")]),
                                                      "tint": .string("#ff0000"), "on": .bool(true), "pitch": .number(0.5),
                                                      "unset": .null])
        #expect(try spec.option("turns", as: Int.self, specFile: "f") == 3)
        #expect(try spec.option("turns", as: Double.self, specFile: "f") == 3)
        #expect(try spec.option("radius", as: Length.self, specFile: "f")?.points == 72)
        #expect(try spec.option("labels", as: [String].self, specFile: "f") == ["a"])
        #expect(try spec.option("tint", as: RGBA.self, specFile: "f") == RGBA(red: 1, green: 0, blue: 0))
        #expect(try spec.option("on", as: Bool.self, specFile: "f") == true)
        #expect(try spec.option("missing", as: Int.self, specFile: "f") == nil)
        #expect(try spec.option("unset", as: String.self, specFile: "f") == nil)
        #expect(failure { _ = try spec.option("pitch", as: Int.self, specFile: "f.json") }
            == "f.json: layout.pitch: expected a whole number, found 0.5")
        #expect(failure { _ = try spec.option("on", as: String.self, specFile: "f.json") }
            == "f.json: layout.on: expected a string, found true")
        let scale = ScaleRequest(spec: ScaleSpec(type: "x", options: ["base": .string("e")]), data: DataSummary(values: [1]),
                                 specFile: "s.json")
        #expect(failure { _ = try scale.option("base", as: Double.self) } == "s.json: scale.base: expected a number, found \"e\"")
    }

    @Test func specValuesDecodeEveryJSONKind() throws {
        let value = try JSONDecoder().decode(SpecValue.self, from: Data(#"[1, 2.5, true, false, "1", null, {"k": []}]"#.utf8))
        #expect(value == .list([.number(1), .number(2.5), .bool(true), .bool(false), .string("1"), .null, .object(["k": .list([])])]))
        #expect(value.description == #"[1, 2.5, true, false, "1", null, {"k": []}]"#)
    }

    @Test func unknownPluginNamesSuggestTheNearest() {
        #expect(failure { _ = try registry.layout(type: "rign") } == "unknown layout 'rign'; did you mean 'ring'? available: plain, ring, spiral")
        #expect(failure { _ = try registry.layout(type: "zzzzzz") } == "unknown layout 'zzzzzz'; available: plain, ring, spiral")
    }

    @Test func pluginsAreFoundByKindAndName() throws {
        #expect(failure { _ = try PluginRegistry.pluginKind(named: "layot") }.contains("unknown plugin kind 'layot'; did you mean 'layout'?"))
        #expect(try PluginRegistry.pluginKind(named: "Layouts") == .layout)
        #expect(try PluginRegistry.pluginKind(named: "colormap importers") == .colormapImporter)
        #expect(try registry.description(of: .layout, named: "spiral").options.map(\.name) == ["pitch"])
        #expect(failure { _ = try registry.description(of: .layout, named: "sprial") }.contains("did you mean 'spiral'?"))
        #expect(registry.descriptions.map(\.names) == [["plain"], ["ring"], ["spiral"]])
        let plain = try registry.description(of: .layout, named: "PLAIN")
        #expect(plain.summary.isEmpty && plain.options.isEmpty && plain.origin == PluginAPI.builtInOrigin && plain.kind == .layout)
    }
}
