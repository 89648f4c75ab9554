#!/usr/bin/env bash
# Runs a command against the local cloud:
#   bash tooling/openstack/with-openstack.sh [--services LIST] CMD [ARGS...]
# Starts the services if they are not running (up.sh; --services as there: default Keystone +
# Swift, `all` for every service, e.g. `compute,network`), runs CMD with the variables of env.sh
# and services.env in its environment, then stops the services that it started itself and nothing
# else. Exits with CMD's status. Works from any directory; CMD runs in the current one.
#
# Several runs may overlap: the services started by any of them stay up until the last one ends.
# CLOUD_OPENSTACK_KEEP=1 leaves whatever was started running afterwards.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

up_args=()
case ${1:-} in
--services)
  [ $# -ge 2 ] || die "--services needs a list, e.g. --services compute,network"
  up_args=(--services "$2")
  shift 2
  ;;
--services=*)
  up_args=("$1")
  shift
  ;;
esac
[ $# -gt 0 ] || die "usage: $(basename "$0") [--services LIST] CMD [ARGS...]"

USERS=$RUN/users
# Names of the services started by with-openstack.sh runs (appended to by up.sh).
STARTED_BY_US=$RUN/started-by-with-openstack
mkdir -p "$USERS"

# Bookkeeping of overlapping runs, under its own lock (up.sh and down.sh take the main one).
users_lock() {
  mkdir -p "$USERS"
  exec 8>"$RUN/users.lock"
  flock -w 900 8 || die "could not lock $RUN/users.lock"
}
users_unlock() { exec 8>&-; }

me="$$ $(proc_starttime $$)"
users_lock
echo "$me" >"$USERS/$$"
users_unlock

cleanup() {
  local rc=$? f pid start others=0
  trap - EXIT INT TERM HUP
  set +e
  users_lock
  rm -f "$USERS/$$"
  for f in "$USERS"/*; do
    [ -e "$f" ] || continue
    pid='' start=''
    read -r pid start <"$f"
    if [ -n "$pid" ] && [ "$(proc_starttime "$pid" 2>/dev/null)" = "$start" ]; then
      others=$((others + 1))
    else
      rm -f "$f" # a run that died without cleaning up
    fi
  done
  if [ $others -eq 0 ] && [ -s "$STARTED_BY_US" ]; then
    mapfile -t names < <(sort -u "$STARTED_BY_US")
    if [ "${CLOUD_OPENSTACK_KEEP:-}" = 1 ]; then
      log "leaving ${names[*]} running (CLOUD_OPENSTACK_KEEP=1)" >&2
    else
      log "stopping what this run started: ${names[*]}" >&2
      bash "$HERE/down.sh" --force "${names[@]}" >/dev/null
    fi
    rm -f "$STARTED_BY_US"
  elif [ $others -gt 0 ] && [ -s "$STARTED_BY_US" ]; then
    log "$others other with-openstack.sh run(s) still going: leaving the services up for them" >&2
  fi
  users_unlock
  exit $rc
}
trap cleanup EXIT

CLOUD_OPENSTACK_STARTED_FILE=$STARTED_BY_US bash "$HERE/up.sh" "${up_args[@]+"${up_args[@]}"}" >&2

set -a
# shellcheck disable=SC1091
source "$STATE/env.sh"
# shellcheck disable=SC1091
[ ! -r "$STATE/services.env" ] || source "$STATE/services.env"
set +a

# CMD runs as a child (stdin kept) so that a TERM or HUP sent to this script is passed on to it
# and the clean-up still happens; Ctrl-C reaches CMD directly as it shares our process group, so
# INT is not passed on a second time.
child=
forward() { [ -z "$child" ] || kill -"$1" "$child" 2>/dev/null || true; }
trap 'forward TERM' TERM
trap 'forward HUP' HUP
trap ':' INT
"$@" <&0 &
child=$!
set +e
while true; do
  wait "$child"
  kill -0 "$child" 2>/dev/null || break
done
wait "$child"
status=$?
set -e
exit $status
