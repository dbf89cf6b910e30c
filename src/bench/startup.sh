#!/usr/bin/env bash
# Start-up side by side, in one run: this service and the bare Quarkus app (../shared/bench/bare-app),
# each on Java 17, on Java 25 and on Java 25 with its AOT cache, against the same private PostgreSQL
# (../shared/bench/pg.sh). Measured: time from `java` to the first answered request (a public
# catalogue read: GET /api/v1/products?size=1 here, GET /products/1 there; 10 ms polling) and the
# RSS right after it; the median of RUNS starts after one discarded start, the variants alternating.
#
# The service's AOT cache is the one its integration tests trained:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw verify -Paot      (target/quarkus-app/app.aot)
# Its database is migrated beforehand and the service starts with QUARKUS_FLYWAY_MIGRATE_AT_START=false,
# as in k8s/base/deployment.yaml (the init container migrates). The bare app's cache comes from a
# training run as in its own measure.sh (a few requests, then SIGTERM).
# Knobs: RUNS=5; SKIP_BARE_BUILD=1 reuses /tmp/bangfu-bare-aot.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
SHARED=$REPO/../shared/bench
RUNS=${RUNS:-5}
JAVA17=$(command -v java)
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}
JAVA25=$JDK25/bin/java
OUT=$(mktemp -d /tmp/bangfu-startup.XXXX)
SVC_PORT=18180 BARE_PORT=18181
PSQL=(psql -h 127.0.0.1 -p 55432 -U postgres -qAt)

[ -s target/quarkus-app/app.aot ] || { echo "no target/quarkus-app/app.aot: JAVA_HOME=$JDK25 ./mvnw verify -Paot" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }

BASE_URL=$("$SHARED/pg.sh" start | tail -1)
trap '"$SHARED/pg.sh" stop || true' EXIT

# --- the bare app: fast-jar (Java 17/25) and aot-jar with its training run, in a copy of its tree
BARE=/tmp/bangfu-bare-aot
if [ "${SKIP_BARE_BUILD:-0}" != 1 ] || [ ! -s "$BARE/aot/app.aot" ]; then
  rm -rf "$BARE" && mkdir -p "$BARE" && cp -r "$SHARED/bare-app/." "$BARE/src-tree" && rm -rf "$BARE/src-tree/target"
  (cd "$BARE/src-tree" && "$REPO/mvnw" -B -q package -DskipTests >"$OUT/bare-build.log" 2>&1) && cp -r "$BARE/src-tree/target/quarkus-app" "$BARE/jvm"
  (cd "$BARE/src-tree" && JAVA_HOME=$JDK25 "$REPO/mvnw" -B -q package -DskipTests \
      -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot >"$OUT/bare-build-aot.log" 2>&1)
  cp -r "$BARE/src-tree/target/quarkus-app" "$BARE/aot"
fi
"${PSQL[@]}" -c "drop database if exists startup_bare" -c "create database startup_bare owner bench"
"${PSQL[@]}" -c "drop database if exists startup_svc" -c "create database startup_svc owner bench"
BARE_DB=${BASE_URL%/*}/startup_bare SVC_DB=${BASE_URL%/*}/startup_svc

bare_env() { exec env DB_URL="$BARE_DB" DB_USER=bench DB_PASSWORD=bench QUARKUS_HTTP_PORT=$BARE_PORT "$@"; }
svc_env() {
  exec env DB_URL="$SVC_DB" DB_USERNAME=bench DB_PASSWORD=bench PORT=$SVC_PORT QUARKUS_FLYWAY_MIGRATE_AT_START=false \
      MP_JWT_VERIFY_ISSUER=bangfu-dev MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/src/dev/jwt/public.pem" BANGFU_LOG_JSON=false "$@"
}
if [ ! -s "$BARE/aot/app.aot" ]; then # the bare app's training run
  (cd "$BARE/aot" && bare_env "$JAVA25" -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar >"$OUT/bare-training.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/q/health/ready"; do sleep 0.2; done
  for i in $(seq 50); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"name":"aot","priceFen":100,"stock":1}' "http://127.0.0.1:$BARE_PORT/products"
    curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/products/1"
  done
  kill "$(pgrep -f -n "AOTCacheOutput=app.aot")" && wait "$pid" || true
fi
[ -s "$BARE/aot/app.aot" ] || { echo "the bare app's AOT cache was not written; $OUT/bare-training.log" >&2; exit 1; }

# --- the service's schema, migrated once (as the init container does), and one product to read
(svc_env QUARKUS_INIT_AND_EXIT=true QUARKUS_FLYWAY_MIGRATE_AT_START=true "$JAVA17" -jar target/quarkus-app/quarkus-run.jar >"$OUT/migrate.log" 2>&1)
# the bare app's row 1, for its GET /products/1
(cd "$BARE/jvm" && bare_env "$JAVA17" -jar quarkus-run.jar >"$OUT/bare-seed.log" 2>&1) & pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/q/health/ready"; do sleep 0.2; done
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"name":"seed","priceFen":100,"stock":1}' "http://127.0.0.1:$BARE_PORT/products" || true
kill $pid; wait $pid || true

# one start: APP VARIANT -> "ms rss_mib"
one_start() {
  local app=$1 variant=$2 dir cmd url
  if [ "$app" = svc ]; then dir=$REPO/target/quarkus-app; url="http://127.0.0.1:$SVC_PORT/api/v1/products?size=1"
  else dir=$BARE/$([ "$variant" = aot ] && echo aot || echo jvm); url="http://127.0.0.1:$BARE_PORT/products/1"; fi
  case $variant in
    java17) cmd=("$JAVA17" -jar quarkus-run.jar);;
    java25) cmd=("$JAVA25" -XX:AOTMode=off -jar quarkus-run.jar);;
    aot) cmd=("$JAVA25" -XX:AOTMode=on -XX:AOTCache=app.aot -jar quarkus-run.jar);; # on: fail rather than run without it
  esac
  "${app}_env" python3 - "$dir" "$url" "$OUT/$app-$variant.log" "$app" "${cmd[@]}" <<'PY'
import os, subprocess, sys, time, urllib.request
workdir, url, log, app, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
env = dict(os.environ)
t0 = time.monotonic()
p = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=open(log, "a"), stderr=subprocess.STDOUT)
while True:
    try:
        if urllib.request.urlopen(url, timeout=2).status == 200:
            ms = (time.monotonic() - t0) * 1000
            break
    except Exception:
        if p.poll() is not None or time.monotonic() - t0 > 60:
            sys.exit(f"{app} {cmd} did not answer; see {log}")
        time.sleep(0.01)
rss = int(open(f"/proc/{p.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
p.terminate(); p.wait(30)
print(f"{ms:.0f} {rss}")
PY
}

declare -A MS RSS
for variant in java17 java25 aot; do for app in bare svc; do MS[$app-$variant]=""; RSS[$app-$variant]=""; done; done
for run in $(seq 0 "$RUNS"); do
  for variant in java17 java25 aot; do
    for app in bare svc; do
      read -r ms rss < <(one_start "$app" "$variant")
      [ "$run" = 0 ] && continue # warms the page cache
      MS[$app-$variant]+="$ms "; RSS[$app-$variant]+="$rss "
      echo "run $run $app $variant: $ms ms, RSS $rss MiB"
    done
  done
done

# RSS under load, for the pod's memory request and limit: 20 s of wrk -t2 -c32 on the same read (AOT variant)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
declare -A LOADED
for app in bare svc; do
  if [ "$app" = svc ]; then dir=$REPO/target/quarkus-app; url="http://127.0.0.1:$SVC_PORT/api/v1/products?size=1"
  else dir=$BARE/aot; url="http://127.0.0.1:$BARE_PORT/products/1"; fi
  (cd "$dir" && "${app}_env" "$JAVA25" -XX:AOTCache=app.aot -jar quarkus-run.jar >>"$OUT/$app-load.log" 2>&1) & pid=$!
  until curl -sf -o /dev/null "$url"; do sleep 0.1; done
  wrk -t2 -c32 -d20s "$url" >"$OUT/$app-wrk.txt" 2>&1
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  LOADED[$app]="$(awk '/^VmRSS/{printf "%d", $2/1024}' "/proc/$jpid/status") MiB at $(awk '/^Requests\/sec/{printf "%.0f", $2}' "$OUT/$app-wrk.txt") req/s"
  kill "$jpid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo
echo "== start-up to the first answered request, median of $RUNS ($(nproc) cores; logs in $OUT)"
printf '%-24s %12s %12s %12s %12s %10s\n' variant "bare ms" "service ms" "bare RSS" "service RSS" "svc/bare"
for variant in java17 java25 aot; do
  b=$(median <<<"${MS[bare-$variant]}"); s=$(median <<<"${MS[svc-$variant]}")
  br=$(median <<<"${RSS[bare-$variant]}"); sr=$(median <<<"${RSS[svc-$variant]}")
  printf '%-24s %12s %12s %12s %12s %10s\n' "$variant" "$b" "$s" "$br MiB" "$sr MiB" "$(awk -v s="$s" -v b="$b" 'BEGIN{printf "%.2f", s/b}')"
done
echo "RSS after 20 s of wrk -t2 -c32 on that read (Java 25 + AOT): bare ${LOADED[bare]}; service ${LOADED[svc]}"
