#!/usr/bin/env bash
# A kill with unsaved edits loses nothing: the real window (Xvfb, software GL) opens a copy of
# a scenario, Ctrl+E opens the editor, a few characters are typed, and SIGTERM arrives before
# the quiet-spell autosave could run. The app must exit cleanly (status 0) having written the
# recovery file, holding the typed text and the scenario's path; the author's file must be
# untouched. (The next start's offer to restore it is tests/ui/recovery_test.cpp.)
# Usage: sigterm_recovery_test.sh GOPHERSCOPE SCENARIO
set -euo pipefail
app="$1"
scenario="$2"
out=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT
cp "$scenario" "$out/mine.json"
before=$(sha256sum < "$out/mine.json")

# A display of our own, so the app's pid is ours to signal (xvfb-run would stand between).
for n in $(seq 90 130); do
  [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  break
done
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" XDG_DATA_HOME="$out/data"
"$app" "$out/mine.json" >"$out/app.log" 2>&1 &
app_pid=$!
win=$(timeout 20 xdotool search --sync --name Gopherscope | head -1)
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
sleep 1
# ImGui 1.86 reads keys as held-down state once a frame: a press and release inside one frame
# would be missed, so the chord is held for a few frames.
xdotool keydown ctrl keydown e sleep 0.2 keyup e keyup ctrl
sleep 0.5
xdotool type --delay 30 "typed-by-the-test"
sleep 0.5
# GS_DEBUG_SHOT=FILE.png keeps a picture of the screen just before the kill.
[ -n "${GS_DEBUG_SHOT:-}" ] && import -window root "$GS_DEBUG_SHOT"
kill -TERM "$app_pid"
status=0
wait "$app_pid" || status=$?
app_pid=""
echo "app exited with status $status"
cat "$out/app.log"
[ "$status" -eq 0 ] || { echo "FAIL: the app did not exit cleanly on SIGTERM"; exit 1; }
rec="$out/state/gopherscope/recovery.json"
[ -f "$rec" ] || { echo "FAIL: no recovery file at $rec"; exit 1; }
python3 - "$rec" "$out/mine.json" <<'PY'
import json, sys
rec = json.load(open(sys.argv[1]))
assert rec["path"].endswith("mine.json"), rec["path"]
assert "typed-by-the-test" in rec["text"], "the typed text is not in the recovery file"
print("recovery file holds the unsaved text for", rec["path"])
PY
[ "$(sha256sum < "$out/mine.json")" = "$before" ] || { echo "FAIL: the author's file changed"; exit 1; }
echo "sigterm recovery test passed"
