#!/usr/bin/env python3
"""Time `heatgrid render` against matplotlib for the flagship figure, as whole processes.

Usage: python3 bench/compare.py HEATGRID_BIN [RUNS]   (run from the repo root;
bench/compare.sh builds heatgrid and calls this).  Each tool is run RUNS times per
output format into a temp dir; the wall time of every process (start-up included) is
measured with time.perf_counter and the medians are compared.
"""
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

SPEC = "examples/cognitive-heads/figure.json"
CSV = "examples/cognitive-heads/cognitive-heads.csv"
MPL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matplotlib_figure.py")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def median_ms(cmd, runs):
    """Run cmd `runs` times (after one untimed warm-up) and return the median wall time in ms."""
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # warm-up: page cache, font cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    heatgrid = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"date:    {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"runs:    {runs} per tool and format (median of whole-process wall time, after 1 warm-up)")
    print()
    print("| format | heatgrid median ms | matplotlib median ms | speed-up (x) |")
    print("|--------|-------------------:|---------------------:|-------------:|")
    with tempfile.TemporaryDirectory(prefix="heatgrid-bench-") as tmp:
        for fmt in ("png", "pdf", "svg"):
            hg = [heatgrid, "render", SPEC, "-o", os.path.join(tmp, f"hg.{fmt}")]
            mpl = [sys.executable, MPL, CSV, os.path.join(tmp, f"mpl.{fmt}")]
            if fmt == "png":
                mpl += ["--dpi", "300"]  # heatgrid's default PNG resolution is 300 dpi
            t_hg, t_mpl = median_ms(hg, runs), median_ms(mpl, runs)
            print(f"| {fmt:<6} | {t_hg:18.1f} | {t_mpl:20.1f} | {t_mpl / t_hg:12.1f} |", flush=True)
        # The interactive page has no matplotlib counterpart (its SVG is the nearest file).
        t_html = median_ms([heatgrid, "render", SPEC, "-o", os.path.join(tmp, "hg.html")], runs)
        print(f"| html   | {t_html:18.1f} | {'—':>20} | {'—':>12} |", flush=True)
        size = lambda name: os.path.getsize(os.path.join(tmp, name)) / 1000
        print(f"\nsizes: heatgrid SVG {size('hg.svg'):.0f} KB, HTML {size('hg.html'):.0f} KB; matplotlib SVG {size('mpl.svg'):.0f} KB")


if __name__ == "__main__":
    main()
