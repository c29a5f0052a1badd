#!/usr/bin/env bash
# The command line as a user meets it (CLI11): --help per subcommand, clear errors with exit
# status 2 for unknown flags and bad values, --version. No display is needed: the window's
# flags are parsed before any window opens.
# usage: cli_parse_test.sh GOPHERSCOPE SCENARIO_DIR VERSION
set -uo pipefail
gs=$1 dir=$2 version=$3
fail() { echo "cli_parse_test: $*" >&2; exit 1; }
expect() {  # expect STATUS PATTERN ARGS...: runs gopherscope ARGS, checks status and output
  local want=$1 pattern=$2
  shift 2
  local out
  out=$("$gs" "$@" 2>&1)
  local rc=$?
  [ "$rc" = "$want" ] || fail "gopherscope $* exited $rc, not $want: $out"
  grep -qE -- "$pattern" <<<"$out" || fail "gopherscope $* did not say /$pattern/: $out"
}
expect 0 "^gopherscope $version\$" --version
expect 0 "gopherscope validate FILE" --help
for sub in validate trace new export; do
  expect 0 "Usage: gopherscope $sub" "$sub" --help
done
expect 2 "not expected: --bogus" trace "$dir/gc/chain.json" --bogus
expect 2 "--lang: fr not in" trace "$dir/gc/chain.json" --lang fr
expect 2 "--set: takes config.KEY=VALUE" trace "$dir/gc/chain.json" --set nokey
expect 2 "FILE is required" validate
expect 2 "KIND is required" new
expect 2 "--format: takes png, gif or svg" export "$dir/gc/chain.json" --format mp4
expect 2 "--steps: takes A-B" export "$dir/gc/chain.json" --steps 9-2
expect 2 "--size: takes WxH" export "$dir/gc/chain.json" --size 99999x5
expect 2 "not expected: --bogus" --bogus
expect 2 "--theme: .*not in" --theme blue
expect 2 "--size: takes WxH" --size 10x10
# A repeated --set applies both, and a FILE after it is still the FILE.
out=$("$gs" trace --set config.barrier=none --set config.barrier=dijkstra "$dir/gc/chain.json") ||
  fail "trace with two --set failed"
grep -q "^step 0:" <<<"$out" || fail "trace with --set printed no steps"
echo "cli_parse_test: ok"
