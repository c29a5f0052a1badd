#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run every test.
#   1. the whole suite built with clang, ASan + UBSan                   scripts/sanitize.sh
#   2. libFuzzer on scenario loading for 60 s, from the same build      scripts/fuzz.sh
#   3. the whole suite in the Release build, ending with ctest's summary
# GS_QUICK=1 skips 1 and 2 (for a fast local loop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
if [ -z "${GS_QUICK:-}" ]; then
  echo "== the test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang)"
  bash scripts/sanitize.sh
  echo "== fuzzing scenario loading for ${GS_FUZZ_SECONDS:-60} s"
  bash scripts/fuzz.sh "${GS_FUZZ_SECONDS:-60}"
  echo "== the test suite (Release)"
fi
cd build
ctest --output-on-failure -j "$(nproc)"
