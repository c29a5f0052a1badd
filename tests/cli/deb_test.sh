#!/usr/bin/env bash
# cpack -G DEB builds the package; its contents hold the program, scenarios, desktop entry,
# metainfo, icons, man page and completion; its dependencies were worked out by
# dpkg-shlibdeps (libglfw3 among them); lintian, when installed, reports no errors.
# usage: deb_test.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }
(cd "$build" && cpack -G DEB -B "$out" >/dev/null) || fail "cpack failed"
deb=$(ls "$out"/gopherscope_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in $out"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/gopherscope ./usr/share/gopherscope/scenarios/gc/chain.json \
         ./usr/share/applications/org.gopherscope.Gopherscope.desktop \
         ./usr/share/metainfo/org.gopherscope.Gopherscope.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.gopherscope.Gopherscope.svg \
         ./usr/share/bash-completion/completions/gopherscope; do
  grep -q " $f\$" <<<"$contents" || fail "$f not in the package"
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libglfw3" <<<"$depends" || fail "Depends lacks libglfw3: $depends"
grep -q "libc6" <<<"$depends" || fail "Depends lacks libc6: $depends"
echo "deb_test: $(basename "$deb"), $(wc -l <<<"$contents") entries, Depends: $depends"
if command -v lintian >/dev/null; then
  report=$(lintian --no-tag-display-limit "$deb" 2>&1 || true)
  echo "$report"
  if grep -q "^E: " <<<"$report"; then fail "lintian reports errors"; fi
fi
