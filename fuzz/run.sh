#!/usr/bin/env bash
# Runs the fuzz targets (cargo-fuzz, nightly toolchain): `fuzz/run.sh [RUNS] [TARGET...]`.
# RUNS: executions per target (default 10000000); targets: all of fuzz/fuzz_targets by default.
# FUZZ_SECONDS=N stops each target after N seconds whatever RUNS says.
# Seeds come from fuzz/seeds/<target> (made by make_seeds.py); what the fuzzer finds grows fuzz/corpus/<target>
# (not committed); a crash is written to fuzz/artifacts/<target>/ and the run of that target stops: keep the
# input as a regression test in crates/input/src/tests.rs (or the crate whose parser crashed).
# Leaks are not hunted (-detect_leaks=0): a parser thread over its time budget is left to finish, detached.
# Prints one line per target: executions, seconds, executions/s, crashes.
set -uo pipefail
cd "$(dirname "$0")"
runs="${1:-10000000}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(ls fuzz_targets | sed 's/\.rs$//'))
fi
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  start=$(date +%s)
  log="artifacts/$t.log"
  mkdir -p artifacts
  cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- -runs="$runs" -rss_limit_mb=2048 -timeout=30 -detect_leaks=0 \
    -max_len=65536 ${FUZZ_SECONDS:+-max_total_time=$FUZZ_SECONDS} >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  execs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
  [ -z "$execs" ] && execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  crashes=$(ls "artifacts/$t" 2>/dev/null | grep -c -E '^(crash|oom|timeout|leak)-' || true)
  echo "$t: ${execs:-0} executions in ${secs} s ($(( ${execs:-0} / (secs > 0 ? secs : 1) ))/s), exit $rc, crash files: $crashes"
done
