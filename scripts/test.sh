#!/usr/bin/env bash
# Runs castform's whole test suite on a fresh machine: checks the system libraries it needs,
# builds the package and its tests, and runs them. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# libyaml's headers (castform's YAML layer binds the system library).
if ! pkg-config --exists yaml-0.1 2>/dev/null || [[ ! -f /usr/include/yaml.h ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "test.sh: installing libyaml-dev" >&2
    apt-get update -qq && apt-get install -y -qq libyaml-dev pkg-config >/dev/null
  else
    echo "test.sh: libyaml-dev is missing: install it (sudo apt-get install libyaml-dev)" >&2
    exit 1
  fi
fi

# The services' official Python SDKs, which the emulator tests drive against the emulators.
scripts/sdk/setup-venv.sh

# A throwaway PostgreSQL for the postgres state backend's tests, stopped when this script
# ends, however it ends. The tests that need it read CASTFORM_TEST_PG_URL.
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/castform-pg.XXXXXX")
stop_postgres() {
  scripts/postgres-server.sh stop "$pg_dir" || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
CASTFORM_TEST_PG_URL=$(scripts/postgres-server.sh start "$pg_dir")
export CASTFORM_TEST_PG_URL

swift build --build-tests
# The end-to-end tests run the built binary; tell them where it is.
export CASTFORM_BINARY="$PWD/.build/debug/castform"
swift test --skip-build
# The chaos suite's short form: SIGKILLs and 10% injected faults against `castform emulator`;
# fails on any duplicate or lost state entry. The full form is in the README.
.build/debug/castform-chaos --objects 100 --kills 10
