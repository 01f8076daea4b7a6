// swift-tools-version: 6.0
import PackageDescription

/// A HeatGrid runtime mark plugin: "dots", a dot in each cell whose area follows a second matrix.
let package = Package(
    name: "DotMark",
    products: [.library(name: "DotMark", type: .dynamic, targets: ["DotMark"])],
    dependencies: [.package(name: "HeatGrid", path: "../..")],
    targets: [.target(name: "DotMark", dependencies: [.product(name: "HeatGridPluginAPI", package: "HeatGrid")])]
)
