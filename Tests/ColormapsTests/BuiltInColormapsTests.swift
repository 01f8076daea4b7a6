import Testing
import HeatGridCore
@testable import Colormaps

@Suite struct BuiltInColormapsTests {
    @Test func viridisEndsMatchMatplotlib() {
        let viridis = BuiltInColormaps.viridis
        #expect(viridis.resolution == 256)
        #expect(viridis.color(at: 0).hex == "#440154")
        #expect(viridis.color(at: 1).hex == "#fde725")
    }

    @Test func everyTableHas256Entries() {
        #expect(BuiltInColormaps.all.count == 12)
        for colormap in BuiltInColormaps.all { #expect(colormap.table.count == 256, "\(colormap.name)") }
    }

    @Test func registeredNamesAreCaseInsensitive() throws {
        var registry = PluginRegistry()
        BuiltInColormaps.register(into: &registry)
        #expect(try registry.colormap(named: "Viridis").name == "viridis")
        #expect {
            try registry.colormap(named: "viridiss")
        } throws: { "\($0)".contains("unknown colormap 'viridiss'") && "\($0)".contains("viridis") }
    }
}
