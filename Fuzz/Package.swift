// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for HeatGrid's parsers: CSV (long form and grid), JSON panels, NumPy .npy/.npz,
/// and figure specs (with theme resolution, scale, colour mapping and colorbar ticks).
///
/// Build and run them with `scripts/fuzz.sh` from the repository root. By hand:
///
///     swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
///     SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FuzzCSV CORPUS_DIR -max_total_time=60
///
/// `--sanitize=fuzzer` makes SwiftPM leave the entry point to libFuzzer's `main` (with `-Xswiftc`
/// alone the link fails on an undefined `<Target>_main`); `-Xswiftc -sanitize=fuzzer,address`
/// asks for coverage and AddressSanitizer in one option, since of several `-sanitize=` options
/// the compiler keeps only the last (`--sanitize=fuzzer --sanitize=address` builds no coverage).
let package = Package(
    name: "HeatGridFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "HeatGrid", path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "HeatGrid", package: "HeatGrid")],
                          path: "Sources/FuzzCSV"),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "HeatGrid", package: "HeatGrid")],
                          path: "Sources/FuzzJSON"),
        .executableTarget(name: "FuzzNPY", dependencies: ["FuzzSupport", .product(name: "HeatGrid", package: "HeatGrid")],
                          path: "Sources/FuzzNPY"),
        .executableTarget(name: "FuzzSpec", dependencies: ["FuzzSupport", .product(name: "HeatGrid", package: "HeatGrid")],
                          path: "Sources/FuzzSpec"),
    ]
)
