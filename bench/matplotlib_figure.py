#!/usr/bin/env python3
"""Draw the flagship cognitive-heads figure with matplotlib (the benchmark's reference).

Usage: python3 bench/matplotlib_figure.py CSV OUT.(png|pdf|svg) [--dpi 300]

CSV is long-form with columns task,layer,head,importance; panels are the tasks in
order of first appearance, each a layer x head matrix.  Only the standard library's
csv module, numpy and matplotlib are used (no pandas).
"""
import argparse
import csv

import matplotlib

matplotlib.use("Agg")  # headless; the output format is chosen by the file extension
import matplotlib.pyplot as plt
import numpy as np

VMAX = 0.003


def load_panels(path):
    """Return {task: 2-D array [layer, head]} in order of first appearance."""
    cells = {}  # task -> list of (layer, head, value)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            cells.setdefault(row["task"], []).append(
                (int(row["layer"]), int(row["head"]), float(row["importance"])))
    panels = {}
    for task, triples in cells.items():
        layers, heads, values = (np.array(c) for c in zip(*triples))
        m = np.full((layers.max() + 1, heads.max() + 1), np.nan)
        m[layers.astype(int), heads.astype(int)] = values
        panels[task] = m
    return panels


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    ap.add_argument("out")
    ap.add_argument("--dpi", type=float, default=300)
    args = ap.parse_args()

    panels = load_panels(args.csv)
    fig, axes = plt.subplots(2, 4, figsize=(180 / 25.4, 80 / 25.4), layout="constrained")
    for ax, (task, m) in zip(axes.flat, panels.items()):
        im = ax.imshow(m, cmap="viridis", vmin=0, vmax=VMAX, interpolation="nearest")
        ax.set_title(task, fontsize=8)
        ax.set_ylabel("Layer", fontsize=7)
        ax.set_xlabel("Head", fontsize=7)
        ax.set_xticks(range(0, 31, 6))
        ax.set_yticks(range(0, 31, 6))
        ax.tick_params(labelsize=6)

    # One colorbar shared by all panels; the top tick reads "0.0030+" (values are clamped).
    cbar = fig.colorbar(im, ax=axes, extend="max", label="Heads Importance")
    cbar.ax.yaxis.label.set_fontsize(7)
    ticks = np.arange(0, VMAX + 1e-12, 0.0005)
    cbar.set_ticks(ticks)
    cbar.set_ticklabels([f"{t:.4f}" for t in ticks[:-1]] + [f"{VMAX:.4f}+"])
    cbar.ax.tick_params(labelsize=6)

    fig.savefig(args.out, dpi=args.dpi)


if __name__ == "__main__":
    main()
