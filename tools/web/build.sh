#!/usr/bin/env bash
# Regenerates the vendored and derived map assets under crates/serve/assets/ (vendor/, basemap/) from the
# npm packages pinned in tools/web/package-lock.json. The hand-written page files are not touched.
# Needs node >= 18 and npm; run from anywhere:  tools/web/build.sh
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node build.mjs "$@"
du -sh --apparent-size ../../crates/serve/assets
