#!/usr/bin/env bash
# Runs the suite. pytest exits 5 when it collects no test; that is a failure of the suite, not a pass,
# so it is reported as such rather than hidden.
set -uo pipefail
cd "$(dirname "$0")/.."
# The browser tests need Debian's Chromium; without it (no root, no apt) they skip with a reason.
bash scripts/install_browser.sh || echo "run_tests: Chromium could not be installed; the browser tests will skip" >&2
bash scripts/postgres.sh install || echo "run_tests: PostgreSQL 15 could not be installed; the postgres tests will skip" >&2
.venv/bin/python -m pytest -q "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: the suite is empty or mis-configured" >&2
fi
exit "$rc"
