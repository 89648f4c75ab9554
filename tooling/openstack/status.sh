#!/usr/bin/env bash
# Tells which daemons of the local cloud are running. Exit 0 if all are, 1 otherwise.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
rc=0
for s in "${SERVICES[@]}"; do
  port=$(service_port "$s")
  if pid=$(service_pid "$s"); then
    printf '%-24s running  pid %-8s %s\n' "$s" "$pid" "${port:+$HOST:$port}"
  else
    printf '%-24s stopped\n' "$s"
    rc=1
  fi
done
echo "state: $STATE"
exit $rc
