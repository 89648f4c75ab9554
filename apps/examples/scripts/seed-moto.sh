#!/usr/bin/env bash
# Integration check of the storage seed: `example:seed --provider amazon` against the local moto
# server, with the full 100 MiB file, so the example cannot rot. The root test:integration runs it
# under tooling/emulators/with-emulators.sh, which starts moto and Azurite and sets CLOUD_MOTO_ENDPOINT.
# Then the same seed with --provider azure against the local Azurite (with-emulators.sh sets
# CLOUD_AZURITE_BLOB_ENDPOINT).
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
if [ -n "${CLOUD_AZURITE_BLOB_ENDPOINT:-}" ]; then
  out=$(seed --provider azure --endpoint "$CLOUD_AZURITE_BLOB_ENDPOINT" --size-mib "${SEED_SIZE_MIB:-100}" 2>&1) || {
    echo "$out" >&2
    echo "seed-moto.sh: the azure storage seed failed" >&2
    exit 1
  }
  echo "$out"
  for expected in 'received .* (100%)' 'sent .* (100%)' 'downloaded the same bytes' 'curl fetched the same bytes' 'deleted seed-'; do
    grep -q "$expected" <<<"$out" || {
      echo "seed-moto.sh: the azure output lacks \"$expected\"" >&2
      exit 1
    }
  done
elif [ -n "${CI:-}" ]; then
  echo "seed-moto.sh: CLOUD_AZURITE_BLOB_ENDPOINT is not set in CI (tooling/emulators/with-emulators.sh sets it)" >&2
  exit 1
fi
echo "seed-moto.sh: ok"
