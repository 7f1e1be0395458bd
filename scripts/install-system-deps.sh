#!/usr/bin/env bash
# Installs the system packages the test suites need on a fresh Debian machine: Chromium for the HTML report's browser tests; moto (found, or installed into a venv) for the collection tests.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version

# moto's server answers the live-collection and Security Hub integration tests. Use the python3 one when it has moto;
# otherwise install moto[server] into a virtual environment (.venv-moto; Debian refuses `pip install` system-wide, PEP 668)
# when PyPI is reachable. Tests run `python3 -m moto.server`: put .venv-moto/bin first on PATH to use the venv's.
VENV="$(cd "$(dirname "$0")/.." && pwd)/.venv-moto"
if python3 -c "import moto" 2>/dev/null; then
  echo "install-system-deps: using moto $(python3 -c 'import moto; print(moto.__version__)') from $(command -v python3)"
elif [ -x "$VENV/bin/python3" ] && "$VENV/bin/python3" -c "import moto" 2>/dev/null; then
  echo "install-system-deps: using moto $("$VENV/bin/python3" -c 'import moto; print(moto.__version__)') from $VENV (run tests with PATH=\"$VENV/bin:\$PATH\")"
elif python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/moto/', timeout=10)" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet 'moto[server]>=5,<6'
  echo "install-system-deps: installed moto $("$VENV/bin/python3" -c 'import moto; print(moto.__version__)') into $VENV; run tests with PATH=\"$VENV/bin:\$PATH\""
else
  echo "install-system-deps: python3 has no moto and PyPI (https://pypi.org) is not reachable: install moto[server] 5.x another way (e.g. a wheel from a mirror into a venv) for the collection and Security Hub tests" >&2
  exit 1
fi
