#!/usr/bin/env bash
# Configures and builds build-asan/: clang, -O1, ASan + UBSan, the tests and the fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build-asan/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS_RELEASE="-O1" -DCMAKE_CXX_FLAGS_RELEASE="-O1" \
    -DGS_SANITIZE=address,undefined -DGS_FUZZ=ON -DGS_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-asan -j "$(nproc)" | grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: no work to do' || true
test "${PIPESTATUS[0]}" -eq 0
