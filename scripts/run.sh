#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and open Gopherscope on its default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
gopherscope: there is no display here (DISPLAY is not set), so the window cannot open.
  Run it under a virtual display:   xvfb-run -a -s "-screen 0 1600x900x24" build/app/gopherscope --screenshot shot.png
  Or read a timeline in the terminal: build/app/gopherscope trace scenarios/gc/chain.json
MSG
  exit 1
fi
exec build/app/gopherscope "$@"
