#!/usr/bin/env bash
# Configures and builds Gopherscope (Release, Ninja) into build/. Quiet when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j "$(nproc)" | grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: no work to do' || true
test "${PIPESTATUS[0]}" -eq 0
