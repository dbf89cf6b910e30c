#!/usr/bin/env bash
# Income engine benchmark against the packaged app on a local PostgreSQL:
#  - delivering an order line whose cooperative has 1,000 SALES_SHARE households,
#  - a dividend across 20,000 households,
#  - the at-risk list and the alerts over 100,000 households and 2,000,000 contributions.
# Usage: [STATEMENTS=1] src/bench/income.sh   (needs: apt-get install -y postgresql)
# STATEMENTS=1 also lists what PostgreSQL ran for the deliveries and for the dividends.
source "$(dirname "$0")/lib.sh"
trap 'stop_app; [ "${KEEP_DB:-0}" = 1 ] || stop_postgres' EXIT
build_app
start_postgres
start_app
echo "== seeding 100,000 households, 121,000 links and 2,000,000 contributions"
seed_start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -o /dev/null <<'SQL'
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'), ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/'),
  ('620826100000', '城关镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826100000/'),
  ('120000', '天津市', 'PROVINCE', null, '/120000/'), ('120100', '市辖区', 'CITY', '120000', '/120000/120100/'),
  ('120114', '武清区', 'COUNTY', '120100', '/120000/120100/120114/');
insert into region (code, name, level, parent_code, path)
  select '620826100' || lpad(g::text, 3, '0'), '村' || g, 'VILLAGE', '620826100000',
         '/620000/620800/620826/620826100000/620826100' || lpad(g::text, 3, '0') || '/'
  from generate_series(1, 100) g;
insert into cooperative (id, name, credit_code, kind, region_code, status)
  select g, '合作社' || g, lpad(g::text, 18, '0'), 'COOPERATIVE', '620826', 'APPROVED' from generate_series(1, 3) g;
insert into product (id, cooperative_id, name, category, unit, price_fen, stock, household_share_bp, certifications, status)
  values (1, 1, '静宁苹果', 'FRUIT', '箱', 5990, 100000000, 1000, '{}', 'ACTIVE');
insert into buyer (id, name, kind, region_code) values (1, '武清区总工会', 'TRADE_UNION', '120114');
insert into household (id, code, head_name, id_number, village_code, members, category)
  select g, 'H' || lpad(g::text, 7, '0'), '农户' || g, '620826198001010000', '620826100' || lpad((1 + g % 100)::text, 3, '0'),
         1 + g % 6, 'POVERTY_ALLEVIATED' from generate_series(1, 100000) g;
insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, weight)
  select g, 1, g, 'SALES_SHARE', '2026-01-01', 1 + g % 5 from generate_series(1, 1000) g;
insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, weight)
  select 1000 + g, 2, g, 'DIVIDEND', '2026-01-01', 1 + g % 7 from generate_series(1, 20000) g;
insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, daily_wage_fen)
  select 21000 + g, 3, g, 'WAGE', '2026-01-01', 12000 from generate_series(1, 100000) g;
insert into household_change (id, household_id, effective_from, members, category, recorded_by, recorded_at)
  select id, id, null, members, category, 'bench', now() from household;
-- a tenth of the households changed size in July: their 2026 figures use the new size
insert into household_change (id, household_id, effective_from, members, category, recorded_by, recorded_at)
  select 1000000 + id, id, date '2026-07-01', 1 + (members + 2) % 6, null, 'bench', now()
  from household where id % 10 = 0;
update household set members = 1 + (members + 2) % 6, changed = true where id % 10 = 0; -- as the service keeps them
-- one recording holds the seeded ledger rows (migration V9: every row belongs to one)
insert into recording (id, cooperative_id, kind, source_id, recorded_by, recorded_at)
  values (1, 3, 'WAGE_RECORD', 0, 'bench', now());
insert into contribution (id, household_id, cooperative_id, link_id, mechanism, amount_fen, date, source_type, source_id,
                          recording_id, recorded_by)
  select g, 1 + g % 100000, 3, 21001 + g % 100000, 'WAGE', 100 + (g::bigint * 7919) % 20000,
         date '2026-01-01' + (g % 300), 'WAGE_RECORD', g, 1, 'bench' from generate_series(1, 2000000) g;
-- the year before, for INCOME_DROP: other income only
insert into household_other_income (household_id, year, amount_fen)
  select g, 2025, (g::bigint * 7919) % 1500000 from generate_series(1, 100000) g;
insert into monitoring_line (province_code, year, per_capita_fen) values ('620000', 2026, 78000);
select setval('recording_seq', 1000); select setval('household_change_seq', 10000000);
select setval('household_seq', 1000000); select setval('benefit_link_seq', 1000000);
select setval('contribution_seq', 10000000); select setval('cooperative_seq', 1000);
select setval('product_seq', 1000); select setval('buyer_seq', 1000);
analyze;
SQL
# a province's first line of a year gives every household a row of it; moving a line writes nothing
timed_sql() { psql -tA -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]* ms'; }
echo "   first line of 2027 (100,000 households): $(timed_sql "insert into monitoring_line (province_code, year,
  per_capita_fen) values ('620000', 2027, 80000)")"
echo "   moving the 2026 line and back: $(timed_sql "update monitoring_line set per_capita_fen = 78500 where year = 2026"),
  $(timed_sql "update monitoring_line set per_capita_fen = 78000 where year = 2026")"
echo "   seeded in $(( $(date +%s) - seed_start )) s; at-risk households: $(psql -tAc "
  select count(*) from household h cross join lateral household_on(h, date '2026-12-31') m
  left join (select household_id, sum(amount_fen) s from household_year_income
  where year = 2026 group by 1) i on i.household_id = h.id where floor(coalesce(i.s, 0)::numeric / m.members) < 78000")"

BUYER=$("$BENCH_DIR/token.sh" '{"groups":["buyer"],"buyer_id":1}')
COOP1=$("$BENCH_DIR/token.sh" '{"groups":["cooperative"],"cooperative_id":1}')
COOP2=$("$BENCH_DIR/token.sh" '{"groups":["cooperative"],"cooperative_id":2}')
BUREAU=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
URL="http://127.0.0.1:$APP_PORT/api/v1"
post() { curl -s -o /tmp/bangfu-bench.out -w '%{http_code} %{time_total}' -XPOST -H "authorization: Bearer $1" \
  -H 'content-type: application/json' "${@:3}" "$URL$2"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

statements_reset
echo "== deliver an order line shared by 1,000 SALES_SHARE households (10 runs; the first warms up)"
times=()
for i in $(seq 1 11); do
  id=$(curl -s -XPOST -H "authorization: Bearer $BUYER" -H 'content-type: application/json' -H "Idempotency-Key: d$i" \
    -d '{"buyerId":1,"lines":[{"productId":1,"quantity":3}]}' "$URL/orders" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  post "$COOP1" "/orders/$id/confirm" >/dev/null; post "$COOP1" "/orders/$id/ship" >/dev/null
  r=$(post "$BUYER" "/orders/$id/deliver")
  [ "${r% *}" = 200 ] || { echo "deliver failed: $r $(cat /tmp/bangfu-bench.out)"; exit 1; }
  [ "$i" -gt 1 ] && times+=("${r#* }")
done
echo "   median $(printf '%s\n' "${times[@]}" | median) s, max $(printf '%s\n' "${times[@]}" | sort -n | tail -1) s;" \
  "rows per delivery: $(psql -tAc "select count(*) / 11 from contribution where source_type = 'ORDER_LINE'")"

statements_top 10
echo "== dividend across 20,000 households (3 runs)"
statements_reset
for i in 1 2 3; do
  r=$(post "$COOP2" "/cooperatives/2/dividends" -H "Idempotency-Key: dividend-$i" \
    -d "{\"amountFen\":123456789,\"date\":\"2026-06-2$i\",\"note\":\"bench\"}")
  echo "   HTTP ${r% *} in ${r#* } s, $(grep -o '"amountFen"' /tmp/bangfu-bench.out | wc -l) rows, $(stat -c %s /tmp/bangfu-bench.out) bytes"
done

statements_top 14

# Times a bureau list: page 0 and page 100, the median of 10 runs after a warm-up.
time_pages() {
  for page in 0 100; do
    times=()
    for i in $(seq 1 11); do
      t=$(curl -s -o /tmp/bangfu-bench.out -w '%{time_total}' -H "authorization: Bearer $BUREAU" "$URL/$1&page=$page&size=20")
      [ "$i" -gt 1 ] && times+=("$t")
    done
    echo "   page $page: median $(printf '%s\n' "${times[@]}" | median) s; $(grep -o '"total":[0-9]*' /tmp/bangfu-bench.out)"
  done
}
echo "== at-risk list of 620826 for 2026 (100,000 households), 10 runs each"
time_pages "households/at-risk?regionCode=620826&year=2026"
echo "== alerts of 620826 for 2026 (100,000 households, members as of 31 December of 2026 and 2025), 10 runs each"
time_pages "households/alerts?regionCode=620826&year=2026"
echo "== RSS $(app_rss_mb) MiB"
