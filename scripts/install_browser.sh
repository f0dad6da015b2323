#!/usr/bin/env bash
# Installs what the browser tests need (pytest -m browser): Debian's chromium and chromium-driver, and the pinned
# Playwright Python package. Playwright never downloads a browser here: the tests point it at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
PLAYWRIGHT=$(grep -o "playwright==[0-9.]*" pyproject.toml)
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "install_browser: run as root or install sudo, then re-run" >&2; exit 2; }
        SUDO=sudo
    fi
    $SUDO apt-get install -y --no-install-recommends chromium chromium-driver \
        || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver; }
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "install_browser: $VENV/bin/python is missing; run 'make install' first" >&2
    exit 2
fi
# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: the wheel itself has no browser, and nothing may fetch one later either
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$VENV/bin/pip" install --quiet "$PLAYWRIGHT"
echo "install_browser: $(chromium --version 2>/dev/null || echo 'chromium ?'), $("$VENV/bin/python" -c 'import importlib.metadata as m; print("playwright", m.version("playwright"))')"
