#!/usr/bin/env bash
# Order placement and product read benchmark against the packaged app on a local
# PostgreSQL: POST /api/v1/orders (a fresh Idempotency-Key per request, one line of
# 1 unit of a random product among PRODUCTS, default 100) and GET /api/v1/products/{id}.
# PRODUCTS=1: every order takes stock of the same product, whose row lock then sets the pace
# (a campaign's one featured product; the shared side-by-side script's order load).
# Usage: [STATEMENTS=1] [PRODUCTS=1] src/bench/orders.sh   (needs: apt-get install -y wrk postgresql)
# STATEMENTS=1 also lists what PostgreSQL ran during the order load (pg_stat_statements).
source "$(dirname "$0")/lib.sh"
need wrk wrk
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
PRODUCTS="${PRODUCTS:-100}"
trap 'stop_app; stop_postgres' EXIT
build_app
start_postgres
start_app
psql -q <<SQL
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'), ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/'), ('120000', '天津市', 'PROVINCE', null, '/120000/'),
  ('120100', '市辖区', 'CITY', '120000', '/120000/120100/'), ('120114', '武清区', 'COUNTY', '120100', '/120000/120100/120114/');
insert into cooperative (id, name, credit_code, kind, region_code, status)
  values (1, '静宁县红果苹果专业合作社', '93620826MA7JNG001T', 'COOPERATIVE', '620826', 'APPROVED');
insert into product (id, cooperative_id, name, category, unit, price_fen, stock, household_share_bp, certifications, status)
  select g, 1, '静宁苹果' || g, 'FRUIT', '箱', 5990, 100000000, 1000, '{}', 'ACTIVE' from generate_series(1, $PRODUCTS) g;
insert into buyer (id, name, kind, region_code) values (1, '武清区总工会', 'TRADE_UNION', '120114');
SQL
TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["buyer"],"buyer_id":1}')
cat > /tmp/bangfu-bench-order.lua <<LUA
local counter = 0
local thread_id = 0
function setup(thread) thread_id = thread_id + 1; thread:set("tid", thread_id) end
function init(args) math.randomseed(os.time() + tid) end
request = function()
  counter = counter + 1
  local body = '{"buyerId":1,"lines":[{"productId":' .. math.random(1, $PRODUCTS) .. ',"quantity":1}]}'
  return wrk.format("POST", "/api/v1/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $TOKEN",
    ["Idempotency-Key"] = "bench-" .. tid .. "-" .. counter .. "-" .. os.time()
  }, body)
end
LUA
cat > /tmp/bangfu-bench-get.lua <<LUA
request = function() return wrk.format("GET", "/api/v1/products/" .. math.random(1, $PRODUCTS)) end
LUA
wrk -t2 -c"$CONNECTIONS" -d5s -s /tmp/bangfu-bench-order.lua "http://127.0.0.1:$APP_PORT" >/dev/null
statements_reset
echo "== POST /api/v1/orders (1 line, random product of $PRODUCTS), wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
wrk_measure -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s /tmp/bangfu-bench-order.lua "http://127.0.0.1:$APP_PORT"
ORDER_RPS=$WRK_RPS
statements_top 8
echo "== orders stored: $(psql -tAc 'select count(*) from consumption_order'), stock taken: $(psql -tAc "select $PRODUCTS * 100000000::bigint - sum(stock) from product")"
echo "== GET /api/v1/products/{id}, wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
wrk_measure -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s /tmp/bangfu-bench-get.lua "http://127.0.0.1:$APP_PORT"
GET_RPS=$WRK_RPS
echo "== RSS $(app_rss_mb) MiB"
pgbench_yardstick
ratio "POST /orders" "$ORDER_RPS" "$PGBENCH_TPCB_TPS" "pgbench tpcb-like"
ratio "GET /products/{id}" "$GET_RPS" "$PGBENCH_S_TPS" "pgbench -S"
