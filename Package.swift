// swift-tools-version: 6.0
import PackageDescription

/// HeatGrid: the core (pure Swift), built-in plugins under Plugins/, C shims for Cairo and its
/// text stack, the `HeatGrid` umbrella that registers the built-ins, and the `heatgrid` tool.
let package = Package(
    name: "HeatGrid",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "HeatGrid", targets: ["HeatGrid"]),
        .library(name: "HeatGridCore", targets: ["HeatGridCore"]),
        // The runtime plugin API: HeatGridCore as a shared library, for plugins built separately.
        .library(name: "HeatGridPluginAPI", type: .dynamic, targets: ["HeatGridCore"]),
        .executable(name: "heatgrid", targets: ["heatgrid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The engine: model, the five extension protocols, scene, theme, spec, registry, pipeline.
        .target(name: "HeatGridCore", path: "Sources/HeatGridCore"),

        // C libraries from Debian, reached only by the Cairo plugin.
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2",
                       providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CHarfBuzz", path: "Sources/CHarfBuzz", pkgConfig: "harfbuzz",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CFontconfig", path: "Sources/CFontconfig", pkgConfig: "fontconfig",
                       providers: [.apt(["libfontconfig-dev"])]),

        // Built-in plugins: each depends on the core only (plus C shims for Cairo).
        .target(name: "CSVSource", dependencies: ["HeatGridCore"], path: "Plugins/CSVSource"),
        .target(name: "JSONSource", dependencies: ["HeatGridCore"], path: "Plugins/JSONSource"),
        .target(name: "NumPySource",
                dependencies: ["HeatGridCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Plugins/NumPySource"),
        .target(name: "Scales", dependencies: ["HeatGridCore"], path: "Plugins/Scales"),
        .target(name: "Colormaps", dependencies: ["HeatGridCore"], path: "Plugins/Colormaps"),
        .target(name: "GridLayout", dependencies: ["HeatGridCore"], path: "Plugins/GridLayout"),
        .target(name: "Marks", dependencies: ["HeatGridCore"], path: "Plugins/Marks"),
        .target(name: "CairoBackend",
                dependencies: ["HeatGridCore", "CCairo", "CFreeType", "CHarfBuzz", "CFontconfig", "CDeflate"],
                path: "Plugins/CairoBackend"),
        // .html: an interactive page around the registered SVG backend's drawing.
        .target(name: "HTMLBackend", dependencies: ["HeatGridCore"], path: "Plugins/HTMLBackend"),

        // The public Swift API: the core plus every built-in plugin registered.
        .target(name: "HeatGrid",
                dependencies: ["HeatGridCore", "CSVSource", "JSONSource", "NumPySource", "Scales", "Colormaps",
                               "GridLayout", "Marks", "CairoBackend", "HTMLBackend"],
                path: "Sources/HeatGrid"),
        .executableTarget(name: "heatgrid",
                          dependencies: ["HeatGrid",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/heatgrid",
                          // Export the tool's symbols so a runtime plugin (linked against HeatGridPluginAPI)
                          // binds to the tool's own HeatGridCore: one copy of every type across the boundary.
                          linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]),

        // bench/cluster.py times the clustering with this against scipy (`swift build -c release --product ClusterBench`).
        .executableTarget(name: "ClusterBench", dependencies: ["HeatGridCore"], path: "bench/ClusterBench"),

        // Fixtures/ (scipy's clusterings, from scripts/generate-linkage-fixtures.py) are read by path.
        // What several test targets share (a seeded generator, temporary folders, the published colormap
        // tables, a fake text measurer, a linear scale, composed test figures and an independent overlap check).
        .target(name: "TestSupport", dependencies: ["HeatGridCore"], path: "Tests/TestSupport"),
        .testTarget(name: "HeatGridCoreTests", dependencies: ["HeatGridCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CSVSourceTests", dependencies: ["CSVSource", "TestSupport"]),
        .testTarget(name: "JSONSourceTests", dependencies: ["JSONSource", "TestSupport"]),
        .testTarget(name: "NumPySourceTests", dependencies: ["NumPySource", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ScalesTests", dependencies: ["Scales"]),
        .testTarget(name: "ColormapsTests", dependencies: ["Colormaps", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GridLayoutTests", dependencies: ["GridLayout", "TestSupport"]),
        .testTarget(name: "CairoBackendTests", dependencies: ["CairoBackend", "TestSupport"]),
        .testTarget(name: "HTMLBackendTests", dependencies: ["HTMLBackend", "HeatGrid", "TestSupport"]),
        // End to end: the Swift API and the `heatgrid` tool on real files.
        .testTarget(name: "HeatGridTests", dependencies: ["HeatGrid", "CairoBackend", "Colormaps", "heatgrid", "TestSupport"]),
    ]
)
