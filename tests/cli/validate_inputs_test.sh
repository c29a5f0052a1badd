#!/usr/bin/env bash
# `gopherscope validate` on inputs that are not scenario files: a FIFO (must not block), a
# directory, a device, UTF-16 and UTF-32 text, and a UTF-8 file with a byte order mark (which
# is fine). Each gets exit code 1 and a message naming what the input is, at once.
# Usage: validate_inputs_test.sh GOPHERSCOPE SCENARIO_DIR
set -uo pipefail
gs="$1"
scenarios="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

expect() {  # expect EXIT_CODE "MESSAGE" FILE
  local want_rc="$1" want="$2" file="$3" out rc
  # A FIFO read would block forever: a timeout turns a hang into a failure.
  out=$(timeout 10 "$gs" validate "$file" 2>&1)
  rc=$?
  if [ "$rc" -ne "$want_rc" ] || [[ "$out" != *"$want"* ]]; then
    echo "FAIL $file: exit $rc (want $want_rc), said: $out"
    echo "     expected to contain: $want"
    fail=1
  else
    echo "ok   $file: $out"
  fi
}

mkfifo "$dir/pipe.json"
expect 1 "pipe.json: is a FIFO (named pipe), not a regular file: it is not read" "$dir/pipe.json"
mkdir "$dir/folder.json"
expect 1 "folder.json: is a directory, not a scenario file" "$dir/folder.json"
expect 1 "/dev/zero: is a device, not a regular file: it is not read" /dev/zero

good="$scenarios/chan/buffered-ring.json"
[ -f "$good" ] || good=$(ls "$scenarios"/chan/*.json | head -1)
# UTF-16 little-endian with its byte order mark, as Windows editors save "Unicode" text.
iconv -f UTF-8 -t UTF-16 "$good" > "$dir/utf16.json"
expect 1 "utf16.json: the file is UTF-16 (little-endian); save it as UTF-8" "$dir/utf16.json"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$good"; } > "$dir/utf16be.json"
expect 1 "utf16be.json: the file is UTF-16 (big-endian); save it as UTF-8" "$dir/utf16be.json"
iconv -f UTF-8 -t UTF-32 "$good" > "$dir/utf32.json"
expect 1 "utf32.json: the file is UTF-32; save it as UTF-8" "$dir/utf32.json"
# A UTF-8 byte order mark is accepted.
{ printf '\xef\xbb\xbf'; cat "$good"; } > "$dir/bom.json"
expect 0 "" "$dir/bom.json"

[ "$fail" -eq 0 ] && echo "validate inputs: all passed"
exit "$fail"
