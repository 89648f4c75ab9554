#!/usr/bin/env bash
# Runs the benchmarks. Without OS_* variables, it runs them under tooling/openstack/with-openstack.sh
# (local Keystone + Swift) when that script exists; pass --no-openstack to skip the Swift parts.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
cmd=("$here/node_modules/.bin/tsx" --conditions=@cloud/source src/main.ts "$@")
wrapper="$root/tooling/openstack/with-openstack.sh"
if [ -z "${OS_AUTH_URL:-}" ] && [ -f "$wrapper" ] && [[ " $* " != *" --no-openstack "* ]]; then
  exec bash "$wrapper" "${cmd[@]}"
fi
exec "${cmd[@]}"
