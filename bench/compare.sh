#!/usr/bin/env bash
# Benchmark: whole-process time of `heatgrid render` vs matplotlib for the flagship figure.
# Run from the repo root (or via `make bench`).  BENCH_RUNS sets runs per tool and format
# (default 7); HEATGRID_BIN skips the build and uses that binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. matplotlib must be importable (the reference implementation).
python3 -c 'import matplotlib' 2>/dev/null || pip install --quiet matplotlib

# 2. Release build of heatgrid (unless a binary was given).
if [ -z "${HEATGRID_BIN:-}" ]; then
    swift build -c release --product heatgrid
    HEATGRID_BIN="$(swift build -c release --show-bin-path)/heatgrid"
fi

# 3. Time both tools for png, pdf and svg and print the table.
exec python3 bench/compare.py "$HEATGRID_BIN" "${BENCH_RUNS:-7}"
