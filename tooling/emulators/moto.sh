#!/usr/bin/env bash
# A local moto server (Amazon S3 + EC2 emulator) on 127.0.0.1, for the Amazon provider's tests.
#   bash tooling/emulators/moto.sh start    # idempotent; prints the endpoint
#   bash tooling/emulators/moto.sh status   # exit 0 when it answers
#   bash tooling/emulators/moto.sh stop     # stops the server this script started
#   bash tooling/emulators/moto.sh env      # prints CLOUD_MOTO_ENDPOINT=... for `eval`/`source`
# MOTO_PORT (default 5301) picks the port; state (pid, log, env file) lives in
# ${CLOUD_EMULATORS_DIR:-/var/tmp/cloud-emulators}/moto.
set -euo pipefail
PORT=${MOTO_PORT:-5301}
DIR=${CLOUD_EMULATORS_DIR:-/var/tmp/cloud-emulators}/moto
PIDFILE=$DIR/moto-$PORT.pid
LOG=$DIR/moto-$PORT.log
ENVFILE=$DIR/env.sh
ENDPOINT=http://127.0.0.1:$PORT

log() { echo "moto.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

answers() { curl -fsS -o /dev/null --max-time 2 "$ENDPOINT/moto-api/" 2>/dev/null; }

require_moto() {
  if ! command -v moto_server >/dev/null 2>&1; then
    if ! command -v python3 >/dev/null 2>&1; then
      die "python3 is missing, and moto_server with it: install python3 and then moto (pip install 'moto[server]')"
    fi
    die "moto_server is missing (python3 is $(command -v python3)): install it with pip install 'moto[server]'"
  fi
  command -v curl >/dev/null 2>&1 || die "curl is missing: it is needed to check that moto answers"
}

write_env() {
  cat >"$ENVFILE" <<ENV
# Local moto server (tooling/emulators/moto.sh): source this file.
export CLOUD_MOTO_ENDPOINT=$ENDPOINT
ENV
}

start() {
  require_moto
  mkdir -p "$DIR"
  if answers; then
    write_env
    log "already running on $ENDPOINT"
    echo "$ENDPOINT"
    return 0
  fi
  log "starting moto_server on $ENDPOINT (log: $LOG)"
  nohup moto_server -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 60); do
    if answers; then
      write_env
      echo "$ENDPOINT"
      return 0
    fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      tail -n 20 "$LOG" >&2 || true
      die "moto_server exited before answering (port $PORT taken?)"
    fi
    sleep 0.5
  done
  die "moto_server did not answer on $ENDPOINT within 30 s; see $LOG"
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid
    pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping moto_server (pid $pid)"
      kill "$pid"
    fi
    rm -f "$PIDFILE"
  else
    log "no moto_server started by this script on port $PORT"
  fi
}

case ${1:-} in
start) start ;;
stop) stop ;;
status)
  if answers; then
    echo "moto: running on $ENDPOINT"
  else
    echo "moto: not running on $ENDPOINT"
    exit 1
  fi
  ;;
env) echo "export CLOUD_MOTO_ENDPOINT=$ENDPOINT" ;;
*) die "usage: $(basename "$0") start|stop|status|env" ;;
esac
