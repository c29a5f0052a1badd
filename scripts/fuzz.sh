#!/usr/bin/env bash
# Fuzzes scenario loading + timeline building with libFuzzer (clang, ASan + UBSan),
# using the sanitized build in build-asan/.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60). Crashing inputs land in build-fuzz/artifacts/;
# copy each into tests/fuzz/corpus-regressions/ so the regression test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
# The sanitized build (build-asan/, shared with scripts/sanitize.sh) holds the fuzz target.
bash scripts/sanitize-build.sh
rm -rf build-fuzz && mkdir -p build-fuzz/corpus build-fuzz/user-corpus build-fuzz/artifacts
# Most of the time goes to scenarios; a sixth to the settings and recovery files.
user_secs=$(( secs / 6 > 5 ? secs / 6 : 5 ))
load_secs=$(( secs - user_secs > 5 ? secs - user_secs : 5 ))
# Seeds: every built-in scenario, the malformed corpus, and every past crash.
n=0
# Long demonstrations (listed in tests/fuzz/slow-seeds.txt) take tens of seconds to build
# under the sanitizers, past the per-input timeout: they are not seeds. Their fields are
# already covered by shorter scenarios of the same kind.
for f in scenarios/*/*.json tests/malformed/*.json tests/fuzz/corpus-regressions/*; do
  grep -qxF "$f" tests/fuzz/slow-seeds.txt && continue
  [ -f "$f" ] && cp "$f" "build-fuzz/corpus/seed$((n++))"
done
./build-asan/tests/fuzz/gs_fuzz_load build-fuzz/corpus -max_total_time="$load_secs" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ \
  -dict=tests/fuzz/scenario.dict 2>&1 | grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done [0-9]+ runs|crash-|leak-|timeout-" || true
status=${PIPESTATUS[0]}
cp tests/fuzz/user-files-seeds/* build-fuzz/user-corpus/
./build-asan/tests/fuzz/gs_fuzz_user_files build-fuzz/user-corpus -max_total_time="$user_secs" \
  -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/artifacts/ 2>&1 |
  grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|ERROR|SUMMARY|Done [0-9]+ runs|crash-|leak-|timeout-" || true
user_status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$user_status
if ls build-fuzz/artifacts/* >/dev/null 2>&1; then
  echo "fuzz: the fuzzer found inputs that fail; see build-fuzz/artifacts/" >&2
  exit 1
fi
exit "$status"
