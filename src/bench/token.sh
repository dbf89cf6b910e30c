#!/usr/bin/env bash
# Prints a JWT signed with the development key (RS256), for benchmarks against the
# packaged app (which has no /dev/token). Usage: token.sh '{"groups":["bureau"],"region_code":"000000"}'
set -euo pipefail
KEY="$(cd "$(dirname "$0")/../dev/jwt" && pwd)/private.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
claims="${1:-{\}}"
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '%s' "$claims" | sed -E "s/^\{/{\"iss\":\"bangfu-dev\",\"sub\":\"bench\",\"iat\":$now,\"exp\":$((now + 43200)),/; s/,\}$/}/")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
