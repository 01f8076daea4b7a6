// Hierarchical clustering of a matrix's rows, for ordering a heatmap's rows or columns (as
// seaborn's clustermap and R's ComplexHeatmap do); the same trees as
// `scipy.cluster.hierarchy.linkage(pdist(X, metric), method)`.
//
// Agglomerative clustering starts with every row (observation) as a cluster of its own and
// repeatedly merges the two closest clusters until one is left: n - 1 merges, a binary tree (the
// dendrogram). The methods differ in the distance between clusters, updated after every merge of
// x and y into xy by the Lance-Williams formula, for every other cluster i (sizes n_x, n_y, n_i):
// - single:   d(xy, i) = min(d(x, i), d(y, i))
// - complete: d(xy, i) = max(d(x, i), d(y, i))
// - average:  d(xy, i) = (n_x d(x, i) + n_y d(y, i)) / (n_x + n_y)                (UPGMA)
// - ward:     d(xy, i) = sqrt(((n_i + n_x) d(x, i)² + (n_i + n_y) d(y, i)² - n_i d(x, y)²)
//                             / (n_x + n_y + n_i))
// Ward's formula is the growth of the within-cluster sum of squares for euclidean distances. With
// correlation or cosine distances it is applied all the same, as scipy's
// `linkage(pdist(X, "correlation"), "ward")` does: the tree is well defined (the update is
// reducible for any dissimilarity) but its heights are no longer variances.
//
// The algorithm: the nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
// agglomerative clustering algorithms"), in O(n²) time over a condensed O(n²) distance array that
// it updates in place. From any cluster, follow nearest neighbours (a chain of ever smaller
// distances) until two clusters are each other's nearest: merge them, pop them off the chain, and
// go on from the chain's remaining top. For reducible methods (all four here) mutual nearest
// neighbours can be merged in any order and the tree is the same as always merging the globally
// closest pair. Single linkage uses the minimum spanning tree instead (Prim's algorithm, O(n²)),
// as scipy does: its edges, sorted by length, are the merges.
//
// Conventions, exactly scipy's (so the output compares row for row with scipy's linkage matrix):
// - Merges are sorted by distance (ties keep the order they were found in); merge i creates
//   cluster n + i; observations are 0..<n.
// - In each merge, `left` is the smaller of the two cluster ids, `right` the larger.
// - Ties are broken by position, as scipy's code does: a chain starts at the lowest-numbered
//   cluster left; a nearest neighbour is the first one (lowest index) at the smallest distance,
//   except that the chain's previous element wins a tie (so the chain never cycles); Prim's tree
//   grows from observation 0 and takes the lowest index among equally near ones. Each cluster in
//   the chain is kept under the larger of its two members' indices. With exactly equal distances
//   this gives scipy's tree; distances equal only up to rounding (they may differ in the last bit
//   from scipy's) can break ties the other way, giving a tree of equal heights but other pairs.
// - The leaf order is scipy's `leaves_list`: the tree walked depth first, left before right.
//   With `optimalLeafOrder` it is the order of `LeafOrder.swift` instead, and `left`/`right` of
//   the merges are exchanged where needed so that the same walk gives it.

/// How the distance between two clusters follows from the distances between their members; see
/// the top of `Linkage.swift`.
public enum LinkageMethod: String, Sendable, CaseIterable, Codable {
    /// The closest pair of members (nearest neighbour).
    case single
    /// The farthest pair of members.
    case complete
    /// The mean distance over all pairs of members (UPGMA).
    case average
    /// The growth of the within-cluster sum of squares (Ward's minimum variance).
    case ward
}

/// One merge of a hierarchical clustering: a row of scipy's linkage matrix.
public struct Merge: Sendable, Equatable {
    /// The two clusters joined: ids below n are observations (rows), n + i is the cluster made by
    /// merge i. In scipy's order `left < right`; after optimal leaf ordering, `left` is the one
    /// drawn first (left or top).
    public var left: Int
    public var right: Int
    /// The distance between the two clusters when they were joined: the dendrogram's height here.
    public var distance: Double
    /// The number of observations in the new cluster.
    public var size: Int

    public init(left: Int, right: Int, distance: Double, size: Int) {
        self.left = left; self.right = right; self.distance = distance; self.size = size
    }
}

/// A hierarchical clustering: its merges (the tree) and the order of its leaves.
public struct Dendrogram: Sendable, Equatable {
    /// n - 1 merges, in scipy's order and convention (see `Merge`).
    public var merges: [Merge]
    /// The observations from left to right (or top to bottom): the tree walked depth first, left
    /// child first (scipy's `leaves_list`); every cluster of the tree is a contiguous run.
    public var leafOrder: [Int]
    /// The number of observations, n.
    public var observationCount: Int

    public init(merges: [Merge], leafOrder: [Int], observationCount: Int) {
        self.merges = merges; self.leafOrder = leafOrder; self.observationCount = observationCount
    }
}

/// Hierarchical clustering, to order a heatmap's rows (or, on the transposed matrix, its columns).
public enum Clustering {
    /// The most rows `cluster` and `distances` accept: their condensed distances take rows² / 2
    /// doubles, 1.6 GB at this limit.
    public static let maximumObservationCount = 20_000

    /// The most rows `cluster` orders optimally (`optimalLeafOrder: true`): its time grows as
    /// rows³ (about 3 s at this limit for a ward tree) and it takes two rows x rows arrays of
    /// doubles (256 MB at this limit).
    public static let maximumOptimalOrderingCount = 4_000

    /// Clusters the rows of `values` (`rows` x `columns`, row-major, `values.count == rows *
    /// columns`; any non-finite value is missing: see the top of `Distance.swift`) as
    /// `scipy.cluster.hierarchy.linkage(pdist(values, metric), method)` does, and
    /// orders the leaves as `leaves_list`, or optimally (`optimalLeafOrder`: the order that
    /// minimises the sum of distances between neighbouring rows among the 2^(n-1) orders the tree
    /// allows, which scipy's `optimal_leaf_ordering` often misses; see `LeafOrder.swift`).
    ///
    /// No rows give an empty dendrogram, one row the leaf order [0] and no merges.
    ///
    /// - Throws: `HeatGridError.tooLarge` for more than `maximumObservationCount` rows, or more
    ///   than `maximumOptimalOrderingCount` with `optimalLeafOrder`.
    public static func cluster(_ values: [Double], rows: Int, columns: Int, method: LinkageMethod,
                               metric: DistanceMetric, optimalLeafOrder: Bool = false) throws -> Dendrogram {
        guard rows >= 1 else { return Dendrogram(merges: [], leafOrder: [], observationCount: 0) }
        try checkCount(rows, limit: maximumObservationCount, what: "rows to cluster",
                       reason: "their pairwise distances take rows² / 2 doubles")
        if optimalLeafOrder {
            try checkCount(rows, limit: maximumOptimalOrderingCount, what: "rows to order optimally",
                           reason: "the optimal leaf order takes time growing as rows³")
        }
        precondition(columns >= 0 && values.count == rows * columns, "values must hold rows * columns entries")
        guard rows >= 2 else { return Dendrogram(merges: [], leafOrder: [0], observationCount: 1) }

        var (distances, scale) = PairwiseDistances(values: values, rows: rows, columns: columns,
                                                   metric: metric).compute()
        let original = optimalLeafOrder ? distances : []   // linkage overwrites its copy
        var merges = linkage(&distances, count: rows, method: method)
        distances = []
        let order: [Int]
        if optimalLeafOrder {
            (merges, order) = optimallyOrdered(merges, distances: original, count: rows)
        } else {
            order = leaves(of: merges, count: rows)
        }
        if scale != 1 {
            for i in merges.indices { merges[i].distance = Swift.min(merges[i].distance * scale, .greatestFiniteMagnitude) }
        }
        return Dendrogram(merges: merges, leafOrder: order, observationCount: rows)
    }

    static func checkCount(_ count: Int, limit: Int, what: String, reason: String) throws {
        if count > limit { throw HeatGridError.tooLarge(what: what, count: count, limit: limit, reason: reason) }
    }

    // MARK: Linkage

    /// The merges of `count` observations with condensed `distances` (finite, non-negative), in
    /// scipy's order and labels. `distances` is used as working space and left changed.
    static func linkage(_ distances: inout [Double], count n: Int, method: LinkageMethod) -> [Merge] {
        guard n >= 2 else { return [] }
        precondition(distances.count == n * (n - 1) / 2, "a condensed distance array holds n(n-1)/2 values")
        let found = method == .single ? minimumSpanningTree(distances, count: n)
                                      : nearestNeighbourChain(&distances, count: n, method: method)
        return labelled(found, count: n)
    }

    /// A merge as found, before sorting: two observations, one from each cluster, and the distance.
    struct FoundMerge { var a: Int; var b: Int; var distance: Double }

    /// The nearest-neighbour chain: merges in the order found, each cluster named by one of its
    /// observations (the larger index of the two merged).
    static func nearestNeighbourChain(_ distances: inout [Double], count n: Int, method: LinkageMethod) -> [FoundMerge] {
        var size = [Int](repeating: 1, count: n)
        var chain = [Int]()
        chain.reserveCapacity(n)
        var found = [FoundMerge]()
        found.reserveCapacity(n - 1)
        distances.withUnsafeMutableBufferPointer { d in
            /// Offset of row `x` in the condensed array: d(x, i) for i > x is at `rowStart(x) + i`.
            @inline(__always) func rowStart(_ x: Int) -> Int { n * x - x * (x + 1) / 2 - x - 1 }
            @inline(__always) func index(_ i: Int, _ j: Int) -> Int { i < j ? rowStart(i) + j : rowStart(j) + i }

            for _ in 0..<(n - 1) {
                if chain.isEmpty { chain.append(size.firstIndex { $0 > 0 }!) }
                var x = 0, y = 0, current = 0.0
                while true {
                    x = chain[chain.count - 1]
                    if chain.count > 1 {
                        y = chain[chain.count - 2]
                        current = d[index(x, y)]
                    } else {
                        current = .infinity
                    }
                    // The nearest active cluster to x: lowest index first, the chain's previous
                    // element kept on a tie.
                    for i in 0..<x where size[i] > 0 {
                        let v = d[rowStart(i) + x]
                        if v < current { current = v; y = i }
                    }
                    let start = rowStart(x)
                    for i in (x + 1)..<n where size[i] > 0 {
                        let v = d[start + i]
                        if v < current { current = v; y = i }
                    }
                    if chain.count > 1 && y == chain[chain.count - 2] { break }
                    chain.append(y)
                }
                chain.removeLast(2)
                if x > y { swap(&x, &y) }
                let nx = size[x], ny = size[y]
                found.append(FoundMerge(a: x, b: y, distance: current))
                size[x] = 0
                size[y] = nx + ny
                // The merged cluster lives on in y; distances to it by Lance-Williams.
                for i in 0..<n where size[i] > 0 && i != y {
                    let xi = index(i, x), yi = index(i, y)
                    d[yi] = update(method, d[xi], d[yi], current, nx, ny, size[i])
                }
            }
        }
        return found
    }

    /// The Lance-Williams update: the distance from cluster i to the merge of x and y.
    @inline(__always)
    static func update(_ method: LinkageMethod, _ dxi: Double, _ dyi: Double, _ dxy: Double,
                       _ nx: Int, _ ny: Int, _ ni: Int) -> Double {
        switch method {
        case .single: return Swift.min(dxi, dyi)
        case .complete: return Swift.max(dxi, dyi)
        case .average: return (Double(nx) * dxi + Double(ny) * dyi) / Double(nx + ny)
        case .ward:
            let t = 1 / Double(nx + ny + ni)
            let s = Double(ni + nx) * t * dxi * dxi + Double(ni + ny) * t * dyi * dyi - Double(ni) * t * dxy * dxy
            return Swift.max(s, 0).squareRoot()
        }
    }

    /// Single linkage: the edges of the minimum spanning tree (Prim's algorithm from observation
    /// 0), each joining the tree's latest vertex to its nearest outside vertex.
    static func minimumSpanningTree(_ distances: [Double], count n: Int) -> [FoundMerge] {
        var inTree = [Bool](repeating: false, count: n)
        var nearest = [Double](repeating: .infinity, count: n)
        var found = [FoundMerge]()
        found.reserveCapacity(n - 1)
        var x = 0
        for _ in 0..<(n - 1) {
            inTree[x] = true
            var y = 0, current = Double.infinity
            for i in 0..<n where !inTree[i] {
                let v = distances[condensedIndex(x, i, count: n)]
                if nearest[i] > v { nearest[i] = v }
                if nearest[i] < current { current = nearest[i]; y = i }
            }
            found.append(FoundMerge(a: x, b: y, distance: current))
            x = y
        }
        return found
    }

    /// Merges sorted by distance (stable) and labelled as scipy's linkage matrix: the clusters
    /// that contain the two observations of each, smaller id left, and the new cluster's size.
    static func labelled(_ found: [FoundMerge], count n: Int) -> [Merge] {
        let order = found.indices.sorted { i, j in
            found[i].distance < found[j].distance || (found[i].distance == found[j].distance && i < j)
        }
        var parent = Array(0..<(2 * n - 1))
        var size = [Int](repeating: 1, count: 2 * n - 1)
        func root(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            var p = x
            while parent[p] != r { let next = parent[p]; parent[p] = r; p = next }
            return r
        }
        var merges = [Merge]()
        merges.reserveCapacity(n - 1)
        for (i, k) in order.enumerated() {
            let a = root(found[k].a), b = root(found[k].b)
            let (left, right) = a < b ? (a, b) : (b, a)
            let cluster = n + i
            parent[left] = cluster
            parent[right] = cluster
            size[cluster] = size[left] + size[right]
            merges.append(Merge(left: left, right: right, distance: found[k].distance, size: size[cluster]))
        }
        return merges
    }

    /// The observations in the order of a depth-first walk of the tree, left child first
    /// (scipy's `leaves_list`).
    static func leaves(of merges: [Merge], count n: Int) -> [Int] {
        guard n >= 2 else { return n == 1 ? [0] : [] }
        var order = [Int]()
        order.reserveCapacity(n)
        var stack = [2 * n - 2]
        while let c = stack.popLast() {
            if c < n {
                order.append(c)
            } else {
                stack.append(merges[c - n].right)
                stack.append(merges[c - n].left)
            }
        }
        return order
    }
}
