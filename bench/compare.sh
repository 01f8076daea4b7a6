#!/usr/bin/env bash
# Benchmarks, HeatGrid beside matplotlib in the same run (run from the repo root or `make bench`):
#   1. the flagship figure, whole process, PNG / PDF / SVG / HTML (bench/compare.py);
#   2. 8 panels of BENCH_SIZE^2 (default 1024): loading CSV/.npy, rendering PNG/PDF, batch (bench/big.py);
#   3. the layout engine: 64 panels in an auto layout, 2,000- and 20,000-character titles (bench/layout.py);
#   4. hierarchical clustering of 2,000 x 2,000 beside scipy (bench/cluster.py).
# BENCH_RUNS (BENCH_RUNS_BIG, BENCH_RUNS_LAYOUT, BENCH_RUNS_CLUSTER for 2-4) sets runs per measurement; HEATGRID_BIN
# skips the build and uses that binary.
set -euo pipefail
cd "$(dirname "$0")/.."

# matplotlib, numpy and pandas are the reference implementations: from pip (Debian's python
# needs pip from apt, and refuses system-wide installs without --break-system-packages).
if ! python3 -c 'import matplotlib, numpy, pandas, scipy' 2>/dev/null; then
    python3 -m pip --version >/dev/null 2>&1 || scripts/ensure-apt-packages python3-pip
    python3 -m pip install --quiet matplotlib numpy pandas scipy 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages matplotlib numpy pandas scipy
fi

if [ -z "${HEATGRID_BIN:-}" ]; then
    swift build -c release --product heatgrid
    HEATGRID_BIN="$(swift build -c release --show-bin-path)/heatgrid"
fi

python3 bench/compare.py "$HEATGRID_BIN" "${BENCH_RUNS:-7}"
echo
python3 bench/big.py "$HEATGRID_BIN" "${BENCH_SIZE:-1024}" "${BENCH_RUNS_BIG:-3}"
echo
python3 bench/layout.py "$HEATGRID_BIN" "${BENCH_RUNS_LAYOUT:-5}"
echo
python3 bench/cluster.py 2000 2000 "${BENCH_RUNS_CLUSTER:-3}"
