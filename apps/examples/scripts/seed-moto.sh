#!/usr/bin/env bash
# Integration check of the storage seed: `example:seed --provider amazon` against the local moto
# server, with the full 100 MiB file, so the example cannot rot. The root test:integration runs it
# under tooling/emulators/with-emulators.sh, which starts moto and sets CLOUD_MOTO_ENDPOINT.
# Also checks that --provider azure fails clearly (no @cloud/provider-azure in this build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${CLOUD_MOTO_ENDPOINT:-}" ]; then
  echo "seed-moto.sh: skipped, CLOUD_MOTO_ENDPOINT is not set (bash tooling/emulators/moto.sh start)" >&2
  exit 0
fi
seed() { npx tsx --conditions=@cloud/source src/seed-server.ts "$@"; }
out=$(AWS_ACCESS_KEY_ID= seed --provider amazon --endpoint "$CLOUD_MOTO_ENDPOINT" --size-mib "${SEED_SIZE_MIB:-100}" 2>&1) || {
  echo "$out" >&2
  echo "seed-moto.sh: the amazon storage seed failed" >&2
  exit 1
}
echo "$out"
for expected in 'received .* (100%)' 'sent .* (100%)' 'downloaded the same bytes' 'curl fetched the same bytes' 'deleted seed-'; do
  grep -q "$expected" <<<"$out" || {
    echo "seed-moto.sh: the output lacks \"$expected\"" >&2
    exit 1
  }
done
set +e
azure=$(seed --provider azure 2>&1)
rc=$?
set -e
if [ $rc -ne 2 ] || ! grep -q 'not available in this build' <<<"$azure"; then
  echo "$azure" >&2
  echo "seed-moto.sh: --provider azure should exit 2 naming the missing package (got $rc)" >&2
  exit 1
fi
echo "seed-moto.sh: ok"
