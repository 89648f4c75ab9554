#!/usr/bin/env bash
# A local Azurite blob service (the Azure Storage emulator) on 127.0.0.1, for the Azure provider's tests.
#   bash tooling/emulators/azurite.sh start    # idempotent; prints the blob endpoint
#   bash tooling/emulators/azurite.sh status   # exit 0 when it answers
#   bash tooling/emulators/azurite.sh stop     # stops the server this script started
#   bash tooling/emulators/azurite.sh env      # prints CLOUD_AZURITE_* for `eval`/`source`
# AZURITE_PORT (default 5302) picks the port; state (pid, log, env file, blob data) lives in
# ${CLOUD_EMULATORS_DIR:-/var/tmp/cloud-emulators}/azurite. Azurite comes from the workspace's
# devDependencies (node_modules/.bin/azurite-blob): run `pnpm install` first.
#
# Flags: --skipApiVersionCheck because @azure/storage-blob sends an API version newer than the
# one Azurite knows; --loose so headers Azurite does not implement are ignored, not refused;
# --disableTelemetry so a test run sends nothing anywhere; --silent keeps the access log out.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${AZURITE_PORT:-5302}
DIR=${CLOUD_EMULATORS_DIR:-/var/tmp/cloud-emulators}/azurite
DATA=$DIR/data-$PORT
PIDFILE=$DIR/azurite-$PORT.pid
LOG=$DIR/azurite-$PORT.log
ENVFILE=$DIR/env.sh
BIN=$ROOT/node_modules/.bin/azurite-blob
# Azurite's built-in development account: a published, well-known name and key, not a secret.
ACCOUNT=devstoreaccount1
KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
ENDPOINT=http://127.0.0.1:$PORT/$ACCOUNT

log() { echo "azurite.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

# Any HTTP answer whose Server header names Azurite (an unauthenticated GET is refused, but answered).
answers() {
  curl -sS -o /dev/null -D - --max-time 2 "$ENDPOINT?comp=list" 2>/dev/null | grep -qi '^server: *azurite'
}

require_azurite() {
  command -v node >/dev/null 2>&1 || die "node is missing: run bash scripts/run.sh typecheck first"
  [ -x "$BIN" ] || die "azurite-blob is missing ($BIN): run pnpm install at the repository root"
  command -v curl >/dev/null 2>&1 || die "curl is missing: it is needed to check that Azurite answers"
}

print_env() {
  cat <<ENV
export CLOUD_AZURITE_BLOB_ENDPOINT=$ENDPOINT
export CLOUD_AZURITE_ACCOUNT=$ACCOUNT
export CLOUD_AZURITE_ACCOUNT_KEY='$KEY'
ENV
}

write_env() {
  {
    echo "# Local Azurite blob service (tooling/emulators/azurite.sh): source this file."
    print_env
  } >"$ENVFILE"
}

start() {
  require_azurite
  mkdir -p "$DATA"
  if answers; then
    write_env
    log "already running on $ENDPOINT"
    echo "$ENDPOINT"
    return 0
  fi
  log "starting azurite-blob on $ENDPOINT (data: $DATA, log: $LOG)"
  nohup "$BIN" --blobHost 127.0.0.1 --blobPort "$PORT" --location "$DATA" \
    --skipApiVersionCheck --loose --disableTelemetry --silent >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 60); do
    if answers; then
      write_env
      echo "$ENDPOINT"
      return 0
    fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      tail -n 20 "$LOG" >&2 || true
      die "azurite-blob exited before answering (port $PORT taken?)"
    fi
    sleep 0.5
  done
  die "azurite-blob did not answer on $ENDPOINT within 30 s; see $LOG"
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid
    pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping azurite-blob (pid $pid)"
      kill "$pid"
    fi
    rm -f "$PIDFILE"
  else
    log "no azurite-blob started by this script on port $PORT"
  fi
}

case ${1:-} in
start) start ;;
stop) stop ;;
status)
  if answers; then
    echo "azurite: running on $ENDPOINT"
  else
    echo "azurite: not running on $ENDPOINT"
    exit 1
  fi
  ;;
env) print_env ;;
*) die "usage: $(basename "$0") start|stop|status|env" ;;
esac
