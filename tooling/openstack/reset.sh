#!/usr/bin/env bash
# Stops every daemon of the local cloud and wipes its state directory (Keystone database, keys,
# Swift rings and data, logs, env files). The next up.sh starts from scratch, minus the packages.
# Refused while with-openstack.sh runs are using the cloud, unless given --force.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/down.sh" --reset "$@"
