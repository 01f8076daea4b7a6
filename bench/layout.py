#!/usr/bin/env python3
"""Layout-engine benchmarks, HeatGrid beside matplotlib's constrained layout in the same run.

Usage: python3 bench/layout.py HEATGRID_BIN [RUNS]   (run from the repo root; bench/compare.sh calls it)

1. Layout of 64 panels of 16x16 (seeded random values): HeatGrid with "layout": {"type": "auto"}
   at 180 mm x auto height, to PNG (300 dpi) and PDF; matplotlib an 8x8
   plt.subplots(layout="constrained") grid of imshow with titles and one shared colorbar, at the
   same page size as HeatGrid's figure.
2. A 2,000-character panel title on one 32x32 panel, 180 x 80 mm, as words of random letters and as
   one word with no spaces: HeatGrid wraps it and cuts it with "…"; matplotlib draws it with
   wrap=True in constrained layout.  A 20,000-character title is rendered by HeatGrid only, beside
   the flagship figure's PNG measured in the same run: the layout's text fitting is linear in the
   title's length, so the time should stay flat.
Every number is the median whole-process wall time over RUNS runs (after one warm-up).  Specs and
data are written to a temp folder.  A failing render (non-zero exit) stops the script with its stderr.

`python3 bench/layout.py --matplotlib grid|title DATA.json OUT [WIDTH_MM HEIGHT_MM]` is the
matplotlib side (one process per figure, so its start-up is timed as HeatGrid's is).
"""
import datetime
import json
import os
import platform
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

from compare import cpu_model  # one copy of the machine description

FLAGSHIP = "examples/cognitive-heads/figure.json"
SEED = 20261130
WIDTH_MM = 180
TITLE_HEIGHT_MM = 80


# ---------------------------------------------------------------------------------------------
# The matplotlib side (run as its own process).

def matplotlib_main(kind, data_path, out, width_mm, height_mm):
    import matplotlib

    matplotlib.use("Agg")  # headless; the output format is chosen by the file extension
    import matplotlib.pyplot as plt
    import numpy as np

    with open(data_path) as f:
        data = json.load(f)
    panels = [(p["title"], np.array(p["values"], dtype=float)) for p in data["panels"]]
    size = (width_mm / 25.4, height_mm / 25.4)
    # Font sizes of HeatGrid's default "paper" theme: titles 8 pt, axis titles 7 pt, ticks 6 pt.
    if kind == "grid":
        fig, axes = plt.subplots(8, 8, figsize=size, layout="constrained", sharex=True, sharey=True)
        for ax, (title, m) in zip(axes.flat, panels):
            im = ax.imshow(m, cmap="viridis", vmin=0, vmax=1, interpolation="nearest")
            ax.set_title(title, fontsize=8)
            ax.tick_params(labelsize=6)
        for ax in axes[-1, :]:
            ax.set_xlabel(data["columnName"], fontsize=7)
        for ax in axes[:, 0]:
            ax.set_ylabel(data["rowName"], fontsize=7)
    else:
        fig, ax = plt.subplots(figsize=size, layout="constrained")
        title, m = panels[0]
        im = ax.imshow(m, cmap="viridis", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(title, fontsize=8, wrap=True)
        ax.set_xlabel(data["columnName"], fontsize=7)
        ax.set_ylabel(data["rowName"], fontsize=7)
        ax.tick_params(labelsize=6)
        axes = ax
    cbar = fig.colorbar(im, ax=axes, label=data["valueName"])
    cbar.ax.yaxis.label.set_fontsize(7)
    cbar.ax.tick_params(labelsize=6)
    fig.savefig(out, dpi=300)


# ---------------------------------------------------------------------------------------------
# The benchmark driver.

def run_checked(cmd, output):
    """Run cmd once; stop the benchmark with its stderr if it fails or writes no output file."""
    if os.path.exists(output):
        os.remove(output)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit(f"render failed (exit status {p.returncode}): {' '.join(cmd)}\n{p.stderr.rstrip()}")
    if not os.path.exists(output) or os.path.getsize(output) == 0:
        raise SystemExit(f"render wrote no {output}: {' '.join(cmd)}\n{p.stderr.rstrip()}")
    return p.stderr


WARNINGS = []  # (case, first line of a warning) from the warm-up runs, printed under the table


def median_ms(cmd, output, runs, case):
    """Median wall time in ms of `runs` runs of cmd (after one untimed warm-up: page and font caches)."""
    for line in run_checked(cmd, output).splitlines():
        if "Warning" in line or "warning" in line:
            WARNINGS.append((case, line.split("Warning:", 1)[-1].strip()))
            break
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run_checked(cmd, output)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def png_size(path):
    """(width, height) in pixels from a PNG's IHDR chunk."""
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def random_title(rng, length, spaces):
    """`length` random lowercase letters, as words of 2 to 10 letters separated by spaces, or one word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    if not spaces:
        return "".join(rng.choice(letters) for _ in range(length))
    words, used = [], 0
    while used < length:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 10)))
        words.append(word)
        used += len(word) + 1
    title = " ".join(words)[:length]
    return title[:-1] + rng.choice(letters) if title.endswith(" ") else title


def random_matrix(rng, n):
    return [[round(rng.random(), 5) for _ in range(n)] for _ in range(n)]


def write_figure(tmp, name, panels, spec_extra):
    """Write NAME.json (data) and NAME-spec.json into tmp; return the spec's path."""
    data = {"panels": panels, "rowName": "layer", "columnName": "head", "valueName": "importance"}
    with open(os.path.join(tmp, f"{name}.json"), "w") as f:
        json.dump(data, f)
    spec = {"title": name, "data": {"path": f"{name}.json"}, **spec_extra}
    spec_path = os.path.join(tmp, f"{name}-spec.json")
    with open(spec_path, "w") as f:
        json.dump(spec, f)
    return spec_path


def row(name, t_hg, t_mpl=None):
    mpl = f"{t_mpl:20.1f}" if t_mpl is not None else f"{'—':>20}"
    speedup = f"{t_mpl / t_hg:12.1f}" if t_mpl is not None else f"{'—':>12}"
    print(f"| {name:<44} | {t_hg:18.1f} | {mpl} | {speedup} |", flush=True)


def main():
    heatgrid = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    me = os.path.abspath(__file__)
    rng = random.Random(SEED)

    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"date:    {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"runs:    {runs} per tool and case (median of whole-process wall time, after 1 warm-up)")
    with tempfile.TemporaryDirectory(prefix="heatgrid-layout-") as tmp:
        def out(name):
            return os.path.join(tmp, name)

        def hg_ms(spec, fmt, name):
            path = out(f"{os.path.basename(spec)}.hg.{fmt}")
            return median_ms([heatgrid, "render", spec, "-o", path], path, runs, f"heatgrid {name}")

        def mpl_ms(kind, data, fmt, width_mm, height_mm, name):
            path = out(f"{kind}.mpl.{fmt}")
            cmd = [sys.executable, me, "--matplotlib", kind, data, path, str(width_mm), str(height_mm)]
            return median_ms(cmd, path, runs, f"matplotlib {name}")

        # 1. 64 panels, auto layout, 180 mm x auto.
        grid_panels = [{"title": f"panel {i + 1}", "values": random_matrix(rng, 16)} for i in range(64)]
        grid_spec = write_figure(tmp, "panels64", grid_panels, {
            "layout": {"type": "auto"}, "size": {"width": f"{WIDTH_MM}mm", "height": "auto"}})
        # HeatGrid picks the height; matplotlib draws on the same page (read from the PNG at 300 dpi).
        run_checked([heatgrid, "render", grid_spec, "-o", out("probe.png")], out("probe.png"))
        px_w, px_h = png_size(out("probe.png"))
        grid_height_mm = round(px_h / 300 * 25.4, 1)

        # 2. One 32x32 panel with a long title, 180 x 80 mm.
        titles = {
            "title2k": ("2,000-char title, words", random_title(rng, 2000, True), True),
            "title2k-nospace": ("2,000-char title, no spaces", random_title(rng, 2000, False), True),
            "title20k": ("20,000-char title, words", random_title(rng, 20000, True), False),
            "title20k-nospace": ("20,000-char title, no spaces", random_title(rng, 20000, False), False),
        }
        title_matrix = random_matrix(rng, 32)
        title_specs = {name: write_figure(tmp, name, [{"title": title, "values": title_matrix}], {
            "size": {"width": f"{WIDTH_MM}mm", "height": f"{TITLE_HEIGHT_MM}mm"}})
            for name, (_, title, _) in titles.items()}

        print(f"64 panels: HeatGrid's auto layout gives {WIDTH_MM} x {grid_height_mm} mm ({px_w}x{px_h} px); "
              f"matplotlib's 8x8 grid is drawn at that size")
        print()
        print("| case                                         | heatgrid median ms | matplotlib median ms | speed-up (x) |")
        print("|----------------------------------------------|-------------------:|---------------------:|-------------:|")
        for fmt in ("png", "pdf"):
            t_hg = hg_ms(grid_spec, fmt, f"64 panels {fmt}")
            row(f"layout of 64 panels (16x16) -> {fmt}", t_hg,
                mpl_ms("grid", out("panels64.json"), fmt, WIDTH_MM, grid_height_mm, f"64 panels {fmt}"))
        flagship = hg_ms(os.path.abspath(FLAGSHIP), "png", "flagship png")
        row("flagship figure (8 x 32x32) -> png", flagship)
        title_times = {}
        for name, (label, _, with_mpl) in titles.items():
            title_times[name] = hg_ms(title_specs[name], "png", label)
            t_mpl = mpl_ms("title", out(f"{name}.json"), "png", WIDTH_MM, TITLE_HEIGHT_MM, label) if with_mpl else None
            row(f"{label} -> png", title_times[name], t_mpl)

        print()
        for case, warning in WARNINGS:
            print(f"warning from {case}: {warning}")
        for words in ("", "-nospace"):
            t2k, t20k = title_times[f"title2k{words}"], title_times[f"title20k{words}"]
            print(f"title{' without spaces' if words else ' with spaces'}: 20,000 chars {t20k:.1f} ms vs "
                  f"2,000 chars {t2k:.1f} ms vs flagship PNG {flagship:.1f} ms "
                  f"(20k - flagship: {t20k - flagship:+.1f} ms)")
        # What HeatGrid drew: the title's lines as extracted from a PDF (wrapped, cut with "…").
        if shutil.which("pdftotext"):
            for name in titles:
                pdf = out(f"{name}.check.pdf")
                run_checked([heatgrid, "render", title_specs[name], "-o", pdf], pdf)
                text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
                lines = [line for line in text.splitlines() if any(c.isalpha() for c in line)
                         and line.strip() not in ("layer", "head", "importance", "Layer", "Head", "Importance")]
                cut = "cut with '…'" if lines and lines[-1].endswith("…") else "NOT cut with '…'"
                print(f"{name}: drawn as {len(lines)} line(s), {cut}, {sum(len(s) for s in lines)} characters shown")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--matplotlib":
        kind, data_path, out_path = sys.argv[2:5]
        width, height = (float(x) for x in sys.argv[5:7])
        matplotlib_main(kind, data_path, out_path, width, height)
    else:
        main()
