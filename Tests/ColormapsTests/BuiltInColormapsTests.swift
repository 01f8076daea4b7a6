import Testing
import HeatGridCore
import TestSupport
@testable import Colormaps

@Suite struct BuiltInColormapsTests {
    static let published = PublishedColormaps.fixture

    /// The store and the fixtures come from one run of scripts/generate-colormaps.py: the same
    /// maps under the same names in the same order.
    @Test func storeHoldsTheGeneratedLibrary() {
        #expect(BuiltInColormaps.all.count == Self.published.total)
        #expect(BuiltInColormaps.all.count >= 100)
        #expect(ColormapStore.all.map { [$0.name] + $0.aliases } == Self.published.names)
        #expect(ColormapStore.packageVersions == Self.published.generatedFrom)
        for package in ["cmcrameri", "cmocean", "palettable", "colorcet", "matplotlib"] {
            #expect(BuiltInColormaps.packageVersions.contains(package + " "))
        }
    }

    @Test func namesAndAliasesAreUniqueIgnoringCase() {
        let keys = ColormapStore.all.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }
        #expect(Set(keys).count == keys.count)
        // The registry's `_r` and file-path rules must never be ambiguous for a built-in name.
        for key in keys { #expect(!key.hasSuffix("_r") && !key.contains(".") && !key.contains("/") && !key.contains(" "), "\(key)") }
    }

    @Test func everySourceAndKindIsThere() {
        let counts = Dictionary(grouping: BuiltInColormaps.all, by: { $0.source ?? "" }).mapValues(\.count)
        #expect(counts["crameri"] == 60)  // every map cmcrameri ships, categorical *S ones included
        #expect(counts["cmocean"] == 22)
        #expect(counts["colorbrewer"] == 35)  // 18 sequential, 9 diverging, 8 qualitative
        #expect((counts["colorcet"] ?? 0) >= 77)  // every CET_ code
        #expect((counts["matplotlib"] ?? 0) >= 40)
        #expect(Set(BuiltInColormaps.all.compactMap(\.kind)) == Set(ColormapKind.allCases))
        #expect(BuiltInColormaps.all.allSatisfy { $0.kind != nil && $0.source != nil })
    }

    /// Names people type, one or more per source.
    @Test(arguments: ["batlow", "batlowK", "batlowW", "vik", "roma", "lajolla", "oslo", "berlin", "romaO", "batlowS",
                      "thermal", "haline", "balance", "curl", "deep", "phase",
                      "Blues", "RdBu", "Spectral", "PuOr", "Set1", "Paired",
                      "fire", "bmy", "kbc", "CET_L1", "CET_L20", "CET_D1A", "CET_C6", "CET_R2", "glasbey",
                      "viridis", "magma", "cividis", "coolwarm", "seismic", "jet", "hot", "tab10", "twilight", "gray"])
    func wellKnownNamesExist(name: String) {
        #expect(BuiltInColormaps.named(name) != nil)
        #expect(BuiltInColormaps.named(name.uppercased()) != nil)
    }

    /// The twelve names HeatGrid shipped before the library keep working, with 256 entries.
    @Test func earlierNamesStillResolve() throws {
        var registry = PluginRegistry()
        BuiltInColormaps.register(into: &registry)
        for name in ["viridis", "magma", "inferno", "plasma", "cividis", "turbo", "twilight", "greys", "blues", "rdbu",
                     "coolwarm", "rdylbu"] {
            #expect(try registry.colormap(named: name).resolution == 256, "\(name)")
        }
        #expect(BuiltInColormaps.viridis.color(at: 0).hex == "#440154")
        #expect(BuiltInColormaps.viridis.color(at: 1).hex == "#fde725")
    }

    /// Every sampled map decodes to its published table: same length (qualitative maps keep their
    /// own number of colours), each entry the published colour in 8 bits, kind and source as
    /// generated.
    @Test(arguments: PublishedColormaps.fixture.colormaps.map(\.name))
    func tablesMatchThePublishedOnes(name: String) throws {
        let published = try #require(Self.published.colormaps.first { $0.name == name })
        let colormap = try #require(BuiltInColormaps.named(name))
        #expect(colormap.name == name)
        #expect(colormap.resolution == published.colors.count && colormap.colors.count == published.colors.count)
        #expect(colormap.kind?.rawValue == published.kind)
        #expect(colormap.source == published.source)
        for (index, color) in colormap.colors.enumerated() {
            let bytes = [color.red, color.green, color.blue].map { UInt8(($0 * 255).rounded()) }
            #expect(bytes == published.bytes(index), "\(name) entry \(index)")
        }
    }

    @Test func qualitativeMapsKeepTheirOwnColours() throws {
        for (name, count) in [("Set1", 9), ("Paired", 12), ("Accent", 8), ("tab10", 10), ("tab20", 20), ("okabe_ito", 8),
                              ("batlowS", 100), ("glasbey_category10", 256)] {
            let colormap = try #require(BuiltInColormaps.named(name))
            #expect(colormap.kind == .qualitative && colormap.colors.count == count, "\(name)")
        }
        #expect(BuiltInColormaps.named("tab10")?.color(at: 0).hex == "#1f77b4")
        #expect(BuiltInColormaps.named("tab10")?.color(at: 0.95).hex == "#17becf")
    }

    /// The core keeps its own category palette (categories get colours without this plugin, and a
    /// plugin registering another "tab20" must not recolour them): it must be tab10, then tab20's
    /// light shades, entry for entry, so the two copies cannot drift apart.
    @Test func corePaletteIsTab10ThenTab20sLightShades() throws {
        let tab10 = try #require(BuiltInColormaps.named("tab10")).colors
        let tab20 = try #require(BuiltInColormaps.named("tab20")).colors
        let dark = stride(from: 0, to: 20, by: 2).map { tab20[$0] }, light = stride(from: 1, to: 20, by: 2).map { tab20[$0] }
        #expect(dark.map(\.hex) == tab10.map(\.hex))
        #expect(CategoryPalette.colors.map(\.hex) == (tab10 + light).map(\.hex))
    }

    @Test func registeredNamesAreCaseInsensitive() throws {
        var registry = PluginRegistry()
        BuiltInColormaps.register(into: &registry)
        #expect(try registry.colormap(named: "Viridis").name == "viridis")
        #expect(try registry.colormap(named: "BATLOWK").name == "batlowK")
        #expect(try registry.colormap(named: "rdbu").name == "RdBu")
        #expect {
            try registry.colormap(named: "viridiss")
        } throws: { "\($0)".contains("unknown colormap 'viridiss'; did you mean 'viridis'") }
    }

    @Test func aliasesReachTheSameTable() throws {
        var registry = PluginRegistry()
        BuiltInColormaps.register(into: &registry)
        for (alias, name) in [("grey", "gray"), ("Grays", "Greys"), ("CET_L3", "fire"), ("cet_l6", "kbc"), ("gist_yerg", "gist_yarg")] {
            #expect(try registry.colormap(named: alias).name == name, "\(alias)")
        }
        #expect(BuiltInColormaps.aliases["fire"] == ["CET_L3"])
        // `_r` works on an alias too, and keeps kind and source.
        let reversed = try registry.colormap(named: "cet_l3_R")
        #expect(reversed.name == "fire_r" && reversed.kind == .sequential && reversed.source == "colorcet")
        #expect(reversed.color(at: 0) == BuiltInColormaps.named("fire")!.color(at: 1))
        // The table itself reversed: a value on an entry boundary takes the same entry as before.
        #expect(reversed.color(at: 0.5) == BuiltInColormaps.named("fire")!.lookupTable.reversed.color(at: 0.5))
        #expect(reversed.color(at: 0.5) == BuiltInColormaps.named("fire")!.colors[127])
    }

    /// Registering reads names only; the first use decodes a map's colours once, whichever of
    /// many concurrent callers comes first.
    @Test func tablesDecodeOnceOnFirstUse() async throws {
        var text = ColormapStore.storedTables
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("batlow ") })
        let start = lines[..<line].reduce(0) { $0 + $1.utf8.count + 1 }  // the line's first byte
        let batlow = text.withUTF8 { ColormapStore.colormap(in: $0, at: start).0 }
        #expect(batlow.resolution == 256 && batlow.kind == .sequential && batlow.source == "crameri")
        let seen = await withTaskGroup(of: String.self) { group in
            for i in 0..<64 { group.addTask { batlow.color(at: Double(i % 8) / 8).hex } }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(seen.count == 8)
        #expect(batlow.color(at: 0).hex == "#011959")  // Crameri's batlow starts at (0.005193, 0.098238, 0.349842)
    }

    /// A long list of names would bury the hint: past 40, the error points to the listing.
    @Test func unknownNameErrorStaysShort() {
        var registry = PluginRegistry()
        BuiltInColormaps.register(into: &registry)
        #expect {
            try registry.colormap(named: "batlwo")
        } throws: {
            "\($0)".hasPrefix("unknown colormap 'batlwo'; did you mean 'batlow'")
                && "\($0)".hasSuffix("available: \(registry.colormaps.count) names, listed by `heatgrid colormaps` "
                                     + "(each also reversed with _r), or a path to a .csv/.json/.cpt file")
        }
    }
}
