#!/usr/bin/env bash
# Stops the daemons that up.sh started, exactly those recorded in the state directory's PID files:
# TERM, up to 15 s to exit, then KILL. Idempotent. Keeps configuration and data (see reset.sh).
#
#   bash tooling/openstack/down.sh                   # everything
#   bash tooling/openstack/down.sh keystone ...      # only the named services
#   bash tooling/openstack/down.sh --reset           # everything, then wipe the state directory
#   --force: even while with-openstack.sh runs are using the cloud (refused otherwise)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

reset=
force=
names=()
for a in "$@"; do
  case $a in
  --reset) reset=1 ;;
  --force) force=1 ;;
  -h | --help)
    sed -n '2,9p' "$0"
    exit 0
    ;;
  *)
    known=
    for s in "${SERVICES[@]}"; do [ "$s" = "$a" ] && known=1; done
    [ -n "$known" ] || die "unknown service '$a' (known: ${SERVICES[*]})"
    names+=("$a")
    ;;
  esac
done

if [ ! -d "$STATE" ]; then
  echo "nothing to stop: $STATE does not exist"
  exit 0
fi
users=$(live_users | tr '\n' ' ')
if [ -n "$users" ] && [ -z "$force" ]; then
  die "with-openstack.sh run(s) with pid ${users% } are using this cloud right now; wait for them, or add --force"
fi
if [ -n "$reset" ]; then
  [ ${#names[@]} -eq 0 ] || die "--reset stops everything: give no service names with it"
  # Only ever wipe a directory that up.sh made (it always holds up.sh's lock file).
  case $STATE in / | /root | /home | /var | /var/tmp | /tmp | /usr | /etc | "") die "refusing to wipe $STATE" ;; esac
  [ -f "$STATE/.lock" ] || die "$STATE has no .lock file, so up.sh did not make it; not wiping it"
fi
take_lock
stop_services "${names[@]+"${names[@]}"}"
if [ -n "$reset" ]; then
  find "$STATE" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
  echo "wiped $STATE"
fi
