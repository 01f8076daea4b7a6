// swift-tools-version: 6.0
import PackageDescription

/// A HeatGrid runtime plugin in a few lines: one colormap, "heatgrid-sunset".
let package = Package(
    name: "SunsetColormap",
    products: [.library(name: "SunsetColormap", type: .dynamic, targets: ["SunsetColormap"])],
    dependencies: [.package(name: "HeatGrid", path: "../..")],
    targets: [.target(name: "SunsetColormap", dependencies: [.product(name: "HeatGridPluginAPI", package: "HeatGrid")])]
)
