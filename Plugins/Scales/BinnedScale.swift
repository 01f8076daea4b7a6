import Foundation
import HeatGridCore

/// A scale of bins: every value takes the colour of its bin, bin k of n the colormap's colour in
/// the middle of its k-th of n equal bands (for a qualitative map, its k-th colour: the renderer
/// gives the scale the map's own colours in order). A value on an
/// edge belongs to the bin above it, the last edge to the last bin. The colorbar shows one block
/// per bin with the edges as ticks (`boundaries`).
public struct BinnedScale: Scale, Equatable {
    public let edges: [Double]

    /// `edges`: at least two, strictly ascending.
    public init(edges: [Double]) {
        precondition(edges.count >= 2 && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "edges must ascend")
        self.edges = edges
    }

    public var domain: ClosedRange<Double> { edges.first!...edges.last! }
    public var boundaries: [Double]? { edges }
    private var binCount: Int { edges.count - 1 }

    /// The bin of `value`, or -1 below the first edge and `binCount` above the last.
    public func bin(of value: Double) -> Int {
        if value < edges[0] { return -1 }
        if value > edges[edges.count - 1] { return binCount }
        // The first edge above the value, by bisection: the bin is the one before it.
        var low = 0, high = edges.count - 1
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] > value { high = middle } else { low = middle + 1 }
        }
        return min(max(low - 1, 0), binCount - 1)
    }

    public func position(of value: Double) -> Double? {
        guard !value.isNaN else { return nil }
        let k = bin(of: value)
        // Bin k at the middle of the k-th of n equal bands; outside, half a band beyond the ends,
        // so the mapping sees under or over.
        let band = 1 / Double(binCount)
        if k < 0 { return -band / 2 }
        if k >= binCount { return 1 + band / 2 }
        return (Double(k) + 0.5) * band
    }

    public func value(at t: Double) -> Double {
        // Along the colorbar: edges equally spaced.
        let x = min(max(t, 0), 1) * Double(binCount)
        let k = min(Int(x), binCount - 1)
        return edges[k] + (x - Double(k)) * (edges[k + 1] - edges[k])
    }

    public func ticks(count: Int) -> [Double] { edges }
}

/// The `bins` scale plugin:
///
///     "scale": {"type": "bins", "boundaries": [0, 0.0005, 0.001, 0.002, 0.003]}
///     "scale": {"type": "bins", "bins": 5}          // 5 equal bins over the domain
///     "scale": {"type": "bins", "quantiles": 4}     // 4 bins holding a quarter of the cells each
public struct BinnedScaleProvider: ScaleProvider {
    public let type = "bins"
    public let summary = "every value takes its bin's colour; the colorbar shows one block per bin"
    public let options = [
        PluginOption("boundaries", .list(.number), doc: "the bins' edges, ascending (n + 1 numbers for n bins)"),
        PluginOption("bins", .integer, doc: "n equal bins over the domain"),
        PluginOption("quantiles", .integer, doc: "n bins with equal shares of the finite cells"),
    ]
    public init() {}

    public func makeScale(_ request: ScaleRequest) throws -> any Scale {
        func fail(_ key: String, _ message: String) -> HeatGridError {
            .spec(file: request.specFile, key: "scale.\(key)", message: message)
        }
        let given = ["boundaries", "bins", "quantiles"].filter { request.spec.options[$0] != nil }
        guard given.count == 1 else {
            throw fail(given.isEmpty ? "type" : given[1], given.isEmpty
                ? "a \"bins\" scale needs \"boundaries\" (a list of edges), \"bins\" (a count) or \"quantiles\" (a count)"
                : "give one of \"boundaries\", \"bins\" or \"quantiles\", not \(given.map { "\"\($0)\"" }.joined(separator: " and "))")
        }
        var edges: [Double]
        if let boundaries = try request.option("boundaries", as: [Double].self) {
            edges = boundaries
            guard edges.count >= 2 else { throw fail("boundaries", "expected at least two edges (one bin), found \(edges.count)") }
            if let i = edges.indices.dropLast().first(where: { !(edges[$0] < edges[$0 + 1]) }) {
                throw fail("boundaries", "edges must be strictly ascending, but \(edges[i]) is followed by \(edges[i + 1])")
            }
        } else if let bins = try request.option("bins", as: Int.self) {
            guard (1...256).contains(bins) else { throw fail("bins", "expected 1 to 256 bins, found \(bins)") }
            let domain = try request.resolvedDomain()
            edges = (0...bins).map { domain.lowerBound + Double($0) / Double(bins) * (domain.upperBound - domain.lowerBound) }
        } else {
            let count = try request.option("quantiles", as: Int.self)!
            guard (1...256).contains(count) else { throw fail("quantiles", "expected 1 to 256 bins, found \(count)") }
            guard let cuts = request.data.percentiles((0...count).map { 100 * Double($0) / Double(count) }) else {
                throw fail("quantiles", "the data has no finite values to take quantiles of")
            }
            // Tied quantiles (many equal values) merge into one edge.
            edges = []
            for cut in cuts where edges.last.map({ cut > $0 }) ?? true { edges.append(cut) }
            guard edges.count >= 2 else { throw fail("quantiles", "every finite value is \(cuts[0]): there is nothing to bin") }
        }
        guard edges.allSatisfy(\.isFinite) else { throw fail(given[0], "edges must be finite numbers") }
        return BinnedScale(edges: edges)
    }
}
