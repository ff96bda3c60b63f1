#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run): install the system
# packages the tests drive (Chromium, PostgreSQL, Java for Spark) when missing,
# install the project into ./.venv, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  command -v chromium >/dev/null || missing="$missing chromium"
  [ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$missing postgresql"
  command -v java >/dev/null || missing="$missing openjdk-17-jre-headless"
  if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
bash scripts/install.sh
.venv/bin/python -m pytest -q
