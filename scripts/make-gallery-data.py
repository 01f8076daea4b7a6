#!/usr/bin/env python3
"""Writes the gallery's generated data (seeded, so the files never change):
examples/gallery/data/forty-models.json, 40 panels of 16x16 head scores titled "Model N variant"."""
import json, math, random
from pathlib import Path

random.seed(2026)
panels = []
for n in range(40):
    # A band of important heads at a model-specific depth, plus noise.
    centre = 4 + (n * 7) % 9
    values = [[round(max(0.0, math.exp(-((layer - centre) / 2.5) ** 2) * random.uniform(0.4, 1.0)
                        + random.gauss(0, 0.05)), 4) for head in range(16)] for layer in range(16)]
    panels.append({"title": f"Model {n} variant", "values": values})
data = {"panels": panels, "rowName": "layer", "columnName": "head", "valueName": "importance"}
out = Path(__file__).resolve().parent.parent / "examples/gallery/data/forty-models.json"
out.write_text(json.dumps(data, separators=(",", ":")) + "\n")
print(f"wrote {out}")
