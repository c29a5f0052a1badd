#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build-asan/build.ninja ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGS_SANITIZE=address,undefined -DGS_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-asan -j "$(nproc)" | grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: no work to do' || true
test "${PIPESTATUS[0]}" -eq 0
cd build-asan
# The real-window smoke test runs in the main build; Mesa's software GL is not ours to check.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
LSAN_OPTIONS="suppressions=$(pwd)/../tests/lsan.supp" \
  ctest --output-on-failure -j "$(nproc)" -E smoke_window
