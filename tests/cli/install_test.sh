#!/usr/bin/env bash
# cmake --install into a temporary prefix, then move the prefix: the installed program still
# finds its own scenarios and schemas (relocatable), validates and traces them, and the
# desktop entry, AppStream metainfo, icons, man page and completion are in the XDG places.
# usage: install_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
expected_version=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/first" >/dev/null
mv "$tmp/first" "$tmp/moved"
p=$tmp/moved
fail() { echo "install_test: $*" >&2; exit 1; }
for f in bin/gopherscope \
         share/gopherscope/scenarios/gc/chain.json \
         share/gopherscope/scenarios/schema/scenario.schema.json \
         share/applications/org.gopherscope.Gopherscope.desktop \
         share/metainfo/org.gopherscope.Gopherscope.metainfo.xml \
         share/icons/hicolor/scalable/apps/org.gopherscope.Gopherscope.svg \
         share/bash-completion/completions/gopherscope; do
  [ -e "$p/$f" ] || fail "missing $f"
done
if command -v rsvg-convert >/dev/null; then
  for s in 48 128 256; do
    png=$p/share/icons/hicolor/${s}x${s}/apps/org.gopherscope.Gopherscope.png
    [ -s "$png" ] || fail "missing ${s}px icon"
    grep -q "$s x $s" <<<"$(file "$png")" || fail "icon $png is not ${s}x${s}: $(file "$png")"
  done
fi
if command -v help2man >/dev/null; then
  man=$p/share/man/man1/gopherscope.1.gz
  [ -s "$man" ] || fail "missing man page"
  grep -q "gopherscope validate" <<<"$(zcat "$man")" || fail "the man page lacks the subcommands"
fi
version=$("$p/bin/gopherscope" --version)
[ "$version" = "gopherscope $expected_version" ] || fail "--version printed '$version'"
"$p/bin/gopherscope" validate "$p"/share/gopherscope/scenarios/gc/*.json >/dev/null ||
  fail "validate of the installed scenarios failed"
# (captured first: grep -q would close the pipe early, and pipefail would see SIGPIPE)
trace=$("$p/bin/gopherscope" trace "$p/share/gopherscope/scenarios/chan/pipeline.json")
grep -q "^step 1:" <<<"$trace" || fail "trace of an installed scenario printed no steps"
# `new` points the starter's $schema at the installed schema: it resolves in the moved prefix.
(cd "$tmp" && "$p/bin/gopherscope" new gc starter.json >/dev/null)
schema=$(sed -n 's/.*"\$schema": *"\([^"]*\)".*/\1/p' "$tmp/starter.json")
[ -n "$schema" ] || fail "starter has no \$schema"
(cd "$tmp" && [ -f "$schema" ]) || fail "starter's \$schema $schema does not resolve from $tmp"
case "$schema" in *moved/share/gopherscope/scenarios/schema/*) ;; *) fail "schema $schema is not the installed one";; esac
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$p/share/applications/org.gopherscope.Gopherscope.desktop" ||
    fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --pedantic "$p/share/metainfo/org.gopherscope.Gopherscope.metainfo.xml" ||
    fail "appstreamcli validate"
fi
echo "install_test: ok ($p)"
