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

# Named keys: examples/gallery/data/models-benchmarks.csv (long form model,benchmark,score: one
# row per model and benchmark) and model-families.csv (model,family,parameters_b,developer: who
# released it, a company, a non-profit or a public research lab). The scores are
# made up from a seeded latent "strength" per model and "difficulty" per benchmark, plus noise:
# they illustrate the figure and are not results of these models. (Its own generator, so the
# file above stays as it was.)
rng = random.Random(2027)
models = [  # name, family, parameters (billions), newer generation (trained on more and better data)
    ("Llama-3.1-8B", "Llama", 8.0, 1), ("Mistral-7B-v0.3", "Mistral", 7.2, 0.5), ("Qwen2.5-7B", "Qwen", 7.6, 1),
    ("Gemma-2-9B", "Gemma", 9.2, 1), ("Phi-3-mini", "Phi", 3.8, 1), ("OLMo-2-7B", "OLMo", 7.3, 0.7),
    ("Falcon-7B", "Falcon", 7.0, 0), ("DeepSeek-V2-Lite", "DeepSeek", 15.7, 0.7), ("Yi-1.5-9B", "Yi", 8.8, 0.7),
    ("InternLM2.5-7B", "InternLM", 7.7, 0.8), ("StableLM-2-1.6B", "StableLM", 1.6, 0.3), ("Pythia-6.9B", "Pythia", 6.9, 0),
]
benchmarks = [("MMLU", 0.35), ("GSM8K", 0.55), ("HumanEval", 0.6), ("ARC-Challenge", 0.3),
              ("HellaSwag", 0.1), ("TruthfulQA", 0.45), ("WinoGrande", 0.15), ("MATH", 0.8)]
lines = ["model,benchmark,score"]
for name, family, size, generation in models:
    strength = min(0.95, 0.25 + 0.1 * math.log(size + 1) + 0.2 * generation + rng.uniform(-0.05, 0.05))
    for benchmark, difficulty in benchmarks:
        score = 100 * strength * (1 - 0.75 * difficulty) + rng.gauss(0, 3)
        lines.append(f"{name},{benchmark},{min(99.0, max(2.0, score)):.1f}")
scores = out.parent / "models-benchmarks.csv"
scores.write_text("\n".join(lines) + "\n")
families = out.parent / "model-families.csv"
developers = {"OLMo": "non-profit", "Pythia": "non-profit", "Falcon": "public lab", "InternLM": "public lab"}
families.write_text("model,family,parameters_b,developer\n"
                    + "".join(f"{n},{f},{p},{developers.get(f, 'company')}\n" for n, f, p, _ in models))
print(f"wrote {scores} and {families}")

# Marks: examples/gallery/data/head-pvalues.csv (task,layer,head,p), a made-up p-value per head
# for the flagship's data (small where a head's importance is high), so the marks example has a
# second matrix to put stars from. Illustration only: not a statistical result.
heads = Path(__file__).resolve().parent.parent / "examples/cognitive-heads/cognitive-heads.csv"
rows = [line.split(",") for line in heads.read_text().splitlines()[1:]]
pvalues = ["task,layer,head,p"] + [f"{t},{l},{h},{min(1.0, math.exp(-float(v) / 0.00035)):.3g}" for t, l, h, v in rows]
(out.parent / "head-pvalues.csv").write_text("\n".join(pvalues) + "\n")
print(f"wrote {out.parent / 'head-pvalues.csv'}")

# A masked triangle: examples/gallery/data/task-correlation.csv (task_a,task_b,r), the Pearson
# correlation between the flagship's tasks over their 1024 head scores (computed from the data).
scores = {}
for t, l, h, v in rows:
    scores.setdefault(t, []).append(float(v))
tasks = list(scores)
def pearson(a, b):
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    return cov / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
lines = ["task_a,task_b,r"] + [f"{a},{b},{pearson(scores[a], scores[b]):.3f}" for a in tasks for b in tasks]
(out.parent / "task-correlation.csv").write_text("\n".join(lines) + "\n")
print(f"wrote {out.parent / 'task-correlation.csv'}")
