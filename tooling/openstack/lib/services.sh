# shellcheck shell=bash disable=SC2034
# The OpenStack services beyond Keystone and Swift (sourced by up.sh after common.sh): MariaDB,
# RabbitMQ, Placement, Glance, Neutron, Nova (fake driver), Cinder (fake driver), Designate (fake
# backend) and Octavia (noop drivers), from Debian's python3-<service> packages, each daemon a
# plain background process on 127.0.0.1 started from the package's own Python entry point.

# The Debian packages the services need, beyond Keystone's and Swift's.
SERVICE_PACKAGES=(mariadb-server mariadb-client rabbitmq-server erlang-base python3-pymysql openssl
  python3-placement python3-glance python3-nova python3-neutron python3-cinder python3-designate python3-octavia)

# Debian ships each service's stock api-paste.ini in its <service>-common package, whose
# maintainer scripts (dbconfig-common, init scripts) are not wanted here: those files are taken
# from the downloaded .debs instead of installing them.
PASTE_DEBS=(nova-common glance-common neutron-common cinder-common designate-common)

DB_USER=openstack

# The services' generated passwords, added to secrets.env on first use.
ensure_service_secrets() {
  local f=$STATE/secrets.env v
  for v in DB_PASSWORD NOVA_PASSWORD PLACEMENT_PASSWORD GLANCE_PASSWORD NEUTRON_PASSWORD CINDER_PASSWORD \
    DESIGNATE_PASSWORD OCTAVIA_PASSWORD; do
    grep -q "^$v=" "$f" 2>/dev/null || echo "$v=$(gen_secret)" >>"$f"
  done
  # shellcheck disable=SC1090
  source "$f"
}

db_url() { echo "mysql+pymysql://$DB_USER:$DB_PASSWORD@$HOST:$MARIADB_PORT/$1?charset=utf8"; }
# RabbitMQ's default user, which it only admits over loopback.
rabbit_url() { echo "rabbit://guest:guest@$HOST:$RABBIT_PORT/"; }

# authtoken NAME PASSWORD: the [keystone_authtoken] block every API validates tokens with.
authtoken() {
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = http://$HOST:$KEYSTONE_PORT/v3
auth_url = http://$HOST:$KEYSTONE_PORT/v3
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = $1
password = $2
interface = public
region_name = RegionOne
memcached_servers = $HOST:$MEMCACHED_PORT
service_token_roles_required = true
EOF
}

# service_auth SECTION NAME PASSWORD: password auth as a service user, for outbound calls.
service_auth() {
  cat <<EOF
[$1]
auth_type = password
auth_url = http://$HOST:$KEYSTONE_PORT/v3
project_domain_id = default
user_domain_id = default
project_name = service
username = $2
password = $3
region_name = RegionOne
EOF
}

# launcher NAME MODULE PYFLAGS ARGS...: $ETC/bin/NAME runs MODULE's main() with Debian's python3
# (the packages' console scripts live in the <service>-api/-common packages, not installed here).
launcher() {
  local name=$1 module=$2 flags=$3
  shift 3
  mkdir -p "$ETC/bin"
  put "$ETC/bin/$name" <<EOF
#!/bin/sh
exec $PY $flags -c 'import sys; from $module import main; sys.argv[0] = "$name"; sys.exit(main())' $* "\$@"
EOF
  chmod 700 "$ETC/bin/$name"
}

# The stock api-paste.ini files (see PASTE_DEBS), fetched once per package version.
fetch_paste_files() {
  local d=$STATE/debs p missing=()
  for p in "${PASTE_DEBS[@]}"; do
    [ -s "$ETC/paste/$p.ini" ] || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  mkdir -p "$d" "$ETC/paste"
  (cd "$d" && apt-get download -q "${missing[@]}") >>"$LOGS/apt.log" 2>&1 || {
    log_tail "$LOGS/apt.log" 10
    die "apt-get download ${missing[*]} failed (their api-paste.ini files are needed)"
  }
  for p in "${missing[@]}"; do
    local deb x
    deb=$(ls -t "$d/${p}_"*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || die "no .deb for $p in $d"
    x=$(mktemp -d)
    dpkg-deb -x "$deb" "$x"
    local ini
    ini=$(find "$x/usr/share/$p" -maxdepth 1 -name '*api-paste.ini' | head -1)
    [ -n "$ini" ] || die "$deb holds no api-paste.ini"
    cp "$ini" "$ETC/paste/$p.ini"
    rm -rf "$x"
  done
}

# A throw-away CA and client certificate for Octavia's certificate options (never used on the
# wire with the noop drivers, but Octavia reads them).
octavia_certs() {
  local d=$STATE/octavia/certs
  [ -s "$d/client.pem" ] && return 0
  mkdir -p "$d"
  (
    cd "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj /CN=cloud-it-octavia-ca
    openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=cloud-it-octavia-client
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.crt -days 3650
    cat client.crt client.key >client.pem
  ) >>"$LOGS/octavia-certs.log" 2>&1 || die "openssl failed (see $LOGS/octavia-certs.log)"
  chmod 600 "$d"/*.key "$d/client.pem"
}

write_service_configs() {
  mkdir -p "$ETC"/{bin,mariadb,rabbitmq,placement,glance,neutron,nova,cinder,designate,octavia} \
    "$STATE"/{mariadb,rabbitmq,glance/images,glance/staging,nova/instances,neutron,cinder/volumes,octavia,lock}
  local lock="[oslo_concurrency]
lock_path = $STATE/lock"

  # MariaDB: one server, one database per service.
  put "$ETC/mariadb/my.cnf" <<EOF
[mysqld]
user = root
datadir = $STATE/mariadb
socket = $RUN/mariadb.sock
pid-file = $STATE/mariadb/mariadbd.pid
bind-address = $HOST
port = $MARIADB_PORT
skip-name-resolve
character-set-server = utf8
collation-server = utf8_general_ci
max_connections = 1000
innodb_buffer_pool_size = 256M
innodb_flush_log_at_trx_commit = 2
innodb_doublewrite = 0
skip-log-bin
EOF

  put "$ETC/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.default = $HOST:$RABBIT_PORT
log.console = true
log.console.level = warning
log.file = false
EOF
  put "$ETC/rabbitmq/enabled_plugins" <<<'[].'
  put "$ETC/bin/rabbitmq" <<EOF
#!/bin/sh
export HOME=$STATE/rabbitmq
export RABBITMQ_CONFIG_FILE=$ETC/rabbitmq/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$ETC/rabbitmq/enabled_plugins
export RABBITMQ_MNESIA_BASE=$STATE/rabbitmq/mnesia
export RABBITMQ_LOG_BASE=$LOGS/rabbitmq
export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=$HOST
export RABBITMQ_NODE_PORT=$RABBIT_PORT
export RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT
export RABBITMQ_PID_FILE=$STATE/rabbitmq/rabbitmq.pid
export ERL_EPMD_ADDRESS=$HOST
export ERL_EPMD_PORT=$EPMD_PORT
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
exec /usr/lib/rabbitmq/bin/rabbitmq-server
EOF
  chmod 700 "$ETC/bin/rabbitmq"
  put "$ETC/bin/rabbitmqctl" <<EOF
#!/bin/sh
export HOME=$STATE/rabbitmq RABBITMQ_NODENAME=rabbit@localhost ERL_EPMD_ADDRESS=$HOST ERL_EPMD_PORT=$EPMD_PORT
exec /usr/lib/rabbitmq/bin/rabbitmqctl "\$@"
EOF
  chmod 700 "$ETC/bin/rabbitmqctl"

  # Placement (uwsgi, like Keystone).
  put "$ETC/placement/placement.conf" <<EOF
[DEFAULT]
debug = false
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement)
$(authtoken placement "$PLACEMENT_PASSWORD")
EOF
  put "$ETC/placement/wsgi.py" <<EOF
import os
os.environ['OS_PLACEMENT_CONFIG_DIR'] = '$ETC/placement'
from placement.wsgi import init_application
application = init_application()
EOF
  put "$ETC/placement/uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = $HOST:$PLACEMENT_PORT
wsgi-file = $ETC/placement/wsgi.py
master = true
processes = 1
threads = 4
die-on-term = true
need-app = true
buffer-size = 65535
EOF

  # Glance: file store, one worker.
  put "$ETC/glance/glance-api.conf" <<EOF
[DEFAULT]
bind_host = $HOST
bind_port = $GLANCE_PORT
workers = 1
use_stderr = true
node_staging_uri = file://$STATE/glance/staging
image_cache_dir = $STATE/glance/cache
enabled_import_methods = [glance-direct,web-download]
[database]
connection = $(db_url glance)
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $STATE/glance/images
[paste_deploy]
flavor = keystone
config_file = $ETC/paste/glance-common.ini
$(authtoken glance "$GLANCE_PASSWORD")
$lock
EOF

  # Neutron: ML2 without agents; ports bind through the `test` mechanism driver (from Debian's
  # python3-neutron), which binds on the host named host-ovs-filter-active (Nova's host name).
  put "$ETC/neutron/neutron.conf" <<EOF
[DEFAULT]
bind_host = $HOST
bind_port = $NEUTRON_PORT
auth_strategy = keystone
core_plugin = ml2
service_plugins = router
allow_overlapping_ips = true
api_workers = 1
rpc_workers = 0
rpc_state_report_workers = 0
use_stderr = true
state_path = $STATE/neutron
api_paste_config = $ETC/paste/neutron-common.ini
transport_url = $(rabbit_url)
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
dhcp_agent_notification = false
[database]
connection = $(db_url neutron)
$(authtoken neutron "$NEUTRON_PASSWORD")
$(service_auth nova nova "$NOVA_PASSWORD")
endpoint_type = public
$lock
[ml2]
type_drivers = flat,vxlan
tenant_network_types = vxlan
mechanism_drivers = test
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
firewall_driver = noop
EOF

  # Nova: fake virt driver, on a host whose name the Neutron test driver binds ports to.
  put "$ETC/nova/nova.conf" <<EOF
[DEFAULT]
host = host-ovs-filter-active
my_ip = $HOST
compute_driver = fake.FakeDriver
transport_url = $(rabbit_url)
state_path = $STATE/nova
instances_path = $STATE/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = $NOVA_PORT
osapi_compute_workers = 1
allow_resize_to_same_host = true
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
use_stderr = true
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $ETC/paste/nova-common.ini
[api_database]
connection = $(db_url nova_api)
[database]
connection = $(db_url nova)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
[filter_scheduler]
enabled_filters = ComputeFilter,AvailabilityZoneFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter
$(authtoken nova "$NOVA_PASSWORD")
$(service_auth placement placement "$PLACEMENT_PASSWORD")
valid_interfaces = public
$(service_auth neutron neutron "$NEUTRON_PASSWORD")
valid_interfaces = public
[glance]
region_name = RegionOne
valid_interfaces = public
$(service_auth cinder nova "$NOVA_PASSWORD")
os_region_name = RegionOne
# Cinder lets only Nova delete an attachment Nova made (a user's own request gets 409
# ConflictNovaUsingAttachment): Nova proves it with a service token next to the user's.
$(service_auth service_user nova "$NOVA_PASSWORD")
send_service_user_token = true
[vnc]
enabled = false
[spice]
enabled = false
[serial_console]
enabled = false
[os_vif_ovs]
ovsdb_connection = tcp:$HOST:6640
[notifications]
notification_format = unversioned
[oslo_messaging_notifications]
driver = noop
$lock
EOF

  # Cinder: the fake LVM driver from python3-cinder's tests.
  put "$ETC/cinder/cinder.conf" <<EOF
[DEFAULT]
osapi_volume_listen = $HOST
osapi_volume_listen_port = $CINDER_PORT
osapi_volume_workers = 1
auth_strategy = keystone
transport_url = $(rabbit_url)
state_path = $STATE/cinder
api_paste_config = $ETC/paste/cinder-common.ini
enabled_backends = fake
default_volume_type = cloud-it-fake
host = cloud-it
my_ip = $HOST
use_stderr = true
glance_api_servers = http://$HOST:$GLANCE_PORT
[database]
connection = $(db_url cinder)
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
volumes_dir = $STATE/cinder/volumes
$(authtoken cinder "$CINDER_PASSWORD")
$(service_auth nova cinder "$CINDER_PASSWORD")
interface = public
[oslo_messaging_notifications]
driver = noop
$lock
EOF

  # Designate: fake backend; the pool's nameserver is designate-mdns itself.
  put "$ETC/designate/designate.conf" <<EOF
[DEFAULT]
transport_url = $(rabbit_url)
use_stderr = true
state_path = $STATE/designate
root_helper = sudo
[service:api]
listen = $HOST:$DESIGNATE_PORT
api_base_uri = http://$HOST:$DESIGNATE_PORT/
auth_strategy = keystone
api_paste_config = $ETC/paste/designate-common.ini
enable_api_v2 = true
enable_api_admin = true
enabled_extensions_admin = quotas, reports
workers = 1
[service:central]
workers = 1
[service:worker]
workers = 1
poll_delay = 1
poll_retry_interval = 1
[service:producer]
workers = 1
[service:mdns]
listen = $HOST:$DESIGNATE_MDNS_PORT
workers = 1
[storage:sqlalchemy]
connection = $(db_url designate)
$(authtoken designate "$DESIGNATE_PASSWORD")
[oslo_messaging_notifications]
driver = noop
$lock
EOF
  put "$ETC/designate/pools.yaml" <<EOF
- name: default
  description: Local pool (fake backend; designate-mdns is its nameserver)
  attributes: {}
  ns_records:
    - hostname: ns1.cloud-it.test.
      priority: 1
  nameservers:
    - host: $HOST
      port: $DESIGNATE_MDNS_PORT
  targets:
    - type: fake
      description: fake backend
      masters:
        - host: $HOST
          port: $DESIGNATE_MDNS_PORT
      options:
        host: $HOST
        port: $DESIGNATE_MDNS_PORT
EOF

  # Octavia: the amphora provider with every noop driver, and a throw-away CA.
  octavia_certs
  local certs=$STATE/octavia/certs
  put "$ETC/octavia/octavia.conf" <<EOF
[DEFAULT]
transport_url = $(rabbit_url)
use_stderr = true
[api_settings]
bind_host = $HOST
bind_port = $OCTAVIA_PORT
auth_strategy = keystone
[database]
connection = $(db_url octavia)
[controller_worker]
amphora_driver = amphora_noop_driver
compute_driver = compute_noop_driver
network_driver = network_noop_driver
volume_driver = volume_noop_driver
image_driver = image_noop_driver
client_ca = $certs/ca.pem
loadbalancer_topology = SINGLE
workers = 1
[certificates]
ca_certificate = $certs/ca.pem
ca_private_key = $certs/ca.key
[haproxy_amphora]
client_cert = $certs/client.pem
server_ca = $certs/ca.pem
[health_manager]
bind_ip = $HOST
heartbeat_key = cloud-it-heartbeat
[oslo_messaging]
topic = octavia_prov
$(authtoken octavia "$OCTAVIA_PASSWORD")
$(service_auth service_auth octavia "$OCTAVIA_PASSWORD")
$lock
EOF

  local n=$ETC/nova/nova.conf
  launcher nova-api nova.cmd.api '' --config-file "$n"
  launcher nova-conductor nova.cmd.conductor '' --config-file "$n"
  launcher nova-scheduler nova.cmd.scheduler '' --config-file "$n"
  launcher nova-compute nova.cmd.compute '' --config-file "$n"
  launcher nova-manage nova.cmd.manage '' --config-file "$n"
  launcher placement-manage placement.cmd.manage '' --config-file "$ETC/placement/placement.conf"
  launcher glance-api glance.cmd.api '' --config-file "$ETC/glance/glance-api.conf"
  launcher glance-manage glance.cmd.manage '' --config-file "$ETC/glance/glance-api.conf"
  # -O: the test mechanism driver's asserts trip on the real port update flow otherwise.
  launcher neutron-server neutron.cmd.eventlet.server -O --config-file "$ETC/neutron/neutron.conf"
  launcher neutron-db-manage neutron.db.migration.cli '' --config-file "$ETC/neutron/neutron.conf"
  local c=$ETC/cinder/cinder.conf
  launcher cinder-api cinder.cmd.api '' --config-file "$c"
  launcher cinder-scheduler cinder.cmd.scheduler '' --config-file "$c"
  launcher cinder-volume cinder.cmd.volume '' --config-file "$c"
  launcher cinder-manage cinder.cmd.manage '' --config-file "$c"
  local d=$ETC/designate/designate.conf s
  for s in api central worker producer mdns manage; do
    launcher "designate-$s" "designate.cmd.$s" '' --config-file "$d"
  done
  launcher octavia-api octavia.cmd.api '' --config-file "$ETC/octavia/octavia.conf"
  launcher octavia-worker octavia.cmd.octavia_worker '' --config-file "$ETC/octavia/octavia.conf"
  launcher octavia-db-manage octavia.db.migration.cli '' --config-file "$ETC/octavia/octavia.conf"
}

sql() { mariadb --defaults-file=/dev/null --socket="$RUN/mariadb.sock" -uroot -N -B "$@"; }
mariadb_up() { sql -e 'SELECT 1' >/dev/null; }

# MariaDB's data directory, once.
mariadb_init() {
  [ -e "$STATE/mariadb/.initialized" ] && return 0
  log "creating MariaDB's data directory"
  rm -rf "$STATE/mariadb" && mkdir -p "$STATE/mariadb"
  mariadb-install-db --defaults-file="$ETC/mariadb/my.cnf" --auth-root-authentication-method=socket \
    --skip-test-db >>"$LOGS/mariadb-install.log" 2>&1 || {
    log_tail "$LOGS/mariadb-install.log"
    die "mariadb-install-db failed"
  }
  touch "$STATE/mariadb/.initialized"
}

# The databases and the user every service connects as; then each service's schema, all in
# parallel, each once (a stamp per database).
DB_JOBS=()
db_create() {
  local dbs=(placement glance neutron nova_api nova nova_cell0 cinder designate octavia) q="" db
  for db in "${dbs[@]}"; do q+="CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8;"; done
  q+="CREATE USER IF NOT EXISTS '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';"
  q+="ALTER USER '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';"
  q+="GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'$HOST';"
  sql -e "$q" >>"$LOGS/mariadb-install.log" 2>&1 || fail_service mariadb "refused creating the databases"
}

# db_sync NAME CMD...: runs CMD in the background unless NAME's schema is already done.
db_sync() {
  local name=$1
  shift
  [ -e "$STATE/mariadb/.schema-$name" ] && return 0
  (
    printf '\n==== %s: %s\n' "$(date -u +%FT%TZ)" "$*"
    "$@" && touch "$STATE/mariadb/.schema-$name"
  ) >>"$LOGS/db-sync-$name.log" 2>&1 9>&- &
  DB_JOBS+=("$name:$!")
}

nova_db_sync() {
  local m=$ETC/bin/nova-manage
  local cells
  $m api_db sync
  # Output captured, not piped into grep -q: under pipefail an early grep exit can fail the pipe.
  cells=$($m cell_v2 list_cells 2>/dev/null || true)
  [[ $cells == *" cell0 "* ]] || $m cell_v2 map_cell0 --database_connection "$(db_url nova_cell0)"
  [[ $cells == *" cell1 "* ]] || $m cell_v2 create_cell --name cell1 --verbose
  $m db sync
}

# Designate's pool (fake target, designate-mdns as nameserver) goes in through designate-central
# over RPC, so after central is up, and before the worker starts: the worker reads the pool once.
designate_pool() {
  local stamp
  stamp=$(md5sum <"$ETC/designate/pools.yaml" | cut -d" " -f1)
  [ "$(cat "$STATE/designate/.pool" 2>/dev/null || true)" = "$stamp" ] && return 0
  "$ETC/bin/designate-manage" pool update --file "$ETC/designate/pools.yaml" >>"$LOGS/designate-manage.log" 2>&1 || {
    log_tail "$LOGS/designate-manage.log"
    die "designate-manage pool update failed"
  }
  mkdir -p "$STATE/designate"
  echo "$stamp" >"$STATE/designate/.pool"
  # A worker that read the pool before this update would keep the old one.
  stop_services designate-worker >/dev/null
}

db_syncs_start() {
  local p
  for p in "$@"; do
    case $p in
    placement) db_sync placement "$ETC/bin/placement-manage" db sync ;;
    image) db_sync glance "$ETC/bin/glance-manage" db_sync ;;
    network) db_sync neutron "$ETC/bin/neutron-db-manage" upgrade heads ;;
    compute) db_sync nova nova_db_sync ;;
    block-storage) db_sync cinder "$ETC/bin/cinder-manage" db sync ;;
    dns) db_sync designate "$ETC/bin/designate-manage" database sync ;;
    load-balancer) db_sync octavia "$ETC/bin/octavia-db-manage" upgrade head ;;
    esac
  done
}

db_syncs_wait() {
  local j name pid failed=()
  for j in "${DB_JOBS[@]+"${DB_JOBS[@]}"}"; do
    name=${j%%:*} pid=${j#*:}
    wait "$pid" 2>/dev/null || true
    [ -e "$STATE/mariadb/.schema-$name" ] || failed+=("$name")
  done
  DB_JOBS=()
  if [ ${#failed[@]} -gt 0 ]; then
    for name in "${failed[@]}"; do log_tail "$LOGS/db-sync-$name.log" 25; done
    die "database set-up failed for ${failed[*]} (logs: $LOGS/db-sync-*.log)"
  fi
}

# http_up URL: the API answers (any status below 500: a version document, or 401 without a token).
http_up() {
  local code
  code=$(curl -sS --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' "$1") || return 1
  [ "$code" -ge 200 ] && [ "$code" -lt 500 ]
}

# Nova's compute host is in a cell and its resource provider has inventory in Placement.
nova_host_ready() {
  [ "$(sql -e "SELECT COUNT(*) FROM nova.compute_nodes WHERE deleted = 0" 2>/dev/null)" -ge 1 ] || return 1
  if [ "$(sql -e "SELECT COUNT(*) FROM nova_api.host_mappings" 2>/dev/null)" -lt 1 ]; then
    "$ETC/bin/nova-manage" cell_v2 discover_hosts >>"$LOGS/nova-manage.log" 2>&1 || return 1
    [ "$(sql -e "SELECT COUNT(*) FROM nova_api.host_mappings" 2>/dev/null)" -ge 1 ] || return 1
  fi
  [ "$(sql -e "SELECT COUNT(*) FROM placement.inventories" 2>/dev/null)" -ge 1 ]
}

# Keystone entries for the selected profiles: once per set of inputs.
keystone_services() {
  local stamp
  stamp=$( (cat "$OPENSTACK_TOOLING_DIR/lib/services.py" "$STATE/secrets.env" && echo "$*" &&
    stat -c %Y "$STATE/keystone/.bootstrapped") | md5sum | cut -d" " -f1)
  [ "$(cat "$STATE/keystone/.services-setup" 2>/dev/null || true)" = "$stamp" ] && return 0
  $PY "$OPENSTACK_TOOLING_DIR/lib/services.py" keystone "$@" >>"$LOGS/setup.log" 2>&1 || {
    log_tail "$LOGS/setup.log"
    fail_service keystone "refused the service users or endpoints"
  }
  tail -n 1 "$LOGS/setup.log"
  echo "$stamp" >"$STATE/keystone/.services-setup"
}

# api_check NAME: the readiness check of a daemon.
api_check() {
  case $1 in
  epmd) echo "port_open $EPMD_PORT" ;;
  rabbitmq) echo "port_open $RABBIT_PORT" ;;
  placement) echo "http_up http://$HOST:$PLACEMENT_PORT/" ;;
  glance) echo "http_up http://$HOST:$GLANCE_PORT/" ;;
  neutron) echo "http_up http://$HOST:$NEUTRON_PORT/" ;;
  nova-api) echo "http_up http://$HOST:$NOVA_PORT/" ;;
  nova-compute) echo "nova_host_ready" ;;
  cinder-api) echo "http_up http://$HOST:$CINDER_PORT/" ;;
  cinder-volume) echo "cinder_backend_up" ;;
  designate-api) echo "http_up http://$HOST:$DESIGNATE_PORT/" ;;
  designate-mdns) echo "port_open $DESIGNATE_MDNS_PORT" ;;
  octavia-api) echo "http_up http://$HOST:$OCTAVIA_PORT/" ;;
  *) echo "service_running $1" ;;
  esac
}

# Cinder's fake backend has reported itself up to the scheduler's database.
cinder_backend_up() {
  [ "$(sql -e "SELECT COUNT(*) FROM cinder.services WHERE deleted = 0 AND \`binary\` = 'cinder-volume' AND disabled = 0" 2>/dev/null)" -ge 1 ]
}

# Starts the selected profiles' daemons (MariaDB, RabbitMQ and the schemas are under way), waits
# until each answers, then seeds and checks them through the catalog.
services_up() {
  local t=$SECONDS p s slow=$TIMEOUT
  # First starts of Nova and Neutron import a lot of Python on two cores.
  [ "$slow" -ge 240 ] || slow=240
  keystone_services "${EXTRA[@]}"
  if [ ${#DB_JOBS[@]} -gt 0 ]; then
    log "waiting for the database schemas (${DB_JOBS[*]%%:*})"
    db_syncs_wait
    log "schemas ready after $((SECONDS - t)) s"
    echo "$(date -u +%FT%TZ) schemas ready in $((SECONDS - t)) s" >>"$LOGS/timings.log"
  fi
  t=$SECONDS
  wait_ready mariadb mariadb_up
  for p in "${EXTRA[@]}"; do
    for s in $(profile_services "$p"); do
      [ "$s" = designate-worker ] || start_service "$s"
    done
  done
  record_started
  [ ${#STARTED[@]} -eq 0 ] || log "started ${STARTED[*]}"
  local old=$TIMEOUT
  TIMEOUT=$slow
  for s in $(profile_services infra); do
    # shellcheck disable=SC2046
    wait_ready "$s" $(api_check "$s")
  done
  for p in "${EXTRA[@]}"; do
    for s in $(profile_services "$p"); do
      [ "$s" != designate-worker ] || continue
      # shellcheck disable=SC2046
      wait_ready "$s" $(api_check "$s")
      echo "$(date -u +%FT%TZ) $s ready $((SECONDS - t)) s after the services' start" >>"$LOGS/timings.log"
    done
  done
  if selected dns; then
    designate_pool
    start_service designate-worker
    record_started
    wait_ready designate-worker service_running designate-worker
  fi
  TIMEOUT=$old
  log "services answer after $((SECONDS - t)) s"
  $PY "$OPENSTACK_TOOLING_DIR/lib/services.py" seed "${EXTRA[@]}" >>"$LOGS/setup.log" 2>&1 || {
    log_tail "$LOGS/setup.log"
    die "seeding failed (see $LOGS/setup.log and the services' logs in $LOGS)"
  }
  tail -n 1 "$LOGS/setup.log"
  local deadline=$((SECONDS + TIMEOUT)) out rc
  until out=$($PY "$OPENSTACK_TOOLING_DIR/lib/services.py" verify "${EXTRA[@]}" 2>&1); do
    rc=$?
    if [ $rc = 2 ] || [ $SECONDS -ge $deadline ]; then
      echo "$out" >&2
      die "a service failed its check through the catalog (logs in $LOGS)"
    fi
    sleep 1
  done
  echo "$out"
}

# services.list: the profiles whose daemons all run now; services.env from it.
running_profiles() {
  local p s ok list=()
  for p in "${PROFILES[@]}"; do
    ok=1
    for s in $(profile_services "$p"); do service_running "$s" || ok=; done
    [ -z "$ok" ] || list+=("$p")
  done
  printf '%s\n' "${list[@]+"${list[@]}"}" >"$STATE/services.list"
  $PY "$OPENSTACK_TOOLING_DIR/lib/services.py" env
}
