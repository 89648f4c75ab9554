#!/usr/bin/env bash
# Smoke test of the running local cloud with nothing but curl, python3's standard library and the
# real swift CLI (python3-swiftclient, Keystone v3 auth from env.sh), plus one real operation per
# service beyond Swift that up.sh started (services.env). Run up.sh first, or:
#   bash tooling/openstack/with-openstack.sh bash tooling/openstack/check.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

[ -r "$STATE/env.sh" ] || die "$STATE/env.sh not found: run tooling/openstack/up.sh first"
# shellcheck disable=SC1091
source "$STATE/env.sh"
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
SWIFT=/usr/bin/swift
CURL=(curl -sS --noproxy '*' --max-time 60)

TMP=$(mktemp -d)
C=check-$(date +%s)-$$
TC=check-tempauth-$$
passed=0
failed=0

cleanup() {
  set +e
  $SWIFT delete "$C" >/dev/null 2>&1 &
  $SWIFT delete "${C}_segments" >/dev/null 2>&1 &
  local token url token_headers
  token=$(auth_var RegionOne OS_AUTH_TOKEN 2>/dev/null)
  [ -z "$token" ] || "${CURL[@]}" -o /dev/null -X POST -H "X-Auth-Token: $token" \
    -H 'X-Remove-Account-Meta-Temp-URL-Key: x' "$CLOUD_IT_SWIFT_URL_REGIONONE"
  token_headers=$(tempauth_headers)
  token=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: //p' <<<"$token_headers")
  url=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: //p' <<<"$token_headers")
  if [ -n "$token" ] && [ -n "$url" ]; then
    "${CURL[@]}" -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$url/$TC/hello.txt"
    "${CURL[@]}" -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$url/$TC"
  fi
  wait
  rm -rf "$TMP"
}
trap cleanup EXIT

# check NAME FUNCTION: runs one check, prints ok/FAIL and, on failure, the end of its output.
check() {
  local name=$1 out rc
  shift
  # errexit inside the check (it would be off in an if condition), so any failing step fails it.
  set +e
  out=$(
    set -e
    "$@" 2>&1
  )
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    printf 'ok    %s\n' "$name"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s\n' "$name"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/      /'
  fi
}

fail() {
  echo "$*"
  return 1
}

http_code() { "${CURL[@]}" -o "${2:-/dev/null}" -w '%{http_code}' "${@:3}" "$1"; }

# ---------------------------------------------------------------------------------------------
upload_download() {
  head -c 3145728 /dev/urandom >"$TMP/blob"
  (cd "$TMP" && $SWIFT upload --object-name blob.bin "$C" blob)
  $SWIFT download "$C" blob.bin -o "$TMP/blob.back"
  cmp "$TMP/blob" "$TMP/blob.back"
}

# Keystone token and storage URL of each region, as the swift CLI sees them (swift auth).
auth_var() { sed -n "s/^export $2=//p" "$TMP/auth.$1"; }

large_object() {
  local token url
  head -c 5242880 /dev/urandom >"$TMP/large"
  (cd "$TMP" && $SWIFT upload --use-slo --segment-size 1048576 --object-name large.bin "$C" large)
  token=$(auth_var RegionOne OS_AUTH_TOKEN)
  url=$(auth_var RegionOne OS_STORAGE_URL)
  "${CURL[@]}" -I -H "X-Auth-Token: $token" "$url/$C/large.bin" | grep -qi '^X-Static-Large-Object: True' ||
    fail "large.bin is not a static large object"
  $SWIFT download "$C" large.bin -o "$TMP/large.back"
  cmp "$TMP/large" "$TMP/large.back"
}

regions() {
  local u1 u2
  u1=$(auth_var RegionOne OS_STORAGE_URL)
  u2=$(auth_var RegionTwo OS_STORAGE_URL)
  [ "$u1" = "$CLOUD_IT_SWIFT_URL_REGIONONE" ] || fail "RegionOne storage URL $u1, want $CLOUD_IT_SWIFT_URL_REGIONONE"
  [ "$u2" = "$CLOUD_IT_SWIFT_URL_REGIONTWO" ] || fail "RegionTwo storage URL $u2, want $CLOUD_IT_SWIFT_URL_REGIONTWO"
  $SWIFT --os-region-name RegionOne list | grep -qx "$C" || fail "container $C not listed in RegionOne"
  $SWIFT --os-region-name RegionTwo list | grep -qx "$C" || fail "container $C not listed in RegionTwo"
  echo "RegionOne $u1, RegionTwo $u2"
}

app_credential() {
  env -u OS_USERNAME -u OS_PASSWORD -u OS_PROJECT_NAME -u OS_USER_DOMAIN_NAME -u OS_PROJECT_DOMAIN_NAME \
    $SWIFT --os-auth-type v3applicationcredential \
    --os-application-credential-id "$CLOUD_IT_APP_CRED_ID" \
    --os-application-credential-secret "$CLOUD_IT_APP_CRED_SECRET" list | grep -qx "$C" ||
    fail "application credential could not list $C"
}

tempurl_sig() { # METHOD EXPIRES PATH KEY
  /usr/bin/python3 -c 'import hmac, hashlib, sys
m, e, p, k = sys.argv[1:]
print(hmac.new(k.encode(), f"{m}\n{e}\n{p}".encode(), hashlib.sha256).hexdigest())' "$@"
}

tempurl() {
  local key path expires sig code
  key=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  $SWIFT post -m "Temp-URL-Key:$key"
  path="/v1/AUTH_$CLOUD_IT_PROJECT_ID/$C/blob.bin"
  expires=$(($(date +%s) + 300))
  sig=$(tempurl_sig GET "$expires" "$path" "$key")
  for base in "$CLOUD_IT_SWIFT_PROXY_REGIONONE" "$CLOUD_IT_SWIFT_PROXY_REGIONTWO"; do
    code=$(http_code "$base$path?temp_url_sig=$sig&temp_url_expires=$expires" "$TMP/blob.tempurl")
    [ "$code" = 200 ] || fail "temp URL through $base answered $code"
    cmp "$TMP/blob" "$TMP/blob.tempurl"
  done
  code=$(http_code "$CLOUD_IT_SWIFT_PROXY_REGIONONE$path?temp_url_sig=${sig/a/b}&temp_url_expires=$expires")
  [ "$code" = 401 ] || fail "temp URL with a wrong signature answered $code, want 401"
}

s3_request() { # METHOD PATH OUT: AWS signature v2 with the EC2 credential from Keystone
  local date sig
  date=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
  sig=$(/usr/bin/python3 -c 'import base64, hmac, hashlib, sys
m, d, p, k = sys.argv[1:]
print(base64.b64encode(hmac.new(k.encode(), f"{m}\n\n\n{d}\n{p}".encode(), hashlib.sha1).digest()).decode())' \
    "$1" "$date" "$2" "$CLOUD_IT_S3_SECRET_KEY")
  http_code "$CLOUD_IT_S3_ENDPOINT$2" "$3" -X "$1" -H "Date: $date" -H "Authorization: AWS $CLOUD_IT_S3_ACCESS_KEY:$sig"
}

s3() {
  local code
  code=$(s3_request GET / "$TMP/s3-list")
  [ "$code" = 200 ] || fail "S3 ListBuckets answered $code: $(cat "$TMP/s3-list")"
  grep -q "<Name>$C</Name>" "$TMP/s3-list" || fail "S3 ListBuckets does not list $C: $(cat "$TMP/s3-list")"
  code=$(s3_request GET "/$C/blob.bin" "$TMP/blob.s3")
  [ "$code" = 200 ] || fail "S3 GetObject answered $code"
  cmp "$TMP/blob" "$TMP/blob.s3"
}

tempauth_headers() {
  "${CURL[@]}" -D - -o /dev/null -H "X-Auth-User: $CLOUD_IT_TEMPAUTH_USER" \
    -H "X-Auth-Key: $CLOUD_IT_TEMPAUTH_KEY" "$CLOUD_IT_TEMPAUTH_AUTH_URL" | tr -d '\r'
}

tempauth() {
  local headers code TA_TOKEN TA_URL
  headers=$(tempauth_headers)
  TA_TOKEN=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: //p' <<<"$headers")
  TA_URL=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: //p' <<<"$headers")
  [ -n "$TA_TOKEN" ] && [ "$TA_URL" = "$CLOUD_IT_TEMPAUTH_STORAGE_URL" ] || fail "tempauth: $headers"
  code=$(http_code "$TA_URL/$TC" /dev/null -X PUT -H "X-Auth-Token: $TA_TOKEN")
  [[ $code == 20[12] ]] || fail "tempauth PUT container answered $code"
  code=$(http_code "$TA_URL/$TC/hello.txt" /dev/null -X PUT -H "X-Auth-Token: $TA_TOKEN" --data-binary hello)
  [ "$code" = 201 ] || fail "tempauth PUT object answered $code"
  [ "$("${CURL[@]}" -H "X-Auth-Token: $TA_TOKEN" "$TA_URL/$TC/hello.txt")" = hello ] || fail "tempauth GET"
}

info() {
  local base
  for base in "$CLOUD_IT_SWIFT_PROXY_REGIONONE" "$CLOUD_IT_SWIFT_PROXY_REGIONTWO"; do
    "${CURL[@]}" "$base/info" | /usr/bin/python3 -c 'import json, sys
info = json.load(sys.stdin)
want = "tempurl formpost slo bulk_delete bulk_upload account_quotas container_quotas s3api symlink versioned_writes".split()
missing = [w for w in want if w not in info]
sys.exit("missing in /info: " + " ".join(missing) if missing else 0)'
  done
}

no_identity_v2() {
  local code
  code=$(http_code "http://$HOST:$KEYSTONE_PORT/v2.0/tokens" /dev/null -X POST -H 'Content-Type: application/json' -d '{}')
  [ "$code" = 404 ] || fail "POST /v2.0/tokens answered $code (expected 404: this Keystone serves v3 only)"
}

echo "checking the cloud of $STATE"
for region in RegionOne RegionTwo; do
  $SWIFT --os-region-name "$region" auth >"$TMP/auth.$region" 2>&1 &
done
wait
check "swift upload + download, bytes compared (3 MiB)" upload_download
check "static large object, 1 MiB segments (5 MiB)" large_object
check "catalog: RegionOne -> :$PROXY1_PORT, RegionTwo -> :$PROXY2_PORT, listing in both" regions
check "application credential (swift --os-auth-type v3applicationcredential)" app_credential
check "temp URL (HMAC-SHA256) through both proxies, bad signature refused" tempurl
check "S3 API (s3api + s3token, EC2 credential): list buckets, get object" s3
check "tempauth: auth/v1.0, PUT + GET" tempauth
check "/info lists the middleware" info
check "Identity v2.0 is not served (404)" no_identity_v2

# The services beyond Swift that up.sh started (services.env), one real operation each as the
# demo user through the catalog.
service_smoke() { /usr/bin/python3 "$HERE/lib/services.py" smoke "$1"; }
if [ -r "$STATE/services.env" ]; then
  # shellcheck disable=SC1091
  source "$STATE/services.env"
  IFS=, read -r -a running <<<"${CLOUD_IT_SERVICES:-}"
  for p in "${running[@]+"${running[@]}"}"; do
    case $p in
    image) check "Glance: image upload + download" service_smoke image ;;
    network) check "Neutron: router with external gateway, floating IP" service_smoke network ;;
    block-storage) check "Cinder: volume of the seeded type becomes available" service_smoke block-storage ;;
    dns) check "Designate: zone + recordset become ACTIVE" service_smoke dns ;;
    load-balancer) check "Octavia: load balancer becomes ACTIVE" service_smoke load-balancer ;;
    esac
  done
fi
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
