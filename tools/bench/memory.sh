#!/bin/sh
# Peak memory of one document dense with place names (issue 18: memory bounded per document).
#
#   tools/bench/memory.sh [MB] [BIN]      # defaults: 4 MB, target/release/sitrep
#
# Writes the text with tools/bench/dense_places.py (Ukrainian places of the embedded gazetteer, in
# sentences listing four to eight of them and in plain lists) to target/bench/dense-MBmb.txt, runs
# `BIN extract --format json` on it under /usr/bin/time -v, and prints the peak RSS and the wall time.
# Run from the repository root after `cargo build --release`.
set -eu
MB=${1:-4}
BIN=${2:-target/release/sitrep}
TEXT=target/bench/dense-${MB}mb.txt
python3 tools/bench/dense_places.py --mb "$MB" --out "$TEXT"
LOG=$(mktemp)
/usr/bin/time -v "$BIN" extract --format json "$TEXT" > /dev/null 2> "$LOG"
RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$LOG")
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$LOG")
BYTES=$(wc -c < "$TEXT")
echo "$TEXT: $BYTES bytes; peak RSS $((RSS / 1024)) MB; wall $WALL"
rm -f "$LOG"
