#!/usr/bin/env bash
# Installs what the TLS and proxy integration tests of @cloud/core need when it is missing:
# tinyproxy (a real forward proxy the tests start on 127.0.0.1 with their own config and log) and
# the openssl CLI (test certificates are made at test time). Fast and quiet when both are there.
#
#   bash tooling/openstack/ensure-proxy-tools.sh
#
# Needs root to install (as CI and up.sh run). Without root, or when apt fails, it warns and exits
# 0: the tests then skip what needs the missing tool (they fail instead when CI is set).
# It never starts the Debian tinyproxy service; the tests run their own instance.
set -uo pipefail

missing=()
command -v tinyproxy >/dev/null 2>&1 || [ -x /usr/bin/tinyproxy ] || [ -x /usr/sbin/tinyproxy ] || missing+=(tinyproxy)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

warn() { printf 'warning: %s\n' "$*" >&2; }
if [ "$(id -u)" != 0 ]; then
  warn "not root: cannot install ${missing[*]}; the TLS/proxy integration tests that need them are skipped"
  exit 0
fi

printf '==> installing %s (for the TLS/proxy integration tests)\n' "${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The package's maintainer script would start a system-wide tinyproxy on port 8888; keep it off.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
fi
install() { apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/cloud-proxy-tools-apt.log 2>&1; }
if ! install; then
  apt-get update >>/tmp/cloud-proxy-tools-apt.log 2>&1 || true
  install || warn "apt-get install ${missing[*]} failed (see /tmp/cloud-proxy-tools-apt.log)"
fi
[ "$created_policy" = 1 ] && rm -f "$policy"
exit 0
