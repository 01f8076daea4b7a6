#!/usr/bin/env python3
"""Big-matrix, loading and batch benchmarks, HeatGrid beside matplotlib/pandas in the same run.

Usage: python3 bench/big.py HEATGRID_BIN [SIZE] [RUNS]   (run from the repo root; `make bench`)

1. Generates 8 panels of SIZE x SIZE (default 1024) as long-form CSV and .npy (bench/generate_data.py).
2. Loading: `heatgrid inspect` (load only, whole process) on the CSV, the JSON and the .npy,
   beside pandas.read_csv and read_csv + pivot into matrices, json.load, numpy.load.
3. Rendering 8 x SIZE^2 to a 300-dpi PNG, to PDF and to SVG from the .npy: heatgrid vs matplotlib imshow;
   and to the interactive HTML page (no matplotlib counterpart).
4. Batch: 16 flagship figures with one `heatgrid render --out-dir` call vs 16 separate calls.
Each row gives the median wall time and the peak resident memory of the process.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, runs):
    """Median wall ms and max peak RSS (MB) of `runs` runs of cmd, after one warm-up."""
    def once():
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        if status != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}")
        return (time.perf_counter() - t0) * 1000, usage.ru_maxrss / 1024
    once()
    results = [once() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def row(name, ours, theirs, their_name):
    (t1, m1), (t2, m2) = ours, theirs
    print(f"| {name:<34} | {t1:9.0f} | {m1:7.0f} | {their_name:<24} | {t2:9.0f} | {m2:7.0f} | {t2 / t1:6.1f} |", flush=True)


def main():
    heatgrid = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    data = os.path.join(tempfile.gettempdir(), "heatgrid-bench-data")
    csv = os.path.join(data, f"heads-{size}.csv")
    if not os.path.exists(os.path.join(data, f"json-{size}.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_data.py"), str(size), data], check=True)
    npy = os.path.join(data, f"heads-{size}.npy")
    mb = os.path.getsize(csv) / 1e6
    print(f"data: 8 x {size} x {size} = {8 * size * size / 1e6:.1f}M values; CSV {mb:.0f} MB, "
          f".npy {os.path.getsize(npy) / 1e6:.0f} MB; matrices alone {8 * size * size * 8 / 1e6:.0f} MB as Float64")
    print(f"runs: median of {runs} (after a warm-up); memory is the process's peak RSS")
    print()
    print("| task                               | heatgrid ms | MB | other                    | other ms | MB | x |")
    print("|------------------------------------|----------:|-------:|--------------------------|---------:|-------:|-------:|")
    pandas = [sys.executable, "-c", f"import pandas as pd; pd.read_csv({csv!r})"]
    pivot = [sys.executable, "-c",
             f"import pandas as pd; d = pd.read_csv({csv!r}); "
             "[g.pivot(index='layer', columns='head', values='importance').to_numpy() for _, g in d.groupby('task', sort=False)]"]
    csv_load = timed([heatgrid, "inspect", os.path.join(data, f"csv-{size}.json")], runs)
    row("load CSV into matrices", csv_load, timed(pandas, runs), "pandas.read_csv")
    row("load CSV into matrices", csv_load, timed(pivot, runs), "read_csv + pivot")
    print(f"|   (heatgrid CSV throughput: {mb / (csv_load[0] / 1000):.0f} MB/s whole process)")
    json_file = os.path.join(data, f"heads-{size}.json")
    json_load = timed([heatgrid, "inspect", os.path.join(data, f"json-{size}.json")], runs)
    python_json = [sys.executable, "-c", f"import json, numpy as np; d = json.load(open({json_file!r})); "
                   "[np.array(p['values'], dtype=float) for p in d['panels']]"]
    row("load JSON into matrices", json_load, timed(python_json, runs), "json.load + np.array")
    print(f"|   (heatgrid JSON throughput: {os.path.getsize(json_file) / 1e6 / (json_load[0] / 1000):.0f} MB/s whole process)")
    row("load .npy", timed([heatgrid, "inspect", os.path.join(data, f"npy-{size}.json")], runs),
        timed([sys.executable, "-c", f"import numpy as np; np.load({npy!r}) + 0"], runs), "numpy.load")
    with tempfile.TemporaryDirectory(prefix="heatgrid-big-") as out:
        for fmt in ("png", "pdf", "svg"):
            ours = timed([heatgrid, "render", os.path.join(data, f"npy-{size}.json"), "-o", os.path.join(out, f"hg.{fmt}")], runs)
            theirs = timed([sys.executable, os.path.join(HERE, "matplotlib_big.py"), npy, os.path.join(out, f"mpl.{fmt}")], runs)
            row(f"render 8x{size}² .npy -> {fmt}", ours, theirs, "matplotlib imshow")
        html = timed([heatgrid, "render", os.path.join(data, f"npy-{size}.json"), "-o", os.path.join(out, "hg.html")], runs)
        print(f"| {f'render 8x{size}² .npy -> html':<34} | {html[0]:9.0f} | {html[1]:7.0f} | {'—':<24} | {'—':>9} | {'—':>7} | {'—':>6} |")
        sizes = {f: os.path.getsize(os.path.join(out, f)) / 1e6 for f in ("hg.pdf", "mpl.pdf", "hg.svg", "mpl.svg", "hg.html")}
        print(f"|   (sizes: PDF heatgrid {sizes['hg.pdf']:.1f} MB, matplotlib {sizes['mpl.pdf']:.1f} MB; SVG heatgrid "
              f"{sizes['hg.svg']:.1f} MB, matplotlib {sizes['mpl.svg']:.1f} MB; HTML heatgrid {sizes['hg.html']:.1f} MB)")

        # Batch: 16 copies of the flagship spec (its data path made absolute).
        spec_dir = os.path.join(out, "specs")
        os.makedirs(spec_dir)
        flagship = open("examples/cognitive-heads/figure.json").read().replace(
            '"cognitive-heads.csv"', repr(os.path.abspath("examples/cognitive-heads/cognitive-heads.csv")).replace("'", '"'))
        for i in range(16):
            open(os.path.join(spec_dir, f"fig{i:02}.json"), "w").write(flagship)
        os.makedirs(os.path.join(out, "b"))
        batch = timed([heatgrid, "render", spec_dir, "--out-dir", os.path.join(out, "b"), "--format", "png"], runs)
        script = "; ".join(f"{heatgrid} render {os.path.join(spec_dir, f'fig{i:02}.json')} -o {os.path.join(out, 'b', f's{i}.png')}"
                           for i in range(16))
        row("16 flagship PNGs, one batch call", batch, timed(["sh", "-c", script], runs), "16 heatgrid calls")


if __name__ == "__main__":
    main()
