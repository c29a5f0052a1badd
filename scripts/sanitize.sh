#!/usr/bin/env bash
# The whole test suite built with clang, AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/). The same build also holds the libFuzzer target (scripts/fuzz.sh), so CI
# compiles the sanitized code once.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sanitize-build.sh
cd build-asan
# The real-window smoke tests (smoke_window_*) run in the Release build; Mesa's software GL is
# not ours.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
LSAN_OPTIONS="suppressions=$(pwd)/../tests/lsan.supp" \
  ctest --output-on-failure -j "$(nproc)" -E smoke_window
