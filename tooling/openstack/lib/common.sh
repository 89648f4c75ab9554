# shellcheck shell=bash disable=SC2034
# Shared by up.sh, down.sh, status.sh, reset.sh and with-openstack.sh (sourced, not run).
# Every path the local cloud uses lives under one state directory.

OPENSTACK_TOOLING_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${CLOUD_OPENSTACK_DIR:-/var/tmp/cloud-openstack}
STATE=${STATE%/}
case $STATE in
/*[[:space:]]* | *[[:space:]]*) echo "error: CLOUD_OPENSTACK_DIR must not contain spaces: '$STATE'" >&2 && exit 1 ;;
/*) ;;
*) echo "error: CLOUD_OPENSTACK_DIR must be an absolute path: '$STATE'" >&2 && exit 1 ;;
esac
ETC=$STATE/etc
RUN=$STATE/run
LOGS=$STATE/logs

# Debian's interpreter and tools, never whatever python3 or swift comes first on PATH.
PY=/usr/bin/python3
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONUSERBASE VIRTUAL_ENV

HOST=127.0.0.1
KEYSTONE_PORT=5000
PROXY1_PORT=8080
PROXY2_PORT=8081
OBJECT_PORT=6200
CONTAINER_PORT=6201
ACCOUNT_PORT=6202
MEMCACHED_PORT=11211
MARIADB_PORT=3306
RABBIT_PORT=5672
RABBIT_DIST_PORT=25672
EPMD_PORT=4369
PLACEMENT_PORT=8778
GLANCE_PORT=9292
NEUTRON_PORT=9696
NOVA_PORT=8774
CINDER_PORT=8776
DESIGNATE_PORT=9001
DESIGNATE_MDNS_PORT=5354
OCTAVIA_PORT=9876

# Start order; down.sh stops them in reverse.
SERVICES=(memcached keystone swift-account swift-container swift-object
  swift-proxy-r1 swift-proxy-r2 swift-container-updater swift-object-expirer
  epmd mariadb rabbitmq placement glance neutron nova-conductor nova-scheduler nova-compute nova-api
  cinder-scheduler cinder-volume cinder-api
  designate-central designate-worker designate-producer designate-mdns designate-api
  octavia-worker octavia-api)

# Profiles, named after the catalog's service types: what `up.sh --services` starts. Keystone
# (identity) and memcached always run; `all` is every profile.
PROFILES=(object-store placement image network compute block-storage dns load-balancer)
DEFAULT_PROFILES=object-store

# The daemons of a profile.
profile_services() {
  case $1 in
  identity) echo memcached keystone ;;
  object-store) echo swift-account swift-container swift-object swift-proxy-r1 swift-proxy-r2 \
    swift-container-updater swift-object-expirer ;;
  infra) echo epmd mariadb rabbitmq ;;
  placement) echo placement ;;
  image) echo glance ;;
  network) echo neutron ;;
  compute) echo nova-conductor nova-scheduler nova-compute nova-api ;;
  block-storage) echo cinder-scheduler cinder-volume cinder-api ;;
  dns) echo designate-central designate-worker designate-producer designate-mdns designate-api ;;
  load-balancer) echo octavia-worker octavia-api ;;
  esac
}

# The profiles a profile needs (Nova needs Placement, Glance and, in practice, Neutron).
profile_deps() {
  case $1 in
  compute) echo placement image network ;;
  esac
}

# resolve_profiles "compute,network": the profiles asked for and those they need, in PROFILES
# order, one per line (dies on an unknown name).
resolve_profiles() {
  local want=() p q known
  IFS=', ' read -r -a want <<<"$1"
  local all=()
  for p in "${want[@]}"; do
    [ -n "$p" ] || continue
    if [ "$p" = all ]; then
      all+=("${PROFILES[@]}")
      continue
    fi
    [ "$p" = identity ] && continue
    known=
    for q in "${PROFILES[@]}"; do [ "$q" = "$p" ] && known=1; done
    [ -n "$known" ] || die "unknown service profile '$p' (known: identity ${PROFILES[*]} all)"
    all+=("$p")
    # shellcheck disable=SC2046
    all+=($(profile_deps "$p"))
  done
  for q in "${PROFILES[@]}"; do
    for p in "${all[@]+"${all[@]}"}"; do
      if [ "$p" = "$q" ]; then
        echo "$q"
        break
      fi
    done
  done
}

log() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The port a service listens on (empty for those that listen on none).
service_port() {
  case $1 in
  memcached) echo $MEMCACHED_PORT ;;
  keystone) echo $KEYSTONE_PORT ;;
  swift-account) echo $ACCOUNT_PORT ;;
  swift-container) echo $CONTAINER_PORT ;;
  swift-object) echo $OBJECT_PORT ;;
  swift-proxy-r1) echo $PROXY1_PORT ;;
  swift-proxy-r2) echo $PROXY2_PORT ;;
  epmd) echo $EPMD_PORT ;;
  mariadb) echo $MARIADB_PORT ;;
  rabbitmq) echo $RABBIT_PORT ;;
  placement) echo $PLACEMENT_PORT ;;
  glance) echo $GLANCE_PORT ;;
  neutron) echo $NEUTRON_PORT ;;
  nova-api) echo $NOVA_PORT ;;
  cinder-api) echo $CINDER_PORT ;;
  designate-api) echo $DESIGNATE_PORT ;;
  designate-mdns) echo $DESIGNATE_MDNS_PORT ;;
  octavia-api) echo $OCTAVIA_PORT ;;
  *) echo "" ;;
  esac
}

service_log() { echo "$LOGS/$1.log"; }
pidfile() { echo "$RUN/$1.pid"; }

# Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. Stored with the
# PID so that a recycled PID is never taken for one of ours.
proc_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  set -- $stat
  echo "${20}"
}

# Prints the PID of a service if the process recorded for it is still the one we started.
service_pid() {
  local f pid start now
  f=$(pidfile "$1")
  [ -r "$f" ] || return 1
  read -r pid start <"$f" 2>/dev/null || return 1
  [ -n "${pid:-}" ] && [ -n "${start:-}" ] || return 1
  now=$(proc_starttime "$pid") || return 1
  [ "$now" = "$start" ] || return 1
  # A zombie is not running.
  [ "$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}

service_running() { service_pid "$1" >/dev/null; }

all_running() {
  local s
  for s in "$@"; do service_running "$s" || return 1; done
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Describes whoever listens on a port, as far as the tools at hand can tell.
port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null | head -3
  fi
}

log_tail() {
  local f=$1 n=${2:-30}
  if [ -s "$f" ]; then
    printf -- '---- last %s lines of %s ----\n' "$n" "$f" >&2
    tail -n "$n" "$f" >&2
    printf -- '----\n' >&2
  else
    printf '(%s is empty or missing)\n' "$f" >&2
  fi
}

# Stops the given services (all if none given): TERM to each one's process, up to 15 s for all of
# them to exit (several eventlet services ignore TERM for about 10 s), then KILL to any process
# group that is left. Each daemon runs in its own session,
# so its process group is exactly that daemon and its workers; only processes verified to be the
# ones recorded in the PID files are signalled.
stop_services() {
  local want=("$@") s i pid stopped=() pids=()
  [ ${#want[@]} -gt 0 ] || want=("${SERVICES[@]}")
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    for s in "${want[@]}"; do
      [ "$s" = "${SERVICES[$i]}" ] || continue
      if pid=$(service_pid "$s"); then
        kill -TERM "$pid" 2>/dev/null || true
        stopped+=("$s($pid)")
        pids+=("$pid")
      fi
      rm -f "$(pidfile "$s")"
    done
  done
  group_alive() {
    local p
    for p in "${pids[@]+"${pids[@]}"}"; do kill -0 -- "-$p" 2>/dev/null && return 0; done
    return 1
  }
  for ((i = 0; i < 150; i++)); do
    group_alive || break
    sleep 0.1
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    if kill -0 -- "-$pid" 2>/dev/null; then
      warn "process group $pid did not stop within 15 s: sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  done
  if [ ${#stopped[@]} -gt 0 ]; then
    echo "stopped ${stopped[*]}"
  else
    echo "nothing was running"
  fi
}

# PIDs of the with-openstack.sh runs that are using the cloud right now (see with-openstack.sh).
live_users() {
  local f pid start
  for f in "$RUN/users"/*; do
    [ -e "$f" ] || continue
    read -r pid start <"$f" 2>/dev/null || continue
    [ -n "${pid:-}" ] && [ "$(proc_starttime "$pid" 2>/dev/null)" = "${start:-}" ] && echo "$pid"
  done
  return 0
}

# Takes the state directory's lock on file descriptor 9 (waits up to 15 minutes: a cold install
# by another process may hold it that long).
take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  if ! flock -n 9; then
    log "waiting for another run holding $STATE/.lock"
    flock -w 900 9 || die "could not lock $STATE/.lock within 15 minutes"
  fi
}
