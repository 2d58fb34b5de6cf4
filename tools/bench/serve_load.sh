#!/usr/bin/env bash
# Load figure for `sitrep serve` (README "Serve"): a store of 100k synthetic events, the server on a
# free port, wrk --latency on /api/events (a typical bbox + date page, and view=points for the map).
#
#   tools/bench/serve_load.sh [EVENTS=100000] [DURATION=15s] [CONNECTIONS=16] [THREADS=2]
#
# Needs wrk (Debian: apt-get install -y wrk). The store is generated (crates/serve/examples/synth_store.rs),
# kept in $SERVE_LOAD_DIR (default /tmp/sitrep-serve-load) and reused when it already has EVENTS events.
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-100000}
DURATION=${2:-15s}
CONNECTIONS=${3:-16}
THREADS=${4:-2}
DIR=${SERVE_LOAD_DIR:-/tmp/sitrep-serve-load}
TARGET=${CARGO_TARGET_DIR:-target}
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
mkdir -p "$DIR"
DB="$DIR/synth-$EVENTS.db"

cargo build --release --quiet --bin sitrep -p sitrep
cargo build --release --quiet -p sitrep-serve --example synth_store
if [ ! -f "$DB" ]; then
  "$TARGET/release/examples/synth_store" "$DB.tmp" "$EVENTS"
  mv "$DB.tmp" "$DB"
  rm -f "$DB.tmp-wal" "$DB.tmp-shm"
fi

LOG="$DIR/serve.log"
"$TARGET/release/sitrep" serve --db "$DB" --addr 127.0.0.1:0 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
ADDR=""
for _ in $(seq 1 100); do
  ADDR=$(sed -n 's#.* on http://\([0-9.:]*\)/.*#\1#p' "$LOG" | head -1)
  [ -n "$ADDR" ] && break
  sleep 0.1
done
[ -n "$ADDR" ] || { echo "serve_load: the server did not start:" >&2; cat "$LOG" >&2; exit 1; }
BASE="http://$ADDR"
echo "store: $DB ($(curl -s "$BASE/api/events?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') clusters); server $BASE; $(nproc) cores"

# a typical map view: eastern Ukraine, one month
PAGE="/api/events?bbox=34.0,47.0,40.0,51.0&from=2023-06-01&to=2023-06-30&limit=500"
POINTS="/api/events?view=points&bbox=34.0,47.0,40.0,51.0&from=2023-01-01&to=2023-12-31&limit=10000"
for path in "$PAGE" "$POINTS"; do
  echo
  echo "== GET $path"
  curl -s "$BASE$path" -o "$DIR/response.json"
  echo "$(head -c 120 "$DIR/response.json") ... ($(wc -c <"$DIR/response.json") bytes)"
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE$path" \
    | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%|requests in|Non-2xx|Socket errors"
done
