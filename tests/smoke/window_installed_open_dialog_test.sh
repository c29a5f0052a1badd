#!/usr/bin/env bash
# Issue 17's "done when", as a user would do it: cmake --install the build into a temporary
# prefix, start the INSTALLED program on a display of its own (Xvfb), press Ctrl+O, pick a
# scenario in the desktop's file dialog (zenity, driven by xdotool), and see it loaded: the
# window title names the file (the app sets it from the open scenario), the window carries
# the icon (_NET_WM_ICON), no theme file was reported missing (they are found in the
# prefix), and a screenshot is taken. Then a file dropped on the window (XDND, as a file
# manager drops one: tests/smoke/xdnd_drop.c) is opened too. Exits 77 (skipped) without
# zenity.
# Usage: window_installed_open_dialog_test.sh BUILD_DIR [SCREENSHOT.png]
set -euo pipefail
build=$1
shot=${2:-}
command -v zenity >/dev/null || { echo "zenity is not installed (scripts/setup.sh): skipped"; exit 77; }
tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  [ -f "$tmp/app.log" ] && cat "$tmp/app.log"
  exit 1
}

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
app=$tmp/prefix/bin/gopherscope
pick=$tmp/prefix/share/gopherscope/scenarios/maps/first-growth.json
[ -f "$pick" ] || fail "the install has no $pick"

for n in $(seq 90 130); do
  [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  break
done
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# A fresh user: no settings, so the app opens its default scenario (gc/chain.json).
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data"
export NO_AT_BRIDGE=1  # GTK (zenity) without the accessibility bus, which Xvfb lacks
"$app" >"$tmp/app.log" 2>&1 &
app_pid=$!
win=$(timeout 20 xdotool search --sync --name "chain.json — Gopherscope" | head -1)
[ -n "$win" ] || fail "no window titled chain.json — Gopherscope"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
sleep 0.5
# ImGui 1.86 reads keys as held-down state once a frame: the chord is held for a few frames.
xdotool keydown ctrl keydown o sleep 0.2 keyup o keyup ctrl
dialog=$(timeout 20 xdotool search --sync --name "Gopherscope: open a scenario" | head -1)
[ -n "$dialog" ] || fail "Ctrl+O did not open zenity's dialog"
# No window manager: the dialog gets the keyboard by being focused; typing a path that
# starts with / opens GTK's location box, and Return picks it.
xdotool windowfocus --sync "$dialog" 2>/dev/null || xdotool windowfocus "$dialog"
sleep 0.3
xdotool type --delay 15 "$pick"
sleep 0.3
xdotool key Return
loaded=""
for _ in $(seq 100); do
  if [ "$(xdotool getwindowname "$win" 2>/dev/null)" = "first-growth.json — Gopherscope" ]; then
    loaded=1
    break
  fi
  sleep 0.1
done
[ -n "$loaded" ] || fail "the window title is '$(xdotool getwindowname "$win")', not first-growth.json's"
sleep 0.5  # a frame or two for the new view
# Into a file first: xprop prints every icon size as text art, and `xprop | grep -q` under
# pipefail fails whenever grep's early exit hits xprop with SIGPIPE.
xprop -id "$win" _NET_WM_ICON >"$tmp/icon.txt"
grep -q "Icon (" "$tmp/icon.txt" || fail "the window has no _NET_WM_ICON"
import -window root "$tmp/shot.png"
[ -n "$shot" ] && cp "$tmp/shot.png" "$shot"
# The picture is the app, not a blank display: many colours, and no dialog left over it.
colours=$(convert "$tmp/shot.png" -format %k info:)
[ "$colours" -gt 50 ] || fail "the screenshot has only $colours colours"
xdotool search --name "Gopherscope: open a scenario" >/dev/null 2>&1 && fail "the dialog is still open"
grep -qi "theme" "$tmp/app.log" && fail "the installed program reported its themes"
# Drag and drop: GLFW's drop callback opens the dropped file.
here=$(cd "$(dirname "$0")" && pwd)
if cc -O1 -o "$tmp/xdnd_drop" "$here/xdnd_drop.c" -lX11 2>"$tmp/cc.log"; then
  dropped=$tmp/prefix/share/gopherscope/scenarios/chan/pipeline.json
  "$tmp/xdnd_drop" "$win" "$dropped" || fail "the window did not take the drop"
  loaded=""
  for _ in $(seq 50); do
    [ "$(xdotool getwindowname "$win")" = "pipeline.json — Gopherscope" ] && { loaded=1; break; }
    sleep 0.1
  done
  [ -n "$loaded" ] || fail "the dropped file did not open: '$(xdotool getwindowname "$win")'"
  echo "a dropped file opened"
else
  echo "no C compiler or X11 headers: the drop is not tested"; cat "$tmp/cc.log"
fi
kill -TERM "$app_pid"
status=0
wait "$app_pid" || status=$?
app_pid=""
[ "$status" -eq 0 ] || fail "the app exited with status $status"
# The settings now remember the scenario picked in the dialog.
grep -q "first-growth.json" "$tmp/config/gopherscope/settings.json" ||
  fail "the settings do not list the scenario opened in the dialog"
echo "installed-program open-dialog test passed ($colours colours in the screenshot)"
