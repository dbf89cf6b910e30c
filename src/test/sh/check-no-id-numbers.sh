#!/usr/bin/env bash
# Grep-able proof that no full resident ID number (GB 11643) left the service
# during the test suite: not in any HTTP response the tests received
# (target/http-responses.log, written by ResponseRecorder) and not in any log
# line of the service (target/service-test.log for @QuarkusTest, set in the pom, and
# target/quarkus.log for the packaged artifact under @QuarkusIntegrationTest).
set -euo pipefail
cd "$(dirname "$0")/../../.."

ID_PATTERN='[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]'
files=()
for f in target/http-responses.log target/service-test.log* target/quarkus.log; do
  [ -f "$f" ] && files+=("$f")
done
for f in target/http-responses.log target/service-test.log target/quarkus.log; do
  if [ ! -s "$f" ]; then
    echo "check-no-id-numbers: $f is missing or empty: nothing was checked" >&2
    exit 1
  fi
done
# Both services must have logged: the test-profile one and the packaged artifact.
grep -q "Profile test activated" target/service-test.log && grep -q "Profile prod activated" target/quarkus.log || {
  echo "check-no-id-numbers: a service log lacks its start line; the scan would be incomplete" >&2
  exit 1
}
# The check must have seen households at all: masked numbers prove it.
masked=$(grep -cE '[0-9]{6}\*{8}[0-9]{3}[0-9X]' target/http-responses.log || true)
if [ "$masked" -eq 0 ]; then
  echo "check-no-id-numbers: no masked ID number in the responses; the check saw no household" >&2
  exit 1
fi
# Digits inside longer digit runs (ids, timestamps) are not ID numbers: require non-digit borders.
if grep -nE "(^|[^0-9])${ID_PATTERN}([^0-9]|$)" "${files[@]}"; then
  echo "check-no-id-numbers: FULL RESIDENT ID NUMBERS FOUND in the lines above" >&2
  exit 1
fi
echo "check-no-id-numbers: scanned ${files[*]} ($masked masked numbers seen): no full ID number"
