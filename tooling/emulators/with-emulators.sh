#!/usr/bin/env bash
# Runs a command with the local emulators of other clouds (moto for Amazon S3 + EC2) started:
#   bash tooling/emulators/with-emulators.sh CMD [ARGS...]
# Starts moto when it is not answering, exports CLOUD_MOTO_ENDPOINT, runs CMD, and stops moto
# afterwards only when this run started it. Exits with CMD's status. When moto_server is not
# installed it fails with the name of what is missing, unless CLOUD_EMULATORS_OPTIONAL=1, which runs
# CMD without CLOUD_MOTO_ENDPOINT (the Amazon integration tests then skip).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || {
  echo "usage: $(basename "$0") CMD [ARGS...]" >&2
  exit 2
}
started=0
if ! bash "$HERE/moto.sh" status >/dev/null 2>&1; then
  if bash "$HERE/moto.sh" start >/dev/null; then
    started=1
  elif [ "${CLOUD_EMULATORS_OPTIONAL:-}" = 1 ]; then
    echo "with-emulators.sh: moto unavailable; running without it (CLOUD_EMULATORS_OPTIONAL=1)" >&2
    exec "$@"
  else
    exit 1
  fi
fi
eval "$(bash "$HERE/moto.sh" env)"
cleanup() {
  local rc=$?
  [ $started = 1 ] && bash "$HERE/moto.sh" stop || true
  exit $rc
}
trap cleanup EXIT
"$@"
