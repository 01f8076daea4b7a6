#!/usr/bin/env bash
# Fuzzes HeatGrid's parsers with libFuzzer for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS (default 60) is the time per target; TARGETs default to all four: FuzzCSV, FuzzJSON,
# FuzzNPY, FuzzSpec (see Fuzz/Package.swift). The targets are built with libFuzzer and
# AddressSanitizer into .build-fuzz/ (never .build/), the corpora are seeded from Fuzz/seeds/ and
# examples/ into .build-fuzz/corpus/<target>/ and grow there from run to run, and any crash, hang
# or out-of-memory input is copied to .build-fuzz/crashes/. Exits 1 if any target found one.
#
# Environment: FUZZ_KEEP_GOING=1 (fork mode: record a crash or hang and go on fuzzing, to find more
# than the first), FUZZ_JOBS (parallel workers per target, default 1), FUZZ_MAX_LEN (default 16384),
# FUZZ_EXTRA (more libFuzzer flags, e.g. "-seed=1"), SWIFT (default swift).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(FuzzCSV FuzzJSON FuzzNPY FuzzSpec)
SWIFT=${SWIFT:-swift}
SCRATCH=$ROOT/.build-fuzz
JOBS=${FUZZ_JOBS:-1}
MAX_LEN=${FUZZ_MAX_LEN:-16384}

case $SECONDS_PER_TARGET in
    ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [FuzzCSV|FuzzJSON|FuzzNPY|FuzzSpec...]" >&2; exit 2 ;;
esac

# The Cairo backend is linked into the HeatGrid product even though no target draws.
if [ -x scripts/ensure-apt-packages ]; then
    scripts/ensure-apt-packages pkg-config libcairo2-dev libfreetype-dev libharfbuzz-dev libfontconfig-dev || exit 1
fi

mkdir -p "$SCRATCH"
echo "== building fuzz targets (libFuzzer + AddressSanitizer) into $SCRATCH"
# SwiftPM's --sanitize=fuzzer leaves the entry point to libFuzzer's main (with only -Xswiftc the link
# fails on an undefined <Target>_main), but two --sanitize flags become two -sanitize= options, the last
# of which wins (no coverage): -Xswiftc, passed last, asks for both instrumentations at once.
if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug \
        --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address >"$SCRATCH/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$SCRATCH/build.log" | tail -40
    echo "fuzz build failed (full log: $SCRATCH.build.log)" >&2
    exit 1
fi
BIN=$("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug --show-bin-path)

# Seeds: the small checked-in ones, plus a slice of the example data.
seed() {  # seed TARGET SEED_DIR [FILES...]
    local corpus=$SCRATCH/corpus/$1; mkdir -p "$corpus"
    cp -n "$ROOT/Fuzz/seeds/$2"/* "$corpus"/ 2>/dev/null || true
    shift 2
    for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$corpus"/; done
    return 0
}
mkdir -p "$SCRATCH/corpus" "$SCRATCH/crashes" "$SCRATCH/artifacts" "$SCRATCH/tmp"
seed FuzzCSV csv
seed FuzzJSON json
seed FuzzNPY npy
seed FuzzSpec spec examples/*/figure*.json examples/*/spec.json themes/*.json
# The example JSON is too big to be a useful seed whole: its first panel's first six rows.
if [ ! -f "$SCRATCH/corpus/FuzzJSON/example-first-panel.json" ] && command -v python3 >/dev/null; then
    python3 - "$ROOT/examples/cognitive-heads/cognitive-heads.json" "$SCRATCH/corpus/FuzzJSON/example-first-panel.json" <<'EOF' || true
import json, sys
doc = json.load(open(sys.argv[1]))
doc["panels"] = [{"title": p.get("title"), "values": p["values"][:6]} for p in doc["panels"][:1]]
open(sys.argv[2], "w").write(json.dumps(doc))
EOF
fi

declare -A DICT=([FuzzCSV]=csv [FuzzJSON]=json [FuzzNPY]=npy [FuzzSpec]=spec)
status=0
summary=()
for target in "${TARGETS[@]}"; do
    [ -x "$BIN/$target" ] || { echo "no such fuzz target: $target" >&2; exit 2; }
    corpus=$SCRATCH/corpus/$target
    artifacts=$SCRATCH/artifacts/$target/
    log=$SCRATCH/$target.log
    mkdir -p "$corpus" "$artifacts"
    rm -f "$artifacts"* "$SCRATCH"/fuzz-*.log
    echo "== $target: ${SECONDS_PER_TARGET}s, corpus $corpus"
    # Swift's own backtracer would stall on a crash; libFuzzer and ASan report it instead.
    # -jobs=N runs N workers (each logging to fuzz-N.log) that all share the corpus.
    (cd "$SCRATCH" && SWIFT_BACKTRACE=enable=no HEATGRID_FUZZ_TMP="$SCRATCH/tmp" \
        ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=0} \
        "$BIN/$target" "$corpus" -dict="$ROOT/Fuzz/dictionaries/${DICT[$target]}.dict" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len="$MAX_LEN" \
        -artifact_prefix="$artifacts" -print_final_stats=1 \
        $( [ "$JOBS" -gt 1 ] && echo "-jobs=$JOBS -workers=$JOBS" ) \
        $( [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && echo "-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1" ) \
        ${FUZZ_EXTRA:-}) >"$log" 2>&1
    rc=$?
    rm -rf "$SCRATCH"/tmp/heatgrid-fuzz-*  # the per-process scratch files
    [ "$JOBS" -gt 1 ] && cat "$SCRATCH"/fuzz-*.log >>"$log" 2>/dev/null
    # The last status line: executions so far, coverage (cov: edges, ft: features), corpus size, speed.
    last=$(grep -E "^#[0-9]+" "$log" | grep "cov:" | tail -1 | sed -E 's/[[:space:]]+/ /g; s/ (dft_time|lim|MS|L):.*//')
    found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) 2>/dev/null)
    if [ -n "$found" ] || [ $rc -ne 0 ]; then
        status=1
        summary+=("$target: FOUND A PROBLEM (exit $rc); $last")
        grep -E "ERROR: |SUMMARY: |Fatal error|==[0-9]+==|#[0-9]+ 0x.* in .*(HeatGrid|Plugins|Sources)" "$log" | head -25
        # (With FUZZ_KEEP_GOING=1 one bug usually leaves many inputs: minimise any one of them.)
        for f in $found; do cp "$f" "$SCRATCH/crashes/$target-$(basename "$f")"; done
        [ -n "$found" ] && echo "   $(echo "$found" | wc -l) input(s) saved as $SCRATCH/crashes/$target-*, e.g." \
            && echo "$found" | head -3 | sed "s|.*/|     $SCRATCH/crashes/$target-|"
        [ -z "$found" ] && echo "   $target exited $rc without an artifact; see $log"
    else
        summary+=("$target: ok; $last")
    fi
done

echo
echo "== summary (logs in $SCRATCH/<target>.log)"
printf '  %s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
    cat <<EOF

To reproduce and shrink a crash:
  SWIFT_BACKTRACE=enable=no $BIN/<target> .build-fuzz/crashes/<file>
  SWIFT_BACKTRACE=enable=no $BIN/<target> -minimize_crash=1 -max_total_time=60 -exact_artifact_path=min.bin .build-fuzz/crashes/<file>
To keep it as a regression test: base64 -w0 min.bin, and add a case to
  Tests/HeatGridTests/FuzzRegressionTests.swift (the test writes the bytes to a file and checks
  that loading it throws HeatGridError or succeeds; mark it .disabled("...") until the fix lands).
EOF
fi
exit $status
