#!/usr/bin/env bash
# Runs a command with a local Azurite blob service (Azure Storage emulator) started:
#   bash tooling/emulators/with-azurite.sh CMD [ARGS...]
# Starts Azurite when it is not answering, exports CLOUD_AZURITE_*, runs CMD, and stops Azurite
# afterwards only when this run started it. Exits with CMD's status. When Azurite cannot start
# (node_modules not installed) it fails with the name of what is missing, unless
# CLOUD_EMULATORS_OPTIONAL=1, which runs CMD without CLOUD_AZURITE_* (the Azure integration tests
# then skip).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || {
  echo "usage: $(basename "$0") CMD [ARGS...]" >&2
  exit 2
}
started=0
if ! bash "$HERE/azurite.sh" status >/dev/null 2>&1; then
  if bash "$HERE/azurite.sh" start >/dev/null; then
    started=1
  elif [ "${CLOUD_EMULATORS_OPTIONAL:-}" = 1 ]; then
    echo "with-azurite.sh: Azurite unavailable; running without it (CLOUD_EMULATORS_OPTIONAL=1)" >&2
    exec "$@"
  else
    exit 1
  fi
fi
eval "$(bash "$HERE/azurite.sh" env)"
cleanup() {
  local rc=$?
  [ $started = 1 ] && bash "$HERE/azurite.sh" stop || true
  exit $rc
}
trap cleanup EXIT
"$@"
