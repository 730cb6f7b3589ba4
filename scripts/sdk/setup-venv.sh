#!/usr/bin/env bash
# Creates .venv-sdk/: a Python virtual environment with the services' official Python
# libraries (and a JSON Schema validator), which castform's emulators must satisfy (DESIGN.md §5). The SDK tests run
# scripts/sdk/*_sdk_test.py with .venv-sdk/bin/python. Safe to run again: it installs only
# what is missing. Needs python3 (with venv) and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv-sdk
if [[ ! -x $venv/bin/python ]]; then
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian splits venv out of python3; install it when we can.
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      echo "setup-venv.sh: installing python3-venv" >&2
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$venv"
      python3 -m venv "$venv"
    else
      echo "setup-venv.sh: python3 -m venv failed: install python3-venv" >&2
      exit 1
    fi
  fi
fi
py=$venv/bin/python

# Installs a requirement unless a module that it provides already imports.
install() { # install MODULE REQUIREMENT [PIP OPTIONS...]
  local module=$1 requirement=$2
  shift 2
  "$py" -c "import $module" 2>/dev/null && return 0
  echo "setup-venv.sh: installing $requirement" >&2
  "$py" -m pip install --quiet --disable-pip-version-check "$@" "$requirement"
}

# mixcloud 0.4.0 is a source distribution whose setup.py imports pip.req.parse_requirements,
# which pip removed in version 10. A stub module lets setup.py run (the library never uses
# it); --no-build-isolation makes the build see it (reference/mixcloud/FACTS.md §7). The stub
# is removed afterwards, leaving pip as it was.
install_mixcloud() {
  "$py" -c 'import mixcloud' 2>/dev/null && return 0
  local stub
  stub="$("$py" -c 'import os, pip; print(os.path.dirname(pip.__file__))')/req.py"
  printf 'def parse_requirements(path, session=None):\n    return []\n' > "$stub"
  "$py" -m pip install --quiet --disable-pip-version-check setuptools wheel
  install mixcloud 'mixcloud==0.4.0' --no-build-isolation
  rm -f "$stub"
}

install livepeer 'livepeer==0.3.0'
# What the JSON Schema test validates manifests with (scripts/schema/validate.py).
install jsonschema 'jsonschema>=4.18'
install yaml 'pyyaml>=6'
install_mixcloud
# sidefx-web 0.6.0 pins requests~=2.21, which the other SDKs outgrew; its code runs on the
# requests already installed, so it goes in without its pins.
install sidefx_web 'sidefx-web==0.6.0' --no-deps

echo "setup-venv.sh: $venv is ready: $("$py" -m pip list --format=freeze 2>/dev/null | grep -iE '^(mixcloud|livepeer|sidefx-web)==' | tr '\n' ' ')"
