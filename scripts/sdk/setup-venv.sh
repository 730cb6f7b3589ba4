#!/usr/bin/env bash
# Installs the services' official Python SDKs into .venv-sdk/, so the test suite can prove the
# emulators work with them (LivepeerPythonSDKTests runs scripts/sdk/livepeer_sdk_test.py).
# Idempotent: an existing virtualenv is reused and pip skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=.venv-sdk
# The SDKs, pinned to the versions castform is proven against; one package per line.
PACKAGES=(
  "livepeer==0.3.0"
)

if [[ ! -x "$VENV/bin/python" ]]; then
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    # Debian splits venv out of python3; install it when we can.
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      echo "setup-venv.sh: installing python3-venv" >&2
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$VENV"
      python3 -m venv "$VENV"
    else
      echo "setup-venv.sh: python3 -m venv failed: install python3-venv" >&2
      exit 1
    fi
  fi
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PACKAGES[@]}"
echo "setup-venv.sh: $VENV ready: ${PACKAGES[*]}"
