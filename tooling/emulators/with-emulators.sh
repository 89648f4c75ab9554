#!/usr/bin/env bash
# Runs a command with the local emulators of other clouds started: moto (Amazon S3 + EC2) and
# Azurite (Azure Blob Storage):
#   bash tooling/emulators/with-emulators.sh CMD [ARGS...]
# Starts each emulator that is not answering, exports its variables (CLOUD_MOTO_ENDPOINT,
# CLOUD_AZURITE_*), runs CMD, and afterwards stops only the emulators this run started. Exits with
# CMD's status. When an emulator cannot start (moto_server not installed, node_modules missing) it
# fails with the name of what is missing, unless CLOUD_EMULATORS_OPTIONAL=1, which runs CMD without
# that emulator's variables (its integration tests then skip).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || {
  echo "usage: $(basename "$0") CMD [ARGS...]" >&2
  exit 2
}
started=()
cleanup() {
  local rc=$?
  for emulator in "${started[@]}"; do bash "$HERE/$emulator.sh" stop || true; done
  exit $rc
}
trap cleanup EXIT
for emulator in moto azurite; do
  if ! bash "$HERE/$emulator.sh" status >/dev/null 2>&1; then
    if bash "$HERE/$emulator.sh" start >/dev/null; then
      started+=("$emulator")
    elif [ "${CLOUD_EMULATORS_OPTIONAL:-}" = 1 ]; then
      echo "with-emulators.sh: $emulator unavailable; running without it (CLOUD_EMULATORS_OPTIONAL=1)" >&2
      continue
    else
      exit 1
    fi
  fi
  eval "$(bash "$HERE/$emulator.sh" env)"
done
"$@"
