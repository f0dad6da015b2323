#!/usr/bin/env bash
# Runs the suite. pytest exits 5 when it collects no test; that is a failure of the suite, not a pass,
# so it is reported as such rather than hidden.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest -q "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: the suite is empty or mis-configured" >&2
fi
exit "$rc"
