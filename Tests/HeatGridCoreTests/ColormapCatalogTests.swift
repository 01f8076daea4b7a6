import Testing
@testable import HeatGridCore

/// The catalog behind `heatgrid colormaps`: kinds in order, sources within a kind, names in
/// natural order, aliases with their colormap, maps of no kind last.
@Suite struct ColormapCatalogTests {
    static func map(_ name: String, _ kind: ColormapKind?, _ source: String?) -> LookupTableColormap {
        LookupTableColormap(name: name, table: [.black, .white], kind: kind, source: source)
    }

    static var registry: PluginRegistry {
        var registry = PluginRegistry()
        registry.register(colormap: map("CET_L10", .sequential, "colorcet"))
        registry.register(colormap: map("fire", .sequential, "colorcet"), aliases: ["CET_L3"])
        registry.register(colormap: map("CET_L2", .sequential, "colorcet"))
        registry.register(colormap: map("vik", .diverging, "crameri"))
        registry.register(colormap: map("batlow", .sequential, "crameri"))
        registry.register(colormap: map("Set1", .qualitative, "colorbrewer"))
        registry.register(colormap: map("mine", nil, nil))
        return registry
    }

    @Test func groupsByKindThenSourceThenNaturalName() {
        let catalog = ColormapCatalog(Self.registry)
        #expect(catalog.groups.map { "\($0.kind?.rawValue ?? "-")/\($0.source ?? "-")" }
                == ["sequential/colorcet", "sequential/crameri", "diverging/crameri", "qualitative/colorbrewer", "-/-"])
        #expect(catalog.entries.map(\.colormap.name) == ["CET_L2", "CET_L10", "fire", "batlow", "vik", "Set1", "mine"])
        #expect(catalog.entries.first { $0.colormap.name == "fire" }?.aliases == ["CET_L3"])
    }

    @Test func filtersByKind() {
        #expect(ColormapCatalog(Self.registry, kind: .diverging).entries.map(\.colormap.name) == ["vik"])
        #expect(ColormapCatalog(Self.registry, kind: .diverging).kind == .diverging && ColormapCatalog(Self.registry).kind == nil)
        #expect(ColormapCatalog(Self.registry, kind: .cyclic).groups.isEmpty)
    }

    /// An alias another colormap took later is no longer listed with the first one.
    @Test func aliasTakenOverIsDropped() throws {
        var registry = Self.registry
        registry.register(colormap: Self.map("CET_L3", .sequential, "mine"))
        let catalog = ColormapCatalog(registry)
        #expect(catalog.entries.first { $0.colormap.name == "fire" }?.aliases == [])
        #expect(try registry.colormap(named: "cet_l3").source == "mine")
    }

    @Test func reversedAndCustomizedKeepKindAndSource() {
        let vik = Self.map("vik", .diverging, "crameri")
        for colormap in [vik.reversed as any Colormap, ReversedColormap(vik), CustomizedColormap(vik, bad: .black)] {
            #expect(colormap.kind == .diverging && colormap.source == "crameri")
        }
    }
}
