#!/usr/bin/env bash
# Installs Gopherscope's build and test dependencies from Debian packages.
# Idempotent: prints nothing and touches nothing when every package is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libglfw3-dev python3-glad nlohmann-json3-dev
  libgtest-dev libbenchmark-dev libfontconfig-dev libgif-dev libstb-dev
  fonts-wqy-microhei
  xvfb xauth imagemagick xdotool
  python3-jsonschema
  clang libclang-rt-14-dev
  librsvg2-bin help2man desktop-file-utils appstream lintian file libcli11-dev zenity
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "gopherscope setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
