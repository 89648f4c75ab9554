#!/usr/bin/env bash
# Brings up OpenStack Keystone and Swift, and on request Nova, Neutron, Glance, Placement, Cinder,
# Designate and Octavia behind that Keystone, from Debian's packages on 127.0.0.1, for integration
# tests and benchmarks. Idempotent: installs what is missing, configures once, starts only what is
# not running, waits until everything answers, then writes env.sh / env.json (and services.env /
# services.json) into the state directory.
#
#   bash tooling/openstack/up.sh                              # Keystone + Swift
#   bash tooling/openstack/up.sh --services compute,network   # Keystone + Nova and what it needs
#   bash tooling/openstack/up.sh --services all               # everything (as CI does)
#
# Profiles (--services, comma-separated): object-store (Swift), placement, image (Glance), network
# (Neutron), compute (Nova; brings placement, image and network), block-storage (Cinder), dns
# (Designate), load-balancer (Octavia), all. Keystone always runs. Services already running are
# left running whatever the profile; services.env lists the profiles that run.
#
# Environment: CLOUD_OPENSTACK_DIR (state directory), CLOUD_OPENSTACK_SERVICES (profiles when
# --services is not given, default object-store), CLOUD_OPENSTACK_TIMEOUT (seconds each service
# may take to answer, default 60; Nova's first start gets at least 240), CLOUD_OPENSTACK_STARTED_FILE
# (if set, the names of the services this run started are appended to it; with-openstack.sh uses
# that to stop only those).
set -euo pipefail

T0=$(date +%s%N)
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
TIMEOUT=${CLOUD_OPENSTACK_TIMEOUT:-60}
# shellcheck source=lib/services.sh
source "$OPENSTACK_TOOLING_DIR/lib/services.sh"

want=${CLOUD_OPENSTACK_SERVICES:-$DEFAULT_PROFILES}
while [ $# -gt 0 ]; do
  case $1 in
  --services)
    [ $# -ge 2 ] || die "--services needs a list, e.g. --services compute,network"
    want=$2
    shift 2
    ;;
  --services=*)
    want=${1#--services=}
    shift
    ;;
  -h | --help)
    sed -n '2,21p' "$0"
    exit 0
    ;;
  *) die "unknown argument '$1' (see --help)" ;;
  esac
done
profiles=$(resolve_profiles "$want") || exit 1
mapfile -t SELECTED <<<"$profiles"
[ -n "${SELECTED[0]:-}" ] || SELECTED=()
# Profiles beyond Swift: they need MariaDB, RabbitMQ and the services' packages.
EXTRA=()
for p in "${SELECTED[@]+"${SELECTED[@]}"}"; do [ "$p" = object-store ] || EXTRA+=("$p"); done
selected() {
  local p
  for p in "${SELECTED[@]+"${SELECTED[@]}"}"; do [ "$p" = "$1" ] && return 0; done
  return 1
}
WANTED=($(profile_services identity))
selected object-store && WANTED+=($(profile_services object-store))
if [ ${#EXTRA[@]} -gt 0 ]; then
  WANTED+=($(profile_services infra))
  for p in "${EXTRA[@]}"; do WANTED+=($(profile_services "$p")); done
fi
export CLOUD_OPENSTACK_DIR=$STATE
export no_proxy=127.0.0.1,localhost${no_proxy:+,$no_proxy} NO_PROXY=127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}

[ "$(id -u)" = 0 ] || die "up.sh installs Debian packages and must run as root"

elapsed() { echo $(( ($(date +%s%N) - T0) / 1000000 )) | awk '{printf "%.1f", $1/1000}'; }

PACKAGES=(keystone swift swift-proxy swift-account swift-container swift-object python3-swiftclient
  swift-object-expirer python3-keystoneclient python3-keystonemiddleware memcached uwsgi uwsgi-plugin-python3
  curl python3)
[ ${#EXTRA[@]} -eq 0 ] || PACKAGES+=("${SERVICE_PACKAGES[@]}")

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
missing_packages() {
  local p st
  for p in "${PACKAGES[@]}"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$st" = installed ] || echo "$p"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing ${missing[*]} (and their dependencies) from Debian's packages"
  local t=$SECONDS created_policy=
  # Packages must not start their own daemons (they would take our ports): policy-rc.d exit 101
  # makes invoke-rc.d skip every start during this install.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# only during tooling/openstack/up.sh package installs\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  local rc=0
  (
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q -o DPkg::Lock::Timeout=600 >"$LOGS/apt.log" 2>&1 || warn "apt-get update failed (see $LOGS/apt.log); trying the install anyway"
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      -o Dpkg::Options::=--force-unsafe-io "${missing[@]}" >>"$LOGS/apt.log" 2>&1
  ) || rc=$?
  [ -z "$created_policy" ] || rm -f /usr/sbin/policy-rc.d
  if [ $rc -ne 0 ]; then
    log_tail "$LOGS/apt.log" 30
    die "apt-get install failed (exit $rc); full log: $LOGS/apt.log"
  fi
  log "packages installed in $((SECONDS - t)) s"
}

# ---------------------------------------------------------------------------------------------
# Configuration (regenerated on every run; a service whose configuration changed is restarted)
# ---------------------------------------------------------------------------------------------
CHANGED=()
# put FILE: writes stdin to FILE if it differs; remembers the change.
put() {
  local f=$1 tmp
  tmp=$(mktemp "$f.XXXXXX")
  cat >"$tmp"
  if [ -f "$f" ] && cmp -s "$tmp" "$f"; then
    rm -f "$tmp"
  else
    chmod 600 "$tmp"
    mv -f "$tmp" "$f"
    CHANGED+=("$f")
  fi
}

changed() {
  local f c
  for f in "$@"; do for c in "${CHANGED[@]+"${CHANGED[@]}"}"; do [ "$c" = "$f" ] && return 0; done; done
  return 1
}

gen_secret() { od -An -tx1 -N"${1:-16}" /dev/urandom | tr -d ' \n'; }

ensure_secrets() {
  local f=$STATE/secrets.env
  if [ ! -s "$f" ]; then
    umask 077
    cat >"$f.tmp" <<EOF
ADMIN_PASSWORD=$(gen_secret)
DEMO_PASSWORD=$(gen_secret)
SWIFT_SERVICE_PASSWORD=$(gen_secret)
TEMPAUTH_KEY=$(gen_secret)
S3_ACCESS_KEY=$(gen_secret 10)
S3_SECRET_KEY=$(gen_secret 20)
EOF
    mv -f "$f.tmp" "$f"
    umask 022
  fi
  # shellcheck disable=SC1090
  source "$f"
}

write_configs() {
  mkdir -p "$ETC/keystone" "$ETC/swift" "$RUN" "$LOGS" "$STATE/keystone" "$STATE/srv/node/sdb1" "$STATE/cache"

  put "$ETC/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
debug = false

[database]
connection = sqlite:///$STATE/keystone/keystone.sqlite

# bcrypt's minimum cost: every password authentication is then a few ms instead of ~250 ms of CPU.
[identity]
password_hash_rounds = 4

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys
max_active_keys = 3

[fernet_receipts]
key_repository = $STATE/keystone/fernet-keys

[credential]
key_repository = $STATE/keystone/credential-keys

# Keystone's own cache in the shared memcached: token validation, catalog and role look-ups are
# served from it; revoking a token invalidates its entry for every worker.
[cache]
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = $HOST:$MEMCACHED_PORT
EOF

  put "$ETC/keystone/uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = $HOST:$KEYSTONE_PORT
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$ETC/keystone/keystone.conf
master = true
# One thread per process: Keystone's SQLite connections must not cross threads.
processes = 2
threads = 1
die-on-term = true
need-app = true
buffer-size = 65535
listen = 128
add-header = Connection: close
EOF

  local common
  common="user = root
swift_dir = $ETC/swift
devices = $STATE/srv/node
mount_check = false
disable_fallocate = true
workers = 1
recon_cache_path = $STATE/cache"

  put "$ETC/swift/account-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $ACCOUNT_PORT
$common
log_facility = LOG_LOCAL2

[pipeline:main]
pipeline = healthcheck recon account-server

[app:account-server]
use = egg:swift#account

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon
EOF

  put "$ETC/swift/container-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $CONTAINER_PORT
$common
log_facility = LOG_LOCAL2

[pipeline:main]
pipeline = healthcheck recon container-server

[app:container-server]
use = egg:swift#container
# needed by the legacy X-Versions-Location / X-History-Location versioning
allow_versions = true

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon

# Pushes object counts and bytes up into the account listing (X-Account-Bytes-Used & co).
[container-updater]
interval = 2
concurrency = 1
log_facility = LOG_LOCAL3
EOF

  put "$ETC/swift/object-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $OBJECT_PORT
$common
log_facility = LOG_LOCAL2

[pipeline:main]
pipeline = healthcheck recon object-server

[app:object-server]
use = egg:swift#object

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon
EOF

  # Legacy-style expirer config (file name contains "expirer"): it also serves as the internal
  # client's proxy config and dequeues the .expiring_objects queue that X-Delete-At fills.
  put "$ETC/swift/object-expirer.conf" <<EOF
[DEFAULT]
$common
log_facility = LOG_LOCAL3

[object-expirer]
interval = 5

[pipeline:main]
pipeline = catch_errors proxy-logging cache proxy-server

[app:proxy-server]
use = egg:swift#proxy

[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:$MEMCACHED_PORT

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:proxy-logging]
use = egg:swift#proxy_logging
EOF

  local port name
  for name in r1 r2; do
    if [ $name = r1 ]; then port=$PROXY1_PORT; else port=$PROXY2_PORT; fi
    put "$ETC/swift/proxy-server-$name.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $port
$common
log_facility = LOG_LOCAL1
log_name = proxy-$name
expose_info = true

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl ratelimit formpost authtoken s3api s3token keystoneauth tempauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = false
node_timeout = 30
conn_timeout = 1

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:$MEMCACHED_PORT

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:bulk]
use = egg:swift#bulk

[filter:tempurl]
use = egg:swift#tempurl

[filter:ratelimit]
use = egg:swift#ratelimit

[filter:formpost]
use = egg:swift#formpost

# Validates X-Auth-Token against Keystone as the swift service user. Tokens are not cached
# (token_cache_time = -1) so that a token revoked in Keystone is refused at once.
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = http://$HOST:$KEYSTONE_PORT/v3
auth_url = http://$HOST:$KEYSTONE_PORT/v3
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = swift
password = $SWIFT_SERVICE_PASSWORD
interface = public
region_name = RegionOne
delay_auth_decision = true
token_cache_time = -1
http_connect_timeout = 10
http_request_max_retries = 3

[filter:s3api]
use = egg:swift#s3api
location = us-east-1

# EC2 credentials from Keystone; delay_auth_decision lets tempauth's own S3 users through too.
# Keystone's POST /v3/s3tokens only answers an admin or service user, hence the credentials.
[filter:s3token]
use = egg:swift#s3token
auth_uri = http://$HOST:$KEYSTONE_PORT/v3
reseller_prefix = AUTH_
delay_auth_decision = true
http_timeout = 10
auth_type = password
auth_url = http://$HOST:$KEYSTONE_PORT/v3
project_domain_id = default
user_domain_id = default
project_name = service
username = swift
password = $SWIFT_SERVICE_PASSWORD

[filter:keystoneauth]
use = egg:swift#keystoneauth
reseller_prefix = AUTH_
operator_roles = admin, member
reseller_admin_role = ResellerAdmin

[filter:tempauth]
use = egg:swift#tempauth
reseller_prefix = TEMPAUTH
token_life = 86400
user_test_tester = $TEMPAUTH_KEY .admin

[filter:copy]
use = egg:swift#copy

[filter:container-quotas]
use = egg:swift#container_quotas

[filter:account-quotas]
use = egg:swift#account_quotas

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo

[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true

[filter:symlink]
use = egg:swift#symlink
EOF
  done
}

# Swift reads the hash path prefix/suffix and the storage policies from /etc/swift/swift.conf,
# a fixed path. Debian's swift package ships one; it is kept if it has a hash, written otherwise.
ensure_swift_conf() {
  local f=/etc/swift/swift.conf
  if [ -f $f ] && grep -Eq '^[[:space:]]*swift_hash_path_(suffix|prefix)[[:space:]]*=[[:space:]]*[^[:space:]]' $f; then
    return 0
  fi
  mkdir -p /etc/swift
  cat >$f <<EOF
[swift-hash]
swift_hash_path_suffix = cloud-openstack-local
swift_hash_path_prefix = cloud-openstack-local

[storage-policy:0]
name = Policy-0
default = yes
EOF
}

build_rings() {
  local r port pids=() ok=1
  for r in account container object; do
    [ -s "$ETC/swift/$r.ring.gz" ] && continue
    case $r in account) port=$ACCOUNT_PORT ;; container) port=$CONTAINER_PORT ;; object) port=$OBJECT_PORT ;; esac
    (
      cd "$ETC/swift"
      rm -f "$r.builder"
      swift-ring-builder "$r.builder" create 10 1 1
      swift-ring-builder "$r.builder" add "r1z1-$HOST:$port/sdb1" 100
      # exit 1 means "rebalanced with warnings", which a one-device ring always has
      swift-ring-builder "$r.builder" rebalance || [ $? = 1 ]
    ) >>"$LOGS/rings.log" 2>&1 &
    pids+=($!)
  done
  for r in "${pids[@]+"${pids[@]}"}"; do wait "$r" || ok=0; done
  if [ $ok = 0 ]; then
    log_tail "$LOGS/rings.log"
    die "building the Swift rings failed"
  fi
  for r in account container object; do [ -s "$ETC/swift/$r.ring.gz" ] || die "ring $r.ring.gz missing"; done
}

# keystone-manage, once: schema and key repositories...
keystone_db() {
  [ -e "$STATE/keystone/.db-ready" ] && return 0
  local t=$SECONDS conf=$ETC/keystone/keystone.conf kl=$LOGS/keystone-manage.log rc=0 db fk ck
  log "creating Keystone's database and keys (keystone-manage)"
  rm -f "$STATE/keystone/keystone.sqlite" "$STATE/keystone/.bootstrapped"
  mkdir -p "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys"
  chmod 700 "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys"
  # Each command prints an ignorable "AttributeError ... getcurrent" traceback as it exits.
  keystone-manage --config-file "$conf" db_sync >>"$kl" 2>&1 &
  db=$!
  keystone-manage --config-file "$conf" fernet_setup --keystone-user root --keystone-group root >>"$kl" 2>&1 &
  fk=$!
  keystone-manage --config-file "$conf" credential_setup --keystone-user root --keystone-group root >>"$kl" 2>&1 &
  ck=$!
  wait $db || rc=$?
  wait $fk || rc=$?
  wait $ck || rc=$?
  if [ $rc != 0 ]; then
    log_tail "$kl"
    die "keystone-manage failed (exit $rc)"
  fi
  sqlite_wal "$STATE/keystone/keystone.sqlite"
  touch "$STATE/keystone/.db-ready"
  log "Keystone database created in $((SECONDS - t)) s"
}

# ...then the admin user, its project, the roles and the identity endpoint in RegionOne (this
# overlaps with uwsgi loading Keystone).
keystone_admin() {
  [ -e "$STATE/keystone/.bootstrapped" ] && return 0
  local conf=$ETC/keystone/keystone.conf kl=$LOGS/keystone-manage.log rc=0
  keystone-manage --config-file "$conf" bootstrap \
    --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin \
    --bootstrap-service-name keystone \
    --bootstrap-admin-url "http://$HOST:$KEYSTONE_PORT/v3/" \
    --bootstrap-public-url "http://$HOST:$KEYSTONE_PORT/v3/" \
    --bootstrap-internal-url "http://$HOST:$KEYSTONE_PORT/v3/" \
    --bootstrap-region-id RegionOne >>"$kl" 2>&1 || rc=$?
  if [ $rc != 0 ]; then
    log_tail "$kl"
    die "keystone-manage bootstrap failed (exit $rc)"
  fi
  touch "$STATE/keystone/.bootstrapped"
}

# SQLite in WAL mode: a reader (a uwsgi worker whose read transaction is still open) then does not
# block another worker's write; in the default rollback-journal mode such writes fail with
# "database is locked" after 5 s. The mode is stored in the database file.
sqlite_wal() {
  $PY -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
mode = c.execute("PRAGMA journal_mode=WAL").fetchone()[0]
sys.exit(0 if mode == "wal" else "journal_mode is " + mode)' "$1" || die "could not switch $1 to WAL mode"
}

# ---------------------------------------------------------------------------------------------
# Daemons
# ---------------------------------------------------------------------------------------------
service_cmd() {
  case $1 in
  memcached) echo "memcached -u root -l $HOST -p $MEMCACHED_PORT -U 0 -m 256 -c 4096" ;;
  keystone) echo "uwsgi --ini $ETC/keystone/uwsgi.ini" ;;
  swift-account) echo "swift-account-server $ETC/swift/account-server.conf -v" ;;
  swift-container) echo "swift-container-server $ETC/swift/container-server.conf -v" ;;
  swift-object) echo "swift-object-server $ETC/swift/object-server.conf -v" ;;
  swift-proxy-r1) echo "swift-proxy-server $ETC/swift/proxy-server-r1.conf -v" ;;
  swift-proxy-r2) echo "swift-proxy-server $ETC/swift/proxy-server-r2.conf -v" ;;
  swift-container-updater) echo "swift-container-updater $ETC/swift/container-server.conf -v" ;;
  swift-object-expirer) echo "swift-object-expirer $ETC/swift/object-expirer.conf -v" ;;
  epmd) echo "epmd -address $HOST -port $EPMD_PORT" ;;
  mariadb) echo "mariadbd --defaults-file=$ETC/mariadb/my.cnf" ;;
  placement) echo "uwsgi --ini $ETC/placement/uwsgi.ini" ;;
  glance) echo "$ETC/bin/glance-api" ;;
  neutron) echo "$ETC/bin/neutron-server" ;;
  *) echo "$ETC/bin/$1" ;;
  esac
}

service_confs() {
  case $1 in
  keystone) echo "$ETC/keystone/keystone.conf $ETC/keystone/uwsgi.ini" ;;
  swift-account) echo "$ETC/swift/account-server.conf" ;;
  swift-container | swift-container-updater) echo "$ETC/swift/container-server.conf" ;;
  swift-object) echo "$ETC/swift/object-server.conf" ;;
  swift-proxy-r1) echo "$ETC/swift/proxy-server-r1.conf" ;;
  swift-proxy-r2) echo "$ETC/swift/proxy-server-r2.conf" ;;
  swift-object-expirer) echo "$ETC/swift/object-expirer.conf" ;;
  mariadb) echo "$ETC/mariadb/my.cnf" ;;
  rabbitmq) echo "$ETC/rabbitmq/rabbitmq.conf $ETC/bin/rabbitmq" ;;
  placement) echo "$ETC/placement/placement.conf $ETC/placement/uwsgi.ini $ETC/placement/wsgi.py" ;;
  glance) echo "$ETC/glance/glance-api.conf $ETC/bin/glance-api" ;;
  neutron) echo "$ETC/neutron/neutron.conf $ETC/bin/neutron-server" ;;
  nova-*) echo "$ETC/nova/nova.conf $ETC/bin/$1" ;;
  cinder-*) echo "$ETC/cinder/cinder.conf $ETC/bin/$1" ;;
  designate-*) echo "$ETC/designate/designate.conf $ETC/bin/$1" ;;
  octavia-*) echo "$ETC/octavia/octavia.conf $ETC/bin/$1" ;;
  esac
}

STARTED=()
start_service() {
  local name=$1 port cmd logf pid start
  service_running "$name" && return 0
  port=$(service_port "$name")
  if [ -n "$port" ] && port_open "$port"; then
    port_owner "$port" >&2
    die "port $HOST:$port, needed by $name, is already taken by a process this state directory ($STATE) did not start; stop it (or run down.sh with the CLOUD_OPENSTACK_DIR that started it)"
  fi
  cmd=$(service_cmd "$name")
  logf=$(service_log "$name")
  printf '\n==== %s: %s\n' "$(date -u +%FT%TZ)" "$cmd" >>"$logf"
  # Own session (setsid) so that Ctrl-C in a terminal does not reach it and down.sh can signal its
  # process group; fd 9 (our lock) is closed so that the daemon does not keep holding it.
  # shellcheck disable=SC2086
  setsid nohup $cmd >>"$logf" 2>&1 </dev/null 9>&- &
  pid=$!
  start=$(proc_starttime "$pid") || {
    log_tail "$logf"
    die "$name exited at once"
  }
  echo "$pid $start" >"$(pidfile "$name")"
  STARTED+=("$name")
}

# fail_service NAME WHAT: the clear failure message, with the service's log.
fail_service() {
  local name=$1 what=$2
  printf '\nerror: %s %s\n' "$name" "$what" >&2
  log_tail "$(service_log "$name")" 30
  case $name in
  swift-proxy-*) for f in "$LOGS"/swift-{account,container,object}.log; do log_tail "$f" 5; done ;;
  esac
  echo "state directory: $STATE (all logs in $LOGS)" >&2
  exit 1
}

# wait_ready NAME CHECK...: runs CHECK until it succeeds, the service dies, or TIMEOUT passes.
wait_ready() {
  local name=$1
  shift
  local deadline=$((SECONDS + TIMEOUT))
  while true; do
    if "$@" 2>/dev/null; then return 0; fi
    service_running "$name" || fail_service "$name" "exited before it was ready"
    [ $SECONDS -lt $deadline ] || fail_service "$name" "did not become ready within ${TIMEOUT}s"
    sleep 0.2
  done
}

http_is() { # URL EXPECTED-STATUS [BODY]
  local out code body
  out=$(curl -sS --noproxy '*' --max-time 3 -o - -w '\n%{http_code}' "$1") || return 1
  code=${out##*$'\n'}
  body=${out%$'\n'*}
  [ "$code" = "$2" ] || return 1
  [ -z "${3:-}" ] || [ "$body" = "$3" ]
}

# ---------------------------------------------------------------------------------------------
take_lock
mkdir -p "$RUN" "$LOGS"
install_packages
for b in keystone-manage uwsgi memcached swift-proxy-server swift-ring-builder swift curl $PY; do
  command -v "$b" >/dev/null 2>&1 || die "$b not found after installing ${PACKAGES[*]}"
done
[ -e /usr/lib/uwsgi/plugins/python3_plugin.so ] || [ -e /usr/lib/uwsgi/plugins/python311_plugin.so ] ||
  warn "uwsgi's python3 plugin not found under /usr/lib/uwsgi/plugins"

ensure_secrets
write_configs
ensure_swift_conf
build_rings
if [ ${#EXTRA[@]} -gt 0 ]; then
  ensure_service_secrets
  fetch_paste_files
  write_service_configs
fi

# A running service whose configuration changed is restarted with the new one.
restart=()
for s in "${SERVICES[@]}"; do
  # shellcheck disable=SC2046
  if service_running "$s" && changed $(service_confs "$s"); then restart+=("$s"); fi
done
if [ ${#restart[@]} -gt 0 ]; then
  log "configuration changed: restarting ${restart[*]}"
  stop_services "${restart[@]}" >/dev/null
fi

ALREADY=
if all_running "${WANTED[@]}"; then
  ALREADY=1
  log "all services already running (state $STATE)"
else
  start_service memcached
  if selected object-store; then
    for s in $(profile_services object-store); do start_service "$s"; done
  fi
  if [ ${#EXTRA[@]} -gt 0 ]; then
    # MariaDB and RabbitMQ start while Keystone's database is made; each service's schema is
    # made in parallel with the others and with Keystone's start-up.
    start_service epmd
    mariadb_init
    start_service mariadb
    start_service rabbitmq
  fi
  # Keystone's first-time database setup overlaps with the other daemons' start-up.
  keystone_db
  service_running keystone || sqlite_wal "$STATE/keystone/keystone.sqlite"
  start_service keystone
  keystone_admin
  if [ ${#EXTRA[@]} -gt 0 ]; then
    wait_ready mariadb mariadb_up
    db_create
    db_syncs_start "${EXTRA[@]}"
  fi
fi
# Only what was not running before this run counts as started by it (a restart for a changed
# configuration does not): with-openstack.sh stops exactly those afterwards.
record_started() {
  [ -n "${CLOUD_OPENSTACK_STARTED_FILE:-}" ] || return 0
  local s
  for s in "${STARTED[@]+"${STARTED[@]}"}"; do
    grep -qx "$s" "$CLOUD_OPENSTACK_STARTED_FILE" 2>/dev/null && continue
    case " ${restart[*]+"${restart[*]}"} " in *" $s "*) ;; *) echo "$s" >>"$CLOUD_OPENSTACK_STARTED_FILE" ;; esac
  done
}
record_started
trap record_started EXIT

wait_ready memcached port_open $MEMCACHED_PORT
wait_ready keystone http_is "http://$HOST:$KEYSTONE_PORT/v3" 200
if selected object-store; then
  wait_ready swift-account port_open $ACCOUNT_PORT
  wait_ready swift-container port_open $CONTAINER_PORT
  wait_ready swift-object port_open $OBJECT_PORT
  wait_ready swift-proxy-r1 http_is "http://$HOST:$PROXY1_PORT/healthcheck" 200 OK
  wait_ready swift-proxy-r2 http_is "http://$HOST:$PROXY2_PORT/healthcheck" 200 OK
  for s in swift-container-updater swift-object-expirer; do
    service_running "$s" || fail_service "$s" "is not running"
  done
fi

# Keystone's projects, users, regions, endpoints and credentials: once per set of inputs.
setup_stamp=$( (cat "$OPENSTACK_TOOLING_DIR/lib/cloud.py" "$STATE/secrets.env" && stat -c %Y "$STATE/keystone/.bootstrapped") | md5sum | cut -d" " -f1)
if [ "$(cat "$STATE/keystone/.setup" 2>/dev/null || true)" != "$setup_stamp" ] || [ ! -s "$STATE/cloud.json" ]; then
  $PY "$OPENSTACK_TOOLING_DIR/lib/cloud.py" setup >>"$LOGS/setup.log" 2>&1 || {
    log_tail "$LOGS/setup.log"
    fail_service keystone "setup through its REST API failed"
  }
  tail -n 1 "$LOGS/setup.log"
  echo "$setup_stamp" >"$STATE/keystone/.setup"
fi

if [ ${#EXTRA[@]} -gt 0 ]; then
  services_up
fi

# An authenticated round trip through both proxies, retried while the proxies' authtoken warms up.
if selected object-store; then
  deadline=$((SECONDS + TIMEOUT))
  until out=$($PY "$OPENSTACK_TOOLING_DIR/lib/cloud.py" verify 2>&1); do
    rc=$?
    if [ $rc = 2 ] || [ $SECONDS -ge $deadline ]; then
      echo "$out" >&2
      fail_service swift-proxy-r1 "failed the authenticated round trip"
    fi
    sleep 0.5
  done
  echo "$out"
fi

$PY "$OPENSTACK_TOOLING_DIR/lib/cloud.py" env
running_profiles
log "Keystone http://$HOST:$KEYSTONE_PORT/v3 | profiles running: $(cat "$STATE/services.list" | tr '\n' ' ')"
log "ready in $(elapsed) s; environment: $STATE/env.sh and $STATE/services.env (also env.json, services.json)"
echo "$STATE/env.sh"
