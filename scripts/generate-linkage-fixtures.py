#!/usr/bin/env python3
"""Writes Tests/HeatGridCoreTests/Fixtures/linkage/*.json: scipy's hierarchical clusterings of a
few small matrices, the reference that Tests/HeatGridCoreTests/ClusteringTests.swift checks
HeatGrid's clustering (Sources/HeatGridCore/Ordering/) against. The tests read only the JSON files
and need no scipy.

Needs scipy and numpy to regenerate:  pip install scipy numpy
Run from anywhere:                   python3 scripts/generate-linkage-fixtures.py

For each data set and each metric (euclidean, correlation, cosine) a file records the condensed
distances, and for each method (single, complete, average, ward):
- linkage: scipy.cluster.hierarchy.linkage(distances, method), rows [left, right, height, size];
- leaves: scipy.cluster.hierarchy.leaves_list of it;
- scipyOptimalLeaves / scipyOptimalCost: the leaves of optimal_leaf_ordering(linkage, distances)
  and the sum of distances between neighbouring leaves in that order;
- optimalCost / optimalLeaves / optimalUnique: the true optimum over every order the tree allows
  with the root's children kept in place (2^(n-2) orders, enumerated), one order reaching it, and
  whether it is the only one (scipy's optimal_leaf_ordering often misses it: scipy issue #11227);
- ties: whether two distances or two merge heights are equal (up to 1e-12), where the merge pairs
  and leaf orders depend on tie-breaking and only heights and cluster contiguity are comparable.

Without missing values the distances are scipy.spatial.distance.pdist's (checked here against the
rule below). With missing values (NaN) they follow HeatGrid's documented rule (top of
Sources/HeatGridCore/Ordering/Distance.swift), computed here with numpy: each pair over the
coordinates present in both rows, euclidean scaled by sqrt(columns / used); correlation of a row
constant there, or cosine of a row of zeros there, is 1; a pair without common coordinates is 1
under correlation and cosine, and under euclidean the largest distance of the other pairs. scipy's
linkage then runs on those distances.
"""

import itertools
import json
import pathlib

import numpy as np
import scipy
from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
from scipy.spatial.distance import pdist

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "HeatGridCoreTests" / "Fixtures" / "linkage"
METRICS = ["euclidean", "correlation", "cosine"]
METHODS = ["single", "complete", "average", "ward"]


def datasets():
    rng = np.random.default_rng(20261203)
    random = rng.standard_normal((12, 5))

    duplicates = rng.integers(0, 4, size=(10, 4)).astype(float)
    duplicates[5] = duplicates[0]
    duplicates[7] = duplicates[2]
    duplicates[8] = duplicates[2]

    missing = rng.standard_normal((12, 6)) * 3 + 1
    for row, col in [(0, 1), (2, 0), (2, 5), (3, 3), (5, 2), (7, 1), (7, 4), (9, 0), (10, 3), (11, 5)]:
        missing[row, col] = np.nan

    undefined = rng.standard_normal((9, 6))
    undefined[1] = np.nan                       # a row with no value at all
    undefined[3] = [2.5, 2.5, np.nan, 2.5, 2.5, 2.5]   # constant: correlation undefined
    undefined[4] = [0, 0, 0, 0, np.nan, 0]      # zeros: cosine (and correlation) undefined
    undefined[6, :3] = np.nan                   # rows 6 and 7 share no coordinate
    undefined[7, 3:] = np.nan

    return [
        ("random", "12 x 5 standard normal values, no ties", random),
        ("duplicates", "10 x 4 small integers; rows 0 = 5 and 2 = 7 = 8 (ties)", duplicates),
        ("missing", "12 x 6 normal values with 10 missing (NaN), scattered", missing),
        ("undefined", "9 x 6 with an all-missing row, a constant row, a zero row and two rows "
                      "without a common coordinate: the undefined-distance rules", undefined),
    ]


def pair_distance(x, y, metric):
    """HeatGrid's pairwise-complete distance; NaN for a euclidean pair without common coordinates."""
    mask = np.isfinite(x) & np.isfinite(y)
    used = int(mask.sum())
    a, b = x[mask], y[mask]
    if metric == "euclidean":
        if used == 0:
            return np.nan
        return float(np.sqrt(np.sum((a - b) ** 2) * len(x) / used))
    if used == 0:
        return 1.0
    if metric == "correlation":
        if a.min() == a.max() or b.min() == b.max():
            return 1.0
        a = a - a.mean()
        b = b - b.mean()
    elif not (np.any(a != 0) and np.any(b != 0)):
        return 1.0
    r = np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b))
    return float(min(max(1 - r, 0.0), 2.0))


def distances(values, metric):
    n = len(values)
    out = np.array([pair_distance(values[i], values[j], metric)
                    for i in range(n) for j in range(i + 1, n)])
    undefined = np.isnan(out)
    if undefined.any():
        out[undefined] = out[~undefined].max() if (~undefined).any() else 0.0
    if np.isfinite(values).all():
        reference = pdist(values, metric)
        assert np.allclose(out, reference, rtol=1e-12, atol=1e-12), (metric, out, reference)
        out = reference
    return out


def square(y, n):
    d = np.zeros((n, n))
    d[np.triu_indices(n, 1)] = y
    return d + d.T


def cost(d, order):
    return float(sum(d[order[i], order[i + 1]] for i in range(len(order) - 1)))


def tree_orders(Z, n):
    """Every leaf order the tree allows with the root's children in place."""
    def orders(c):
        if c < n:
            return [[c]]
        left, right = int(Z[c - n, 0]), int(Z[c - n, 1])
        result = []
        for a in orders(left):
            for b in orders(right):
                result.append(a + b)
                result.append(b + a)
        return result
    left, right = int(Z[-1, 0]), int(Z[-1, 1])
    return [a + b for a in orders(left) for b in orders(right)]


def has_ties(values):
    v = np.sort(np.asarray(values))
    return bool(np.any(np.diff(v) <= 1e-12 * np.maximum(1.0, np.abs(v[1:]))))


def case(y, n, method):
    Z = linkage(y, method)
    d = square(y, n)
    scipy_optimal = [int(i) for i in leaves_list(optimal_leaf_ordering(Z, y))]
    costs = sorted((cost(d, o), o) for o in tree_orders(Z, n))
    best = costs[0][0]
    unique = len(costs) < 2 or costs[1][0] > best + 1e-9 * max(1.0, best)
    return {
        "linkage": [[int(l), int(r), float(h), int(s)] for l, r, h, s in Z],
        "leaves": [int(i) for i in leaves_list(Z)],
        "scipyOptimalLeaves": scipy_optimal,
        "scipyOptimalCost": cost(d, scipy_optimal),
        "optimalCost": best,
        "optimalLeaves": costs[0][1],
        "optimalUnique": bool(unique),
        "heightTies": has_ties(Z[:, 2]),
    }


def compact(value, indent=0):
    """JSON with one line per number list, so the files stay short and readable."""
    pad = " " * indent
    if isinstance(value, dict):
        items = [f'{pad} {json.dumps(k)}: {compact(v, indent + 1).lstrip()}' for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and isinstance(value[0], list):
        rows = [pad + " " + json.dumps(row) for row in value]
        return pad + "[\n" + ",\n".join(rows) + "\n" + pad + "]"
    return pad + json.dumps(value)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, description, values in datasets():
        n, m = values.shape
        record = {
            "generator": "scripts/generate-linkage-fixtures.py",
            "scipy": scipy.__version__,
            "numpy": np.__version__,
            "name": name,
            "description": description,
            "rows": n,
            "columns": m,
            "values": [[None if np.isnan(v) else float(v) for v in row] for row in values],
            "metrics": {},
        }
        for metric in METRICS:
            y = distances(values, metric)
            cases = {method: case(y, n, method) for method in METHODS}
            record["metrics"][metric] = {
                "distances": [float(v) for v in y],
                "ties": has_ties(y) or any(c["heightTies"] for c in cases.values()),
                "methods": cases,
            }
        path = OUT / f"{name}.json"
        path.write_text(compact(record) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
