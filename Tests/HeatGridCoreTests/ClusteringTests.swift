import Foundation
import Testing
@testable import HeatGridCore
import TestSupport

// Hierarchical clustering (Sources/HeatGridCore/Ordering/) against scipy's, recorded in
// Fixtures/linkage/*.json by scripts/generate-linkage-fixtures.py, and its invariants on seeded
// random matrices.

// MARK: Fixtures

private let fixtureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/linkage")
private let fixtureNames = ["random", "duplicates", "missing", "undefined"]

private struct LinkageFixture: Decodable {
    var scipy: String
    var name: String
    var rows: Int
    var columns: Int
    var values: [[Double?]]
    var metrics: [String: MetricFixture]

    /// Row-major, NaN for null.
    var flatValues: [Double] { values.flatMap { $0.map { $0 ?? .nan } } }

    static func load(_ name: String) throws -> LinkageFixture {
        let data = try Data(contentsOf: fixtureFolder.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(LinkageFixture.self, from: data)
    }
}

private struct MetricFixture: Decodable {
    var distances: [Double]
    var ties: Bool
    var methods: [String: MethodFixture]
}

private struct MethodFixture: Decodable {
    var linkage: [[Double]]
    var leaves: [Int]
    var scipyOptimalLeaves: [Int]
    var scipyOptimalCost: Double
    var optimalCost: Double
    var optimalLeaves: [Int]
    var optimalUnique: Bool

    var merges: [Merge] {
        linkage.map { Merge(left: Int($0[0]), right: Int($0[1]), distance: $0[2], size: Int($0[3])) }
    }
}

// MARK: Helpers

/// Equal within 1e-9, relative for values above 1.
private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// The observations under every cluster of the tree (index n + i for merge i).
private func members(_ merges: [Merge], count n: Int) -> [[Int]] {
    var sets = (0..<n).map { [$0] }
    for merge in merges { sets.append(sets[merge.left] + sets[merge.right]) }
    return sets
}

/// Whether every cluster of the tree `merges` is a contiguous run of `order`.
private func everyClusterContiguous(_ merges: [Merge], count n: Int, in order: [Int]) -> Bool {
    var position = [Int](repeating: 0, count: n)
    for (p, leaf) in order.enumerated() { position[leaf] = p }
    return members(merges, count: n).allSatisfy { cluster in
        let places = cluster.map { position[$0] }
        return places.max()! - places.min()! == cluster.count - 1
    }
}

/// The clusters of a tree as sets of observations, for comparing trees regardless of labels.
private func clusterSets(_ merges: [Merge], count n: Int) -> Set<Set<Int>> {
    Set(members(merges, count: n).dropFirst(n).map(Set.init))
}

/// The sum of distances between neighbouring leaves.
private func orderCost(_ order: [Int], _ distances: [Double], count n: Int) -> Double {
    zip(order, order.dropFirst()).reduce(0) { $0 + distances[Clustering.condensedIndex($1.0, $1.1, count: n)] }
}

// MARK: Against scipy

@Suite struct ClusteringFixtureTests {
    @Test func fixturesCoverEveryMethodAndMetric() throws {
        for name in fixtureNames {
            let fixture = try LinkageFixture.load(name)
            #expect(!fixture.scipy.isEmpty)
            #expect(Set(fixture.metrics.keys) == Set(DistanceMetric.allCases.map(\.rawValue)))
            for metric in fixture.metrics.values {
                #expect(Set(metric.methods.keys) == Set(LinkageMethod.allCases.map(\.rawValue)))
                #expect(metric.distances.count == fixture.rows * (fixture.rows - 1) / 2)
            }
        }
    }

    /// scipy's pdist, or (with missing values) the documented pairwise-complete rule.
    @Test(arguments: fixtureNames, DistanceMetric.allCases)
    func distancesMatch(name: String, metric: DistanceMetric) throws {
        let fixture = try LinkageFixture.load(name)
        let expected = try #require(fixture.metrics[metric.rawValue]).distances
        let ours = try Clustering.distances(fixture.flatValues, rows: fixture.rows, columns: fixture.columns, metric: metric)
        #expect(ours.count == expected.count)
        for (p, (a, b)) in zip(ours, expected).enumerated() {
            #expect(close(a, b, 1e-12), "\(name) \(metric) distance \(p): \(a) vs scipy \(b)")
        }
    }

    /// Given scipy's own distances, the linkage is scipy's merge for merge, ties included (the
    /// same tie-breaking and the same arithmetic).
    @Test(arguments: fixtureNames, DistanceMetric.allCases)
    func linkageOfScipysDistancesIsScipys(name: String, metric: DistanceMetric) throws {
        let fixture = try LinkageFixture.load(name)
        let metricFixture = try #require(fixture.metrics[metric.rawValue])
        for method in LinkageMethod.allCases {
            let expected = try #require(metricFixture.methods[method.rawValue]).merges
            var distances = metricFixture.distances
            let ours = Clustering.linkage(&distances, count: fixture.rows, method: method)
            #expect(ours.count == expected.count)
            for (a, b) in zip(ours, expected) {
                #expect(a.left == b.left && a.right == b.right && a.size == b.size && close(a.distance, b.distance),
                        "\(name) \(metric) \(method): \(a) vs scipy \(b)")
            }
        }
    }

    /// From the matrix: heights within 1e-9 and every scipy cluster contiguous in our order; where
    /// nothing ties, the same merges and leaves.
    @Test(arguments: fixtureNames, DistanceMetric.allCases)
    func clusteringMatchesScipy(name: String, metric: DistanceMetric) throws {
        let fixture = try LinkageFixture.load(name)
        let metricFixture = try #require(fixture.metrics[metric.rawValue])
        let n = fixture.rows
        for method in LinkageMethod.allCases {
            let expected = try #require(metricFixture.methods[method.rawValue])
            let scipyMerges = expected.merges
            let ours = try Clustering.cluster(fixture.flatValues, rows: n, columns: fixture.columns,
                                              method: method, metric: metric)
            let label = "\(name) \(metric) \(method)"
            #expect(ours.observationCount == n)
            #expect(ours.merges.count == n - 1)
            for (a, b) in zip(ours.merges, scipyMerges) {
                #expect(close(a.distance, b.distance), "\(label): height \(a.distance) vs scipy \(b.distance)")
                #expect(a.size == b.size, "\(label)")
            }
            #expect(everyClusterContiguous(scipyMerges, count: n, in: ours.leafOrder), "\(label): \(ours.leafOrder)")
            let sameTree = ours.merges.map { [$0.left, $0.right] } == scipyMerges.map { [$0.left, $0.right] }
            if !metricFixture.ties {
                #expect(sameTree, "\(label): \(ours.merges) vs scipy \(scipyMerges)")
            }
            if sameTree {
                #expect(ours.leafOrder == expected.leaves, "\(label): leaves \(ours.leafOrder) vs scipy \(expected.leaves)")
            }
        }
    }

    /// The optimal leaf order on scipy's tree: the enumerated optimum's cost always, its order
    /// when it is the only one, and scipy's order wherever scipy's is optimal.
    @Test(arguments: fixtureNames, DistanceMetric.allCases)
    func optimalLeafOrderIsOptimal(name: String, metric: DistanceMetric) throws {
        let fixture = try LinkageFixture.load(name)
        let metricFixture = try #require(fixture.metrics[metric.rawValue])
        let n = fixture.rows, distances = metricFixture.distances
        for method in LinkageMethod.allCases {
            let expected = try #require(metricFixture.methods[method.rawValue])
            let label = "\(name) \(metric) \(method)"
            let (merges, order) = Clustering.optimallyOrdered(expected.merges, distances: distances, count: n)
            #expect(close(orderCost(order, distances, count: n), expected.optimalCost), "\(label): \(order)")
            #expect(Clustering.leaves(of: merges, count: n) == order)
            #expect(everyClusterContiguous(expected.merges, count: n, in: order))
            #expect(zip(merges, expected.merges).allSatisfy { a, b in
                Set([a.left, a.right]) == Set([b.left, b.right]) && a.distance == b.distance
            }, "\(label): only left and right may change")
            // The root's children keep their sides.
            #expect(merges.last?.left == expected.merges.last?.left)
            if expected.optimalUnique {
                #expect(order == expected.optimalLeaves, "\(label): \(order) vs enumerated \(expected.optimalLeaves)")
                if close(expected.scipyOptimalCost, expected.optimalCost) {
                    #expect(order == expected.scipyOptimalLeaves, "\(label): scipy's order is optimal here")
                }
            }
            #expect(expected.optimalCost <= expected.scipyOptimalCost + 1e-9)
        }
    }

    /// scipy's read-out of the same table gives scipy's (not always optimal) order: the dynamic
    /// programme is scipy's, and only the read-out differs (scipy issue #11227).
    @Test(arguments: fixtureNames, DistanceMetric.allCases)
    func scipysReadoutOfTheTableIsScipysOrder(name: String, metric: DistanceMetric) throws {
        let fixture = try LinkageFixture.load(name)
        let metricFixture = try #require(fixture.metrics[metric.rawValue])
        guard !metricFixture.ties else { return }
        for method in LinkageMethod.allCases {
            let expected = try #require(metricFixture.methods[method.rawValue])
            let (_, order) = Clustering.optimallyOrdered(expected.merges, distances: metricFixture.distances,
                                                         count: fixture.rows, readout: .scipyOrientation)
            #expect(order == expected.scipyOptimalLeaves, "\(name) \(metric) \(method)")
        }
    }

    /// The whole pipeline with the optimal order: on the fixtures without ties our tree is scipy's,
    /// so the cost is the enumerated optimum.
    @Test(arguments: DistanceMetric.allCases)
    func clusterWithOptimalOrder(metric: DistanceMetric) throws {
        for name in ["random", "missing"] {
            let fixture = try LinkageFixture.load(name)
            let metricFixture = try #require(fixture.metrics[metric.rawValue])
            for method in LinkageMethod.allCases {
                let expected = try #require(metricFixture.methods[method.rawValue])
                let ours = try Clustering.cluster(fixture.flatValues, rows: fixture.rows, columns: fixture.columns,
                                                  method: method, metric: metric, optimalLeafOrder: true)
                #expect(close(orderCost(ours.leafOrder, metricFixture.distances, count: fixture.rows), expected.optimalCost))
                #expect(Clustering.leaves(of: ours.merges, count: fixture.rows) == ours.leafOrder)
                if expected.optimalUnique { #expect(ours.leafOrder == expected.optimalLeaves) }
            }
        }
    }
}

// MARK: Metrics, missing values, sizes

@Suite struct ClusteringRuleTests {
    /// x, x shifted, x scaled and x reversed tell the three metrics apart.
    @Test func metricsAreNotConfused() throws {
        let rows: [[Double]] = [[1, 2, 3, 4], [11, 12, 13, 14], [2, 4, 6, 8], [4, 3, 2, 1]]
        let values = rows.flatMap { $0 }
        func d(_ metric: DistanceMetric) throws -> [Double] {
            try Clustering.distances(values, rows: 4, columns: 4, metric: metric)
        }
        let index = { (i: Int, j: Int) in Clustering.condensedIndex(i, j, count: 4) }
        let correlation = try d(.correlation), cosine = try d(.cosine), euclidean = try d(.euclidean)
        // Correlation ignores offset and scale; cosine only scale; euclidean neither.
        #expect(close(correlation[index(0, 1)], 0, 1e-12))
        #expect(close(correlation[index(0, 2)], 0, 1e-12))
        #expect(close(correlation[index(0, 3)], 2, 1e-12))
        #expect(close(cosine[index(0, 2)], 0, 1e-12))
        #expect(close(cosine[index(0, 3)], 1 - 20.0 / 30, 1e-12))
        #expect(close(cosine[index(0, 1)], 1 - 130 / (30.0 * 630).squareRoot(), 1e-12))
        #expect(close(euclidean[index(0, 1)], 20, 1e-12))
        #expect(close(euclidean[index(0, 3)], 20.0.squareRoot(), 1e-12))
        // So the trees differ: correlation joins 0, 1 and 2 at height 0, cosine only 0 and 2.
        let byCorrelation = try Clustering.cluster(values, rows: 4, columns: 4, method: .average, metric: .correlation)
        let byCosine = try Clustering.cluster(values, rows: 4, columns: 4, method: .average, metric: .cosine)
        #expect(byCorrelation.merges.prefix(2).allSatisfy { close($0.distance, 0, 1e-12) })
        #expect(close(byCosine.merges[0].distance, 0, 1e-12) && byCosine.merges[1].distance > 0.01)
    }

    @Test func pairwiseCompleteRules() throws {
        let nan = Double.nan
        let values: [Double] = [
            1, 2, nan, 4,      // 0
            2, nan, 6, 8,      // 1: common with 0 at columns 0 and 3
            nan, nan, nan, nan, // 2: nothing
            5, 5, 5, nan,      // 3: constant
        ]
        let index = { (i: Int, j: Int) in Clustering.condensedIndex(i, j, count: 4) }
        let euclidean = try Clustering.distances(values, rows: 4, columns: 4, metric: .euclidean)
        // Scaled up to all four columns: sqrt(4/2 * (1 + 16)).
        #expect(close(euclidean[index(0, 1)], (2.0 * 17).squareRoot(), 1e-12))
        // No common coordinate: the largest defined distance.
        let largest = [index(0, 1), index(0, 3), index(1, 3)].map { euclidean[$0] }.max()!
        #expect(euclidean[index(0, 2)] == largest && euclidean[index(1, 2)] == largest && euclidean[index(2, 3)] == largest)
        let correlation = try Clustering.distances(values, rows: 4, columns: 4, metric: .correlation)
        #expect(close(correlation[index(0, 1)], 0, 1e-12))   // (1, 4) and (2, 8) rise together
        #expect(correlation[index(0, 2)] == 1 && correlation[index(0, 3)] == 1 && correlation[index(1, 3)] == 1)
        let cosine = try Clustering.distances(values, rows: 4, columns: 4, metric: .cosine)
        #expect(cosine[index(1, 2)] == 1)
        #expect(cosine[index(0, 3)] > 0 && cosine[index(0, 3)] < 1)
        for metric in DistanceMetric.allCases {
            #expect(try Clustering.distances(values, rows: 4, columns: 4, metric: metric).allSatisfy(\.isFinite))
        }
    }

    @Test func missingRowsNeverGiveNaN() throws {
        let nan = Double.nan
        let cases: [(rows: Int, columns: Int, values: [Double])] = [
            (3, 2, [nan, nan, nan, nan, nan, nan]),              // nothing at all
            (3, 2, [nan, 1, 2, nan, nan, nan]),                   // no pair shares a coordinate
            (4, 3, [1, 1, 1, 2, 2, 2, 0, 0, 0, 0, nan, 0]),       // constant and zero rows
            (3, 0, []),                                           // no columns
            (4, 2, [.infinity, 1, 2, -.infinity, 3, 4, 5, nan]),  // infinities count as missing
        ]
        for c in cases {
            for metric in DistanceMetric.allCases {
                for method in LinkageMethod.allCases {
                    for optimal in [false, true] {
                        let tree = try Clustering.cluster(c.values, rows: c.rows, columns: c.columns,
                                                          method: method, metric: metric, optimalLeafOrder: optimal)
                        #expect(tree.merges.count == c.rows - 1)
                        #expect(tree.merges.allSatisfy { $0.distance.isFinite && $0.distance >= 0 }, "\(c) \(metric) \(method)")
                        #expect(tree.leafOrder.sorted() == Array(0..<c.rows))
                    }
                }
            }
        }
    }

    @Test func extremeMagnitudesStayFinite() throws {
        let big = try Clustering.distances([1e300, 0, 0, 1e300, 0, 0], rows: 3, columns: 2, metric: .euclidean)
        #expect(close(big[0], 2.0.squareRoot() * 1e300, 1e-12) && close(big[1], 1e300, 1e-12))
        let tiny = try Clustering.distances([1e-300, 0, 0, 1e-300], rows: 2, columns: 2, metric: .euclidean)
        #expect(close(tiny[0] / 1e-300, 2.0.squareRoot(), 1e-12))
        let tree = try Clustering.cluster([1e300, 0, 0, 1e300, -1e300, 1e300], rows: 3, columns: 2,
                                          method: .ward, metric: .euclidean)
        #expect(tree.merges.allSatisfy { $0.distance.isFinite && $0.distance > 1e299 })
        let correlation = try Clustering.distances([1e-300, 2e-300, 3e-300, 3e300, 2e300, 1e300], rows: 2, columns: 3,
                                                   metric: .correlation)
        #expect(close(correlation[0], 2, 1e-12))
        // Just inside the range that is not rescaled: products of sums of squares must not vanish.
        let small = [1.0, 2, 3, 1, 2, 3.5]
        for metric in [DistanceMetric.correlation, .cosine] {
            let reference = try Clustering.distances(small, rows: 2, columns: 3, metric: metric)[0]
            for factor in [1e-74, 1e-80, 1e74, 1e80] {
                let d = try Clustering.distances(small.map { $0 * factor }, rows: 2, columns: 3, metric: metric)[0]
                #expect(close(d, reference, 1e-12), "\(metric) at \(factor): \(d) vs \(reference)")
            }
        }
    }

    @Test func noRowAndOneRow() throws {
        for method in LinkageMethod.allCases {
            for metric in DistanceMetric.allCases {
                let empty = try Clustering.cluster([], rows: 0, columns: 3, method: method, metric: metric)
                #expect(empty == Dendrogram(merges: [], leafOrder: [], observationCount: 0))
                let one = try Clustering.cluster([1, .nan, 3], rows: 1, columns: 3, method: method, metric: metric,
                                                 optimalLeafOrder: true)
                #expect(one == Dendrogram(merges: [], leafOrder: [0], observationCount: 1))
            }
        }
        #expect(try Clustering.distances([1, 2], rows: 1, columns: 2, metric: .euclidean).isEmpty)
        let two = try Clustering.cluster([0, 0, 3, 4], rows: 2, columns: 2, method: .single, metric: .euclidean,
                                         optimalLeafOrder: true)
        #expect(two.merges == [Merge(left: 0, right: 1, distance: 5, size: 2)])
        #expect(two.leafOrder == [0, 1])
    }

    @Test func tooManyRowsIsAClearError() throws {
        let rows = Clustering.maximumObservationCount + 1
        #expect(throws: HeatGridError.tooLarge(what: "rows to cluster", count: rows, limit: Clustering.maximumObservationCount,
                                               reason: "their pairwise distances take rows² / 2 doubles")) {
            try Clustering.cluster([], rows: rows, columns: 0, method: .average, metric: .euclidean)
        }
        #expect(throws: HeatGridError.self) { try Clustering.distances([], rows: rows, columns: 0, metric: .cosine) }
        let optimal = Clustering.maximumOptimalOrderingCount + 1
        do {
            _ = try Clustering.cluster([], rows: optimal, columns: 0, method: .ward, metric: .euclidean, optimalLeafOrder: true)
            Issue.record("expected an error")
        } catch let error as HeatGridError {
            #expect(error.description.contains("\(optimal)") && error.description.contains("\(Clustering.maximumOptimalOrderingCount)"),
                    "\(error)")
        }
    }
}

// MARK: Invariants on random matrices

@Suite struct ClusteringPropertyTests {
    /// A matrix with clusters, duplicated rows, missing values and (sometimes) constant rows.
    private static func matrix(_ generator: inout SplitMix64) -> (rows: Int, columns: Int, values: [Double]) {
        let rows = Int.random(in: 2...40, using: &generator), columns = Int.random(in: 1...8, using: &generator)
        let centres = (0..<3).map { _ in (0..<columns).map { _ in Double.random(in: -5...5, using: &generator) } }
        var values = [Double]()
        for r in 0..<rows {
            let centre = centres[Int.random(in: 0..<3, using: &generator)]
            var row = centre.map { $0 + Double.random(in: -1...1, using: &generator) }
            switch Int.random(in: 0..<10, using: &generator) {
            case 0 where r > 0: row = Array(values[((r - 1) * columns)..<(r * columns)])   // a duplicate
            case 1: row = Array(repeating: 2, count: columns)                               // constant
            case 2: row[Int.random(in: 0..<columns, using: &generator)] = .nan             // missing
            default: break
            }
            values += row
        }
        return (rows, columns, values)
    }

    @Test func treesAreWellFormed() throws {
        var generator = SplitMix64(state: 2026)
        for _ in 0..<40 {
            let (n, m, values) = Self.matrix(&generator)
            for metric in DistanceMetric.allCases {
                let distances = try Clustering.distances(values, rows: n, columns: m, metric: metric)
                #expect(distances.allSatisfy { $0.isFinite && $0 >= 0 })
                for method in LinkageMethod.allCases {
                    let label = "\(n)x\(m) \(metric) \(method)"
                    let tree = try Clustering.cluster(values, rows: n, columns: m, method: method, metric: metric)
                    #expect(tree.merges.count == n - 1)
                    var used = Set<Int>(), sizes = [Int](repeating: 1, count: n)
                    for (i, merge) in tree.merges.enumerated() {
                        #expect(merge.left < merge.right && merge.right < n + i, "\(label)")
                        #expect(used.insert(merge.left).inserted && used.insert(merge.right).inserted, "\(label): reused")
                        sizes.append(sizes[merge.left] + sizes[merge.right])
                        #expect(merge.size == sizes[n + i], "\(label)")
                        #expect(merge.distance.isFinite && merge.distance >= 0)
                    }
                    // All four methods are reducible: heights never decrease.
                    #expect(zip(tree.merges, tree.merges.dropFirst()).allSatisfy { $0.distance <= $1.distance }, "\(label)")
                    #expect(tree.merges.last?.size == n)
                    #expect(tree.leafOrder.sorted() == Array(0..<n), "\(label)")
                    #expect(everyClusterContiguous(tree.merges, count: n, in: tree.leafOrder), "\(label)")
                    #expect(try Clustering.cluster(values, rows: n, columns: m, method: method, metric: metric) == tree,
                            "deterministic")

                    let optimal = try Clustering.cluster(values, rows: n, columns: m, method: method, metric: metric,
                                                         optimalLeafOrder: true)
                    #expect(clusterSets(optimal.merges, count: n) == clusterSets(tree.merges, count: n))
                    #expect(optimal.merges.map(\.distance) == tree.merges.map(\.distance))
                    #expect(everyClusterContiguous(optimal.merges, count: n, in: optimal.leafOrder))
                    #expect(Clustering.leaves(of: optimal.merges, count: n) == optimal.leafOrder)
                    let cost = orderCost(optimal.leafOrder, distances, count: n)
                    #expect(cost <= orderCost(tree.leafOrder, distances, count: n) + 1e-9, "\(label)")
                    if n <= 9 {
                        #expect(close(cost, Self.bruteForceOptimum(tree.merges, distances, count: n)), "\(label)")
                    }
                }
            }
        }
    }

    /// The least cost over every order the tree allows.
    private static func bruteForceOptimum(_ merges: [Merge], _ distances: [Double], count n: Int) -> Double {
        func orders(_ c: Int) -> [[Int]] {
            guard c >= n else { return [[c]] }
            let left = orders(merges[c - n].left), right = orders(merges[c - n].right)
            return left.flatMap { a in right.flatMap { b in [a + b, b + a] } }
        }
        return orders(2 * n - 2).map { orderCost($0, distances, count: n) }.min()!
    }

    /// The blocked kernel (blocks of 64 rows, groups of 4 by 2) against the pairwise path, on a
    /// matrix big enough to use every edge of it.
    @Test func kernelAgreesWithPairwiseComputation() throws {
        var generator = SplitMix64(state: 7)
        let n = 139, m = 37
        let values = (0..<(n * m)).map { _ in Double.random(in: -3...3, using: &generator) + 10 }
        for metric in DistanceMetric.allCases {
            let fast = try Clustering.distances(values, rows: n, columns: m, metric: metric)
            values.withUnsafeBufferPointer { v in
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let slow = PairwiseDistances.pairwiseComplete(v.baseAddress! + i * m, v.baseAddress! + j * m, m, metric)
                        let d = fast[Clustering.condensedIndex(i, j, count: n)]
                        if !close(d, slow, 1e-11) { Issue.record("\(metric) \(i),\(j): \(d) vs \(slow)") }
                    }
                }
            }
        }
    }
}
