#!/usr/bin/env python3
"""Hierarchical clustering, HeatGrid (Sources/HeatGridCore/Ordering/) beside scipy in the same run.

Usage: python3 bench/cluster.py [ROWS [COLUMNS [RUNS]]]   (run from the repo root; defaults 2000 2000 3)

Builds the ClusterBench executable (swift build -c release --product ClusterBench; set
CLUSTERBENCH=path to use a built one), writes a seeded ROWS x COLUMNS standard-normal matrix as raw
Float64 to a temp folder, and for each method and metric times, as medians over RUNS runs inside
each process (no start-up, no loading):
- HeatGrid: Clustering.distances alone, and Clustering.cluster (distances, linkage, leaf order);
- scipy: pdist alone, and pdist + linkage + leaves_list.
It checks that both give the same merge heights (largest relative difference shown) and the same
leaf order. The optimal leaf order is timed on the first 1,000 rows (scipy's takes tens of seconds
at 2,000), and its cost (sum of distances between neighbouring rows) compared: HeatGrid's is the
true optimum, scipy's often is not (scipy issue #11227).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
from scipy.spatial.distance import pdist

from compare import cpu_model  # one copy of the machine description

SEED = 20261203
CASES = [("average", "euclidean"), ("ward", "euclidean"), ("complete", "euclidean"), ("single", "euclidean"),
         ("average", "correlation"), ("average", "cosine")]
OPTIMAL_ROWS = 1000


def clusterbench():
    if os.environ.get("CLUSTERBENCH"):
        return os.environ["CLUSTERBENCH"]
    subprocess.run(["swift", "build", "-c", "release", "--product", "ClusterBench"], check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "ClusterBench")


def ours(binary, path, rows, columns, method, metric, runs, optimal=False):
    out = path + ".result"
    cmd = [binary, path, str(rows), str(columns), method, metric, "--repeat", str(runs), "--out", out]
    if optimal:
        cmd.append("--optimal")
    timing = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    result = np.fromfile(out)
    return timing, result[:rows - 1], result[rows - 1:].astype(int)


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), value


def order_cost(d, order):
    return float(sum(d[order[i], order[i + 1]] for i in range(len(order) - 1)))


def square(y, n):
    d = np.zeros((n, n))
    d[np.triu_indices(n, 1)] = y
    return d + d.T


def main():
    args = sys.argv[1:]
    rows = int(args[0]) if len(args) > 0 else 2000
    columns = int(args[1]) if len(args) > 1 else 2000
    runs = int(args[2]) if len(args) > 2 else 3
    binary = clusterbench()
    X = np.random.default_rng(SEED).standard_normal((rows, columns))
    print(f"# {rows} x {columns} standard normal (seed {SEED}), medians of {runs} runs; {cpu_model()}")
    print("| method | metric | heatgrid distances ms | heatgrid total ms | scipy pdist ms | scipy total ms "
          "| speed-up | max rel. height diff | same leaves |")
    print("|---|---|--:|--:|--:|--:|--:|--:|---|")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "matrix.f64")
        X.tofile(path)
        for method, metric in CASES:
            timing, heights, leaves = ours(binary, path, rows, columns, method, metric, runs)
            pdist_ms, y = median_ms(lambda: pdist(X, metric), runs)

            def scipy_total():
                Z = linkage(pdist(X, metric), method)
                return Z, leaves_list(Z)
            total_ms, (Z, scipy_leaves) = median_ms(scipy_total, runs)
            diff = float(np.max(np.abs(heights - Z[:, 2]) / np.maximum(1, np.abs(Z[:, 2]))))
            print(f"| {method} | {metric} | {timing['distances_ms']:.0f} | {timing['cluster_ms']:.0f} "
                  f"| {pdist_ms:.0f} | {total_ms:.0f} | {total_ms / timing['cluster_ms']:.1f}x "
                  f"| {diff:.1e} | {'yes' if np.array_equal(leaves, scipy_leaves) else 'no'} |")

        n = min(OPTIMAL_ROWS, rows)
        small = os.path.join(folder, "small.f64")
        X[:n].tofile(small)
        print(f"\n# optimal leaf order, first {n} rows (average and ward, euclidean)")
        print("| method | heatgrid total ms | scipy total ms | heatgrid order cost | scipy order cost |")
        print("|---|--:|--:|--:|--:|")
        for method in ["average", "ward"]:
            timing, _, leaves = ours(binary, small, n, columns, method, "euclidean", 1, optimal=True)

            def scipy_optimal():
                y = pdist(X[:n])
                return y, leaves_list(optimal_leaf_ordering(linkage(y, method), y))
            total_ms, (y, scipy_leaves) = median_ms(scipy_optimal, 1)
            d = square(y, n)
            print(f"| {method} | {timing['cluster_ms']:.0f} | {total_ms:.0f} | {order_cost(d, leaves):.4f} "
                  f"| {order_cost(d, scipy_leaves):.4f} |")


if __name__ == "__main__":
    main()
