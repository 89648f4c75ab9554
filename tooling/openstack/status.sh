#!/usr/bin/env bash
# Tells which daemons of the local cloud are running. Exit 0 if Keystone and every daemon of the
# profiles up.sh last started (services.list) are, 1 otherwise.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
want=" $(profile_services identity) "
profiles=()
[ ! -r "$STATE/services.list" ] || mapfile -t profiles <"$STATE/services.list"
for p in "${profiles[@]+"${profiles[@]}"}"; do
  want+="$(profile_services "$p") "
  [ "$p" = object-store ] || want+="$(profile_services infra) "
done
rc=0
for s in "${SERVICES[@]}"; do
  port=$(service_port "$s")
  if pid=$(service_pid "$s"); then
    printf '%-24s running  pid %-8s %s\n' "$s" "$pid" "${port:+$HOST:$port}"
  elif [[ $want == *" $s "* ]]; then
    printf '%-24s stopped\n' "$s"
    rc=1
  else
    printf '%-24s -\n' "$s"
  fi
done
echo "profiles: ${profiles[*]:-(none)}; state: $STATE"
exit $rc
