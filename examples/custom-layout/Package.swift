// swift-tools-version: 6.0
import PackageDescription

/// A HeatGrid runtime plugin: the "feature" layout (one big panel + small multiples), built as a
/// shared library that `heatgrid render --plugin .build/release/libFeatureLayout.so` loads.
let package = Package(
    name: "FeatureLayout",
    products: [
        // A plugin is a dynamic library...
        .library(name: "FeatureLayout", type: .dynamic, targets: ["FeatureLayout"]),
    ],
    dependencies: [
        // ...built against this checkout of HeatGrid (the `heatgrid` that loads it must be built
        // from the same sources).
        .package(name: "HeatGrid", path: "../.."),
    ],
    targets: [
        // ...linked against the plugin API: HeatGridCore as a shared library, so the plugin and
        // `heatgrid` share one copy of every HeatGrid type.
        .target(name: "FeatureLayout",
                dependencies: [.product(name: "HeatGridPluginAPI", package: "HeatGrid")]),
    ]
)
