#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (and UndefinedBehaviorSanitizer where the
# toolchain supports it), built into .build-asan/ and .build-ubsan/ (never .build/).
#
#   scripts/sanitize.sh [address|undefined ...]      (default: both)
#
# Data files are read into exactly sized buffers (HEATGRID_NO_MMAP=1) so a read past a file's
# end is caught rather than hidden by the rest of a mapped page. RuntimePluginTests are skipped:
# they build separate plugin packages without the sanitizer runtime. Leak detection is off (the
# Swift runtime's caches look like leaks). Exits 1 if a sanitizer reports anything.
set -uo pipefail

cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SANITIZERS=("$@")
[ ${#SANITIZERS[@]} -eq 0 ] && SANITIZERS=(address undefined)
status=0
for sanitizer in "${SANITIZERS[@]}"; do
    case $sanitizer in
        address) scratch=.build-asan ;;
        undefined) scratch=.build-ubsan ;;
        *) echo "usage: scripts/sanitize.sh [address|undefined ...]" >&2; exit 2 ;;
    esac
    echo "== $sanitizer: building into $scratch"
    if ! log=$($SWIFT build --build-tests --scratch-path "$scratch" --sanitize="$sanitizer" 2>&1); then
        if grep -q "unsupported option\|not supported" <<<"$log"; then
            echo "== $sanitizer: not supported by this toolchain, skipped:"
            grep -m1 "unsupported option\|not supported" <<<"$log"
            continue
        fi
        echo "$log" | tail -20
        status=1
        continue
    fi
    echo "== $sanitizer: running the tests"
    if ! HEATGRID_NO_MMAP=1 ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        $SWIFT test --skip-build --scratch-path "$scratch" --sanitize="$sanitizer" --skip RuntimePluginTests; then
        status=1
    fi
done
exit $status
