#!/usr/bin/env bash
# Installs the system packages the test suites need on a fresh Debian machine: Chromium for the HTML report's browser tests; checks moto for the collection tests.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version

# moto's server answers the live-collection integration tests; it is preinstalled on the project's machines (PyPI is not reachable).
if ! python3 -c "import moto, sys; print('moto', moto.__version__)"; then
  echo "install-system-deps: python3 moto (>= 5) is required for the collection tests: pip install 'moto[server]'" >&2
  exit 1
fi
