#!/usr/bin/env python3
"""matplotlib's side of the big-matrix benchmark: 8 panels from an .npy (8 x N x N) to OUT.

Usage: python3 bench/matplotlib_big.py DATA.npy OUT.(png|pdf) [--dpi 300]
The same figure as HeatGrid's: 2x4 imshow grid, viridis clamped at 0.003, one colorbar.
"""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

TASKS = ["Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making",
         "Semantic Understanding", "Syntactic Understanding", "Inference", "Math Calculation"]

ap = argparse.ArgumentParser()
ap.add_argument("data")
ap.add_argument("out")
ap.add_argument("--dpi", type=float, default=300)
args = ap.parse_args()
data = np.load(args.data)
fig, axes = plt.subplots(2, 4, figsize=(180 / 25.4, 80 / 25.4), layout="constrained")
for ax, task, m in zip(axes.flat, TASKS, data):
    im = ax.imshow(m, cmap="viridis", vmin=0, vmax=0.003, interpolation="nearest")
    ax.set_title(task, fontsize=8)
    ax.set_xlabel("Head", fontsize=7)
    ax.set_ylabel("Layer", fontsize=7)
    ax.tick_params(labelsize=6)
fig.colorbar(im, ax=axes, extend="max", label="Heads Importance")
fig.savefig(args.out, dpi=args.dpi)
