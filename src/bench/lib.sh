#!/usr/bin/env bash
# Shared helpers for the benchmark scripts: a throw-away local PostgreSQL
# (Debian's server binaries, run as the postgres user) and the packaged app.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/../.." && pwd)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
PG_PORT="${PG_PORT:-55432}"
PG_DATA="${PG_DATA:-/tmp/bangfu-bench-pg}"
APP_PORT="${APP_PORT:-18080}"
APP_LOG="${APP_LOG:-/tmp/bangfu-bench-app.log}"
# another build to compare with, side by side: APP_JAR=/tmp/main-before/quarkus-app/quarkus-run.jar
APP_JAR="${APP_JAR:-$PROJECT_DIR/target/quarkus-app/quarkus-run.jar}"
export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres PGDATABASE=bangfu

# STATEMENTS=1 (import.sh, orders.sh, income.sh): what PostgreSQL ran, by pg_stat_statements,
# statements inside functions and triggers included.
[ "${STATEMENTS:-0}" = 1 ] && PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all ${PG_OPTIONS:-}"
statements_reset() {
  [ "${STATEMENTS:-0}" = 1 ] || return 0
  psql -qc "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
}
statements_top() { # $1 rows to list
  [ "${STATEMENTS:-0}" = 1 ] || return 0
  psql -c "select calls, round(total_exec_time::numeric) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
             left(regexp_replace(query, '\s+', ' ', 'g'), 100) as statement from pg_stat_statements
           where dbid = (select oid from pg_database where datname = 'bangfu') and query not like '%pg_stat_statements%'
           order by total_exec_time desc limit ${1:-12}"
}

need() { command -v "$1" >/dev/null || { echo "missing $1: apt-get install -y $2" >&2; exit 1; }; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  stop_postgres
  rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -k /tmp -c max_connections=200 -c shared_buffers=512MB ${PG_OPTIONS:-}" start >/dev/null
  psql -d postgres -qc "create database bangfu"
}

stop_postgres() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null || true
  fi
}

build_app() {
  if [ ! -f "$PROJECT_DIR/target/quarkus-app/quarkus-run.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    (cd "$PROJECT_DIR" && ./mvnw -q package -DskipTests)
  fi
}

# Starts the packaged (prod) app; sets APP_PID, and STARTUP_MS to the milliseconds
# from launch to the first answered request.
start_app() {
  local start_ns end_ns
  start_ns=$(date +%s%N)
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bangfu" DB_USERNAME=postgres DB_PASSWORD= \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PROJECT_DIR/src/dev/jwt/public.pem" MP_JWT_VERIFY_ISSUER=bangfu-dev \
  PORT="$APP_PORT" java ${JAVA_OPTS:-} -jar "$APP_JAR" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/api/v1/products?size=1"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $APP_LOG" >&2; exit 1; }
    sleep 0.05
  done
  end_ns=$(date +%s%N)
  STARTUP_MS=$(( (end_ns - start_ns) / 1000000 ))
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
}

# RSS of the app in MiB.
app_rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 )); }

# Runs wrk with the given arguments and prints its throughput, p50, p99 and non-2xx lines; sets
# WRK_RPS to the requests per second, for ratios.
wrk_measure() {
  local out
  out=$(wrk "$@")
  echo "$out" | grep -E "Requests/sec|99%|50%|Non-2xx"
  WRK_RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
}

# The yardstick on the same PostgreSQL, right after the service's loads: pgbench -S (one indexed
# SELECT per transaction) and tpcb-like (five statements, three UPDATEs and an INSERT), scale 10,
# -c$CONNECTIONS -j2 for PGBENCH_SECONDS (15). Sets PGBENCH_S_TPS and PGBENCH_TPCB_TPS.
pgbench_yardstick() {
  local secs="${PGBENCH_SECONDS:-15}"
  psql -d postgres -qc "drop database if exists pgbench" -c "create database pgbench"
  pgbench -q -i -s 10 pgbench >/dev/null 2>&1
  PGBENCH_S_TPS=$(pgbench -n -S -c"$CONNECTIONS" -j2 -T"$secs" pgbench 2>/dev/null | awk '/^tps/ {print $3}')
  PGBENCH_TPCB_TPS=$(pgbench -n -c"$CONNECTIONS" -j2 -T"$secs" pgbench 2>/dev/null | awk '/^tps/ {print $3}')
  echo "== pgbench on the same server, -c$CONNECTIONS -j2 -T$secs: -S $PGBENCH_S_TPS tps, tpcb-like $PGBENCH_TPCB_TPS tps"
}

# "name = 0.42 × pgbench -S" from two rates.
ratio() { awk -v a="$2" -v b="$3" -v n="$1" -v w="$4" 'BEGIN { printf "   %s = %.3f × %s\n", n, a / b, w }'; }
