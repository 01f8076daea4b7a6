#!/usr/bin/env python3
"""Generate benchmark inputs: 8 panels of SIZE x SIZE head-importance-like values.

Usage: python3 bench/generate_data.py SIZE OUT_DIR

Writes OUT_DIR/heads-SIZE.csv (long form task,layer,head,importance: 8*SIZE^2 rows; 291 MB at
SIZE=1024), OUT_DIR/heads-SIZE.npy (float64, 8 x SIZE x SIZE), OUT_DIR/heads-SIZE.json (the
JSON panels layout) and specs for each: OUT_DIR/csv-SIZE.json, npy-SIZE.json, json-SIZE.json.
Deterministic (seeded); needs numpy.
"""
import json
import os
import sys

import numpy as np

TASKS = ["Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making",
         "Semantic Understanding", "Syntactic Understanding", "Inference", "Math Calculation"]


def main():
    size, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    data = rng.gamma(2.0, 0.0002, size=(len(TASKS), size, size))
    for i in range(len(TASKS)):  # a bright band per task, like the flagship's
        band = slice(size * (i + 2) // 12, size * (i + 4) // 12)
        data[i, band, :] *= 4
    np.save(os.path.join(out, f"heads-{size}.npy"), data)

    csv_path = os.path.join(out, f"heads-{size}.csv")
    layer, head = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
    with open(csv_path, "w") as f:
        f.write("task,layer,head,importance\n")
        for i, task in enumerate(TASKS):
            block = np.column_stack([layer.ravel(), head.ravel(), data[i].ravel()])
            lines = "\n".join(f"{task},{int(l)},{int(h)},{v:.7g}" for l, h, v in block) + "\n"
            f.write(lines)

    with open(os.path.join(out, f"heads-{size}.json"), "w") as f:
        f.write('{"rowName": "layer", "columnName": "head", "valueName": "importance", "panels": [')
        for i, task in enumerate(TASKS):
            rows = ",".join("[" + ",".join(f"{v:.7g}" for v in row) + "]" for row in data[i])
            f.write(("," if i else "") + json.dumps({"title": task})[:-1] + ', "values": [' + rows + "]}")
        f.write("]}")

    common = {"scale": {"domain": [0, 0.003]}, "colorbar": {"title": "Heads Importance"},
              "axes": {"x": {"title": "Head"}, "y": {"title": "Layer"}}}
    with open(os.path.join(out, f"csv-{size}.json"), "w") as f:
        json.dump({"data": {"path": f"heads-{size}.csv", "panel": "task", "row": "layer", "column": "head",
                            "value": "importance"}, **common}, f, indent=1)
    with open(os.path.join(out, f"npy-{size}.json"), "w") as f:
        json.dump({"data": {"path": f"heads-{size}.npy"}, **common}, f, indent=1)
    with open(os.path.join(out, f"json-{size}.json"), "w") as f:
        json.dump({"data": {"path": f"heads-{size}.json"}, **common}, f, indent=1)
    print(f"wrote {csv_path} ({os.path.getsize(csv_path) / 1e6:.0f} MB) and heads-{size}.npy")


if __name__ == "__main__":
    main()
