#!/usr/bin/env bash
# Opens the real window under Xvfb (software GL) on a 1280x720 screen, the common classroom
# projector, with no --size: the window must fit the screen (the 1600x900 default shrinks to
# it). Saves a screenshot of step 5 and checks its size and that it is not blank (many
# distinct colors), in both themes.
set -euo pipefail
app="$1"
scenario="$2"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for theme in dark light; do
  png="$out/shot-$theme.png"
  XDG_CONFIG_HOME="$out/config" xvfb-run -a -s "-screen 0 1280x720x24" \
    "$app" --scenario "$scenario" --step 5 --theme "$theme" --screenshot "$png"
  read -r w h colors < <(/usr/bin/identify -format "%w %h %k\n" "$png")
  echo "$theme: ${w}x${h}, $colors colors"
  [ "$w" = 1280 ] && [ "$h" = 720 ] || { echo "window ${w}x${h} does not fill the 1280x720 screen"; exit 1; }
  [ "$colors" -ge 50 ] || { echo "looks blank: only $colors colors"; exit 1; }
done
# The screenshot run must not write the user's settings.
[ ! -e "$out/config/gopherscope/settings.json" ] || { echo "screenshot wrote settings"; exit 1; }
echo "smoke test passed"
