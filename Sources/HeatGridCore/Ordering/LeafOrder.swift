// Optimal leaf ordering (Bar-Joseph, Gifford, Jaakkola 2001, "Fast optimal leaf ordering for
// hierarchical clustering"; the problem `scipy.cluster.hierarchy.optimal_leaf_ordering` solves).
//
// A tree of n leaves can be drawn in 2^(n-1) leaf orders (each merge may put either child first).
// The optimal one minimises the sum of the distances between neighbouring leaves, so similar rows
// sit side by side across the subtrees' boundaries too; the root's children keep their sides.
//
// The dynamic programme: for a cluster v with children l and r, and leaves u of l and w of r,
// M(u, w) is the cost of the best order of v that starts with u and ends with w. In such an order,
// l comes first, starting at u and ending at some leaf m of l's other child than u's (any leaf of
// l when l is a leaf itself: then m = u), and r follows, starting at some k of r's child other than
// w's, so
//
//     M(u, w) = min over m, k of  M(u, m) + D(m, k) + M(k, w),      M(u, u) = 0 for a leaf.
//
// Computed for all u, w in two steps, T(u, k) = min_m M(u, m) + D(m, k) and then
// M(u, w) = min_k T(u, k) + M(k, w), four u at a time (each row of D and M read once for the
// four): O(n³) time in all for any tree shape, fastest for chain-like trees (single linkage) and
// slowest for balanced ones (ward: about 0.3 s for 2,000 rows, 3 s for 4,000), and two n x n
// arrays (M and the distances, indexed by position in scipy's leaf order so that every cluster is
// a contiguous range). The best order of
// the root is the smallest M(u, w); walking back down, each cluster with its ends (u, w) fixed
// finds its m and k again (one minimum over a block of pairs) and passes (u, m) and (k, w) to its
// children. Ties go to the first pair in scipy's leaf order: smallest u, then w (m, then k).
//
// Deliberate difference from scipy: scipy computes the same M, but then orients each subtree by
// that subtree's own best ends rather than the ends its parent's best order needs, so its result
// is often not optimal (scipy issue #11227, open; on random trees of 9 leaves, more than half of
// its orders cost more than the best). Here the result is the optimum: where scipy's order is
// optimal (and the optimum unique) the two are the same. `scipyOrientation` reproduces scipy's
// choice from the same M, to test the programme against scipy's output.

extension Clustering {
    /// How the optimal order is read back from the programme's table.
    enum LeafOrderReadout {
        /// Each cluster gets the ends its parent's best order needs: the true optimum.
        case optimal
        /// Each cluster keeps its own best ends (scipy's `optimal_leaf_ordering`; not optimal).
        case scipyOrientation
    }

    /// The merges with `left`/`right` exchanged where needed and the leaf order they then give:
    /// the order of least total distance between neighbours (see the top of `LeafOrder.swift`).
    /// `distances` is the condensed array the merges were made from.
    static func optimallyOrdered(_ merges: [Merge], distances: [Double], count n: Int,
                                 readout: LeafOrderReadout = .optimal) -> (merges: [Merge], order: [Int]) {
        let start = leaves(of: merges, count: n)
        guard n >= 3 else { return (merges, start) }
        let clusters = 2 * n - 1
        // Each cluster is the range lo..<hi of positions in `start`; a merge's split is where its
        // right child begins.
        var lo = [Int](repeating: 0, count: clusters), hi = [Int](repeating: 0, count: clusters)
        var split = [Int](repeating: 0, count: clusters)
        for (p, leaf) in start.enumerated() { lo[leaf] = p; hi[leaf] = p + 1 }
        for (i, merge) in merges.enumerated() {
            lo[n + i] = lo[merge.left]; hi[n + i] = hi[merge.right]; split[n + i] = hi[merge.left]
        }
        /// The leaves opposite position `p` inside cluster `c`: the other child's range (p itself
        /// for a leaf).
        func others(of p: Int, in c: Int) -> Range<Int> {
            if c < n { return p..<(p + 1) }
            return p < split[c] ? split[c]..<hi[c] : lo[c]..<split[c]
        }

        // Distances by position, and the table M (both n x n, row-major by position).
        var dist = [Double](repeating: 0, count: n * n)
        for p in 0..<n {
            for q in (p + 1)..<n {
                let d = distances[condensedIndex(start[p], start[q], count: n)]
                dist[p * n + q] = d
                dist[q * n + p] = d
            }
        }
        var table = [Double](repeating: 0, count: n * n)
        // best[j * n + k] = min over m of M(u_j, m) + D(m, k), for k in the right child, for four
        // leaves u_j of the left child at a time: each row of D and M is read once for all four.
        var best = [Double](repeating: .infinity, count: 4 * n)
        dist.withUnsafeBufferPointer { d in
            table.withUnsafeMutableBufferPointer { t in
                best.withUnsafeMutableBufferPointer { best in
                    let d = d.baseAddress!, t = t.baseAddress!
                    let b0 = best.baseAddress!, b1 = b0 + n, b2 = b0 + 2 * n, b3 = b0 + 3 * n
                    for merge in merges {
                        let left = merge.left, right = merge.right
                        let a = lo[left], b = hi[left], c = hi[right]
                        // The left child's leaves u in groups that share the leaves m opposite them.
                        let groups: [(us: Range<Int>, ms: Range<Int>)] = left < n ? [(a..<b, a..<b)]
                            : [(a..<split[left], split[left]..<b), (split[left]..<b, a..<split[left])]
                        for (us, ms) in groups {
                            var first = us.lowerBound
                            while first < us.upperBound {
                                let count = Swift.min(4, us.upperBound - first)
                                // Lanes past `count` repeat the last u; their results are not kept.
                                let u0 = first, u1 = first + Swift.min(1, count - 1)
                                let u2 = first + Swift.min(2, count - 1), u3 = first + Swift.min(3, count - 1)
                                for k in b..<c { b0[k] = .infinity; b1[k] = .infinity; b2[k] = .infinity; b3[k] = .infinity }
                                for m in ms {
                                    let m0 = t[u0 * n + m], m1 = t[u1 * n + m], m2 = t[u2 * n + m], m3 = t[u3 * n + m]
                                    let row = d + m * n
                                    for k in b..<c {
                                        let dk = row[k]
                                        let v0 = m0 + dk, v1 = m1 + dk, v2 = m2 + dk, v3 = m3 + dk
                                        b0[k] = v0 < b0[k] ? v0 : b0[k]
                                        b1[k] = v1 < b1[k] ? v1 : b1[k]
                                        b2[k] = v2 < b2[k] ? v2 : b2[k]
                                        b3[k] = v3 < b3[k] ? v3 : b3[k]
                                    }
                                }
                                // M(u, w) = min over k opposite w of best(u, k) + M(k, w).
                                for w in b..<c {
                                    var s0 = Double.infinity, s1 = Double.infinity
                                    var s2 = Double.infinity, s3 = Double.infinity
                                    let row = t + w * n
                                    for k in others(of: w, in: right) {
                                        let mk = row[k]
                                        let v0 = b0[k] + mk, v1 = b1[k] + mk, v2 = b2[k] + mk, v3 = b3[k] + mk
                                        if v0 < s0 { s0 = v0 }
                                        if v1 < s1 { s1 = v1 }
                                        if v2 < s2 { s2 = v2 }
                                        if v3 < s3 { s3 = v3 }
                                    }
                                    let results = (s0, s1, s2, s3)
                                    for j in 0..<count {
                                        let value = j == 0 ? results.0 : j == 1 ? results.1 : j == 2 ? results.2 : results.3
                                        t[(first + j) * n + w] = value
                                        t[w * n + first + j] = value
                                    }
                                }
                                first += count
                            }
                        }
                    }
                }
            }
        }

        /// The first (u, w) of least M(u, w), u in cluster l, w in cluster r, by position.
        func bestEnds(_ l: Int, _ r: Int) -> (Int, Int) {
            var ends = (lo[l], lo[r]), smallest = Double.infinity
            for u in lo[l]..<hi[l] {
                for w in lo[r]..<hi[r] where table[u * n + w] < smallest {
                    smallest = table[u * n + w]
                    ends = (u, w)
                }
            }
            return ends
        }

        var flipped = [Bool](repeating: false, count: n - 1)
        switch readout {
        case .optimal:
            // Down from the root, each cluster with the ends its parent needs.
            let root = 2 * n - 2
            let (u0, w0) = bestEnds(merges[n - 2].left, merges[n - 2].right)
            var stack = [(cluster: root, first: u0, last: w0)]
            while let (c, first, last) = stack.popLast() {
                guard c >= n else { continue }
                let merge = merges[c - n]
                let flip = !(lo[merge.left]..<hi[merge.left]).contains(first)
                flipped[c - n] = flip
                let (head, tail) = flip ? (merge.right, merge.left) : (merge.left, merge.right)
                var ends = (first, last), smallest = Double.infinity
                for m in others(of: first, in: head) {
                    for k in others(of: last, in: tail) {
                        let v = (table[first * n + m] + dist[m * n + k]) + table[last * n + k]
                        if v < smallest { smallest = v; ends = (m, k) }
                    }
                }
                stack.append((tail, ends.1, last))
                stack.append((head, first, ends.0))
            }
        case .scipyOrientation:
            // Each merge decides its children's orientation from its own best ends; a cluster is
            // drawn mirrored when an odd number of it and its ancestors were asked to be.
            var mirror = [Bool](repeating: false, count: n - 1)
            var parent = [Int](repeating: -1, count: n - 1)
            for (i, merge) in merges.enumerated() {
                let (u, w) = bestEnds(merge.left, merge.right)
                if merge.left >= n { mirror[merge.left - n] = u >= split[merge.left]; parent[merge.left - n] = i }
                if merge.right >= n { mirror[merge.right - n] = w < split[merge.right]; parent[merge.right - n] = i }
            }
            for i in stride(from: n - 2, through: 0, by: -1) {
                flipped[i] = mirror[i] != (parent[i] >= 0 ? flipped[parent[i]] : false)
            }
        }

        var ordered = merges
        for i in ordered.indices where flipped[i] {
            (ordered[i].left, ordered[i].right) = (ordered[i].right, ordered[i].left)
        }
        return (ordered, leaves(of: ordered, count: n))
    }
}
