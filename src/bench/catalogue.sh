#!/usr/bin/env bash
# Catalogue read benchmark: GET /products/{id} and catalogue searches, against
# the packaged app on a local PostgreSQL with 10,000 products (PRODUCTS=100000 for more).
# Usage: [PRODUCTS=100000] src/bench/catalogue.sh   (needs: apt-get install -y wrk postgresql)
source "$(dirname "$0")/lib.sh"
need wrk wrk
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
PRODUCTS="${PRODUCTS:-10000}"
WARMUP="${WARMUP:-5s}"

trap 'stop_app; [ "${KEEP_DB:-0}" = 1 ] || stop_postgres' EXIT
build_app
start_postgres
start_app   # runs the Flyway migrations on the empty database

psql -q <<SQL
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'),
  ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/');
insert into cooperative (id, name, credit_code, kind, region_code, status)
  select g, '合作社' || g, lpad(g::text, 18, '0'), 'COOPERATIVE', '620826', 'APPROVED' from generate_series(1, 100) g;
insert into product (id, cooperative_id, name, category, unit, price_fen, stock, household_share_bp, brand, certifications, status)
  select g, 1 + g % 100, case when g % 2 = 0 then '静宁苹果' else '平凉红牛' end || g,
         case when g % 2 = 0 then 'FRUIT' else 'LIVESTOCK' end, '箱', 1000 + g, 1000, 1000,
         case when g % 1000 = 0 then '庄浪' else '静宁' end,
         '{GEO_INDICATION}', 'ACTIVE' from generate_series(1, $PRODUCTS) g;
-- as autovacuum would before long: flushes the trigram indexes' pending lists (GIN fastupdate),
-- which every search otherwise scans whole
vacuum analyze;
SQL

cat > /tmp/bangfu-bench-get.lua <<LUA
PRODUCTS = $PRODUCTS
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/products/" .. math.random(1, PRODUCTS))
end
LUA

# Each search is warmed on its own before it is measured: on a cold path the JVM's first seconds
# (JIT) gave the broad search a p99 of 1.45 s over its first 3 s, and 99-144 ms after that.
search_measure() {
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$1" >/dev/null
  wrk_measure -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1"
}

echo "== warm-up"
wrk -t2 -c"$CONNECTIONS" -d5s -s /tmp/bangfu-bench-get.lua "http://127.0.0.1:$APP_PORT" >/dev/null
echo "== GET /api/v1/products/{id} (random of $PRODUCTS), wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
wrk_measure -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s /tmp/bangfu-bench-get.lua "http://127.0.0.1:$APP_PORT"
GET_RPS=$WRK_RPS
echo "== GET /api/v1/products?q=苹果&regionCode=620000&size=20, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
search_measure \
  "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E8%8B%B9%E6%9E%9C&regionCode=620000&size=20"
BROAD_RPS=$WRK_RPS
echo "   matching: $(curl -s "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E8%8B%B9%E6%9E%9C&size=1" | grep -o '"total":[0-9]*')"
# five characters, one product in about 2,000 (静宁苹果123, 静宁苹果1230, …)
echo "== GET /api/v1/products?q=苹果123&size=20, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
search_measure \
  "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E8%8B%B9%E6%9E%9C123&size=20"
NARROW_RPS=$WRK_RPS
echo "   matching: $(curl -s "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E8%8B%B9%E6%9E%9C123&size=1" | grep -o '"total":[0-9]*')"
# two characters, then one, one product in 1,000 (brand 庄浪): no trigram; V22's index answers them
echo "== GET /api/v1/products?q=庄浪&size=20, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
search_measure \
  "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E5%BA%84%E6%B5%AA&size=20"
PAIR_RPS=$WRK_RPS
echo "   matching: $(curl -s "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E5%BA%84%E6%B5%AA&size=1" | grep -o '"total":[0-9]*')"
# the same two characters within the county of every cooperative: V26's statistics keep the planner
# from looping over the county's cooperatives, once per cooperative through the gram index
echo "== GET /api/v1/products?q=庄浪&regionCode=620826&size=20, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
search_measure \
  "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E5%BA%84%E6%B5%AA&regionCode=620826&size=20"
PAIR_REGION_RPS=$WRK_RPS
echo "== GET /api/v1/products?q=浪&size=20, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
search_measure \
  "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E6%B5%AA&size=20"
ONE_RPS=$WRK_RPS
echo "   matching: $(curl -s "http://127.0.0.1:$APP_PORT/api/v1/products?q=%E6%B5%AA&size=1" | grep -o '"total":[0-9]*')"
pgbench_yardstick
ratio "GET /products/{id}" "$GET_RPS" "$PGBENCH_S_TPS" "pgbench -S"
ratio "search q=浪 (one character, narrow)" "$ONE_RPS" "$PGBENCH_S_TPS" "pgbench -S"
ratio "search q=庄浪 (two characters, narrow)" "$PAIR_RPS" "$PGBENCH_S_TPS" "pgbench -S"
ratio "search q=庄浪 in the county (narrow, by region)" "$PAIR_REGION_RPS" "$PGBENCH_S_TPS" "pgbench -S"
ratio "search q=苹果 (broad)" "$BROAD_RPS" "$PGBENCH_S_TPS" "pgbench -S"
ratio "search q=苹果123 (narrow)" "$NARROW_RPS" "$PGBENCH_S_TPS" "pgbench -S"
echo "== first request answered ${STARTUP_MS} ms after launch (empty database, migrations included); RSS now $(app_rss_mb) MiB"
