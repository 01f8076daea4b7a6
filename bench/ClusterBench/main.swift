// ClusterBench: times HeatGrid's hierarchical clustering (Sources/HeatGridCore/Ordering/) on a
// matrix of raw little-endian Float64 values, for bench/cluster.py (which times scipy on the same
// matrix and compares the results).
//
//     ClusterBench MATRIX.f64 ROWS COLUMNS METHOD METRIC [--optimal] [--repeat N] [--out RESULT.f64]
//
// Prints one JSON line: the median milliseconds of the distances alone and of the whole clustering
// (distances, linkage and leaf order). --out writes the merge heights, then the leaf order, as
// Float64 values.
import Foundation
import HeatGridCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ClusterBench: \(message)\n".utf8))
    exit(2)
}

/// The value after `name` in `arguments`, removed from them with it.
func option(_ name: String, _ arguments: inout [String]) -> String? {
    guard let i = arguments.firstIndex(of: name) else { return nil }
    guard i + 1 < arguments.count else { fail("\(name) needs a value") }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
var arguments = Array(CommandLine.arguments.dropFirst())
let optimal = arguments.contains("--optimal")
arguments.removeAll { $0 == "--optimal" }
let repeats = Int(option("--repeat", &arguments) ?? "3") ?? 3
let output = option("--out", &arguments)
guard arguments.count == 5, let rows = Int(arguments[1]), let columns = Int(arguments[2]),
      let method = LinkageMethod(rawValue: arguments[3]), let metric = DistanceMetric(rawValue: arguments[4]) else {
    fail("usage: ClusterBench MATRIX.f64 ROWS COLUMNS single|complete|average|ward euclidean|correlation|cosine [--optimal] [--repeat N] [--out FILE]")
}
guard let data = FileManager.default.contents(atPath: arguments[0]), data.count == rows * columns * 8 else {
    fail("\(arguments[0]) must hold \(rows) x \(columns) Float64 values")
}
let values = data.withUnsafeBytes { raw in (0..<(rows * columns)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) } }

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

do {
    var distanceTimes = [Double](), clusterTimes = [Double]()
    var tree = Dendrogram(merges: [], leafOrder: [], observationCount: 0)
    for _ in 0..<max(repeats, 1) {
        distanceTimes.append(try milliseconds { _ = try Clustering.distances(values, rows: rows, columns: columns, metric: metric) })
        clusterTimes.append(try milliseconds {
            tree = try Clustering.cluster(values, rows: rows, columns: columns, method: method, metric: metric,
                                          optimalLeafOrder: optimal)
        })
    }
    if let output {
        let numbers = tree.merges.map(\.distance) + tree.leafOrder.map(Double.init)
        let bytes = numbers.withUnsafeBufferPointer { Data(buffer: $0) }
        guard FileManager.default.createFile(atPath: output, contents: bytes) else { fail("cannot write \(output)") }
    }
    print(#"{"distances_ms": \#(median(distanceTimes)), "cluster_ms": \#(median(clusterTimes))}"#)
} catch {
    fail("\(error)")
}
