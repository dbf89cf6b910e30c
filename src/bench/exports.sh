#!/usr/bin/env bash
# Export benchmark: 1,000,000 contribution rows as CSV and as XLSX from the packaged
# app (heap capped at 384 MB), rows/s and peak RSS at 100,000 vs 1,000,000 rows,
# against PostgreSQL's own COPY TO STDOUT WITH CSV through psql: of the very statement the
# service ran for the 1M-row CSV (taken from pg_stat_statements), and of the plain query with
# only the ID masked (no yuan, labels or neutralising), printing the ratios.
# Usage: src/bench/exports.sh   (needs: apt-get install -y postgresql postgresql-contrib)
source "$(dirname "$0")/lib.sh"
PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=1000"
export JAVA_OPTS="${JAVA_OPTS:--Xmx384m}"
trap 'stop_app; [ "${KEEP_DB:-0}" = 1 ] || stop_postgres' EXIT
build_app
start_postgres
start_app
echo "== seeding 100,000 households and 1,000,000 contributions (10,000 a day from 2026-01-01)"
psql -q -v ON_ERROR_STOP=1 -o /dev/null <<'SQL'
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'), ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/'),
  ('620826100000', '城关镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826100000/');
insert into region (code, name, level, parent_code, path)
  select '620826100' || lpad(g::text, 3, '0'), '村' || g, 'VILLAGE', '620826100000',
         '/620000/620800/620826/620826100000/620826100' || lpad(g::text, 3, '0') || '/' from generate_series(1, 100) g;
insert into cooperative (id, name, credit_code, kind, region_code, status)
  values (1, '静宁县红果苹果专业合作社', '93620826MA7JNG001T', 'COOPERATIVE', '620826', 'APPROVED');
insert into household (id, code, head_name, id_number, village_code, members, category)
  select g, 'H' || lpad(g::text, 7, '0'), '农户,"' || g || '"', '620826198001010016',
         '620826100' || lpad((1 + g % 100)::text, 3, '0'), 1 + g % 6, 'POVERTY_ALLEVIATED' from generate_series(1, 100000) g;
insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, daily_wage_fen)
  select g, 1, g, 'WAGE', '2026-01-01', 12000 from generate_series(1, 100000) g;
insert into household_change (id, household_id, effective_from, members, category, recorded_by, recorded_at)
  select id, id, null, members, category, 'bench', now() from household;
-- one recording holds the seeded ledger rows (migration V9: every row belongs to one)
insert into recording (id, cooperative_id, kind, source_id, recorded_by, recorded_at)
  values (1, 1, 'WAGE_RECORD', 0, 'bench', now());
insert into contribution (id, household_id, cooperative_id, link_id, mechanism, amount_fen, date, source_type, source_id,
                          recording_id, recorded_by)
  select g, 1 + g % 100000, 1, 1 + g % 100000, 'WAGE', 100 + (g::bigint * 7919) % 20000,
         date '2026-01-01' + (g / 10000)::integer, 'WAGE_RECORD', g, 1, 'bench' from generate_series(0, 999999) g;
select setval('recording_seq', 1000); select setval('household_change_seq', 10000000);
analyze;
create extension if not exists pg_stat_statements;
SQL
TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
URL="http://127.0.0.1:$APP_PORT/api/v1/exports/contributions?regionCode=620826"
peak_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status") / 1024 )); }

# The export's own query, for COPY: same 20 columns, joins, filter and order; the ID masked in SQL,
# nothing else formatted (amounts in fen, the mechanism's name, the instant as PostgreSQL writes it).
copy_rows() {
  local to=$1
  /usr/bin/time -f '%e' psql -qc "\\copy (select c.id, c.date, h.code, h.head_name,
      overlay(h.id_number placing '********' from 7 for 8), h.village_code, c.cooperative_id, co.name, c.mechanism,
      c.amount_fen, c.source_type, c.source_id, c.link_id, c.reversal_of, c.recording_id, c.recorded_by,
      c.created_at, c.reason, c.asset_ref, c.asset_name
    from contribution c join household h on h.id = c.household_id join region v on v.code = h.village_code
    join cooperative co on co.id = c.cooperative_id
    where v.path like '/620000/620800/620826/%' and c.date between '2026-01-01' and '$to'
    order by c.date, c.id) to stdout with csv" 2>&1 >/dev/null | tail -1
}

warm_up() { # the JIT warms up on two 100,000-row exports of the format about to be measured
  for _ in 1 2; do curl -s -o /dev/null -H "authorization: Bearer $TOKEN" "$URL&from=2026-01-01&to=2026-01-10&format=$1"; done
}
warm_up csv
printf '%-6s %10s %10s %12s %10s %14s\n' format rows seconds rows/s MB "peak RSS MiB"
for format in csv xlsx; do
  for to in 2026-01-10 2026-04-10; do
    rows=$([ "$to" = 2026-01-10 ] && echo 100000 || echo 1000000)
    r=$(curl -s -o /tmp/bangfu-export.$format -w '%{http_code} %{time_total} %{size_download}' \
      -H "authorization: Bearer $TOKEN" "$URL&from=2026-01-01&to=$to&format=$format")
    read -r code seconds bytes <<<"$r"
    [ "$code" = 200 ] || { echo "export failed: $r"; exit 1; }
    printf '%-6s %10s %10s %12s %10s %14s\n' "$format" "$rows" "$seconds" \
      "$(awk -v r="$rows" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')" "$((bytes / 1048576))" "$(peak_mb)"
  done
  if [ "$format" = csv ]; then
    echo "   data rows in the 1M CSV: $(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open("/tmp/bangfu-export.csv", encoding="utf-8-sig"))))') - 1 ))"
    stop_app; start_app   # a fresh JVM for XLSX, so its peak is its own
    warm_up xlsx
  fi
done
copy_rows 2026-04-10 >/dev/null # the same warm cache as the exports
for to in 2026-01-10 2026-04-10; do
  rows=$([ "$to" = 2026-01-10 ] && echo 100000 || echo 1000000)
  seconds=$(copy_rows "$to")
  printf '%-6s %10s %10s %12s\n' "COPY q" "$rows" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')"
done
# the service's own statement for the 1M-row CSV, as PostgreSQL recorded it
psql -qAt -c "select query from pg_stat_statements where query ilike 'copy (select%' and query like '%2026-04-10%'
              order by total_exec_time desc limit 1" > /tmp/bangfu-export-copy.sql
[ -s /tmp/bangfu-export-copy.sql ] || { echo "the service's COPY statement was not recorded"; exit 1; }
psql -qc "$(cat /tmp/bangfu-export-copy.sql)" >/dev/null # warm
seconds=$( { /usr/bin/time -f '%e' psql -qc "$(cat /tmp/bangfu-export-copy.sql)" >/dev/null; } 2>&1 | tail -1)
printf '%-6s %10s %10s %12s\n' "COPY s" 1000000 "$seconds" "$(awk -v s="$seconds" 'BEGIN {printf "%.0f", 1000000 / s}')"
echo "COPY q: the export's query, ID masked, nothing else formatted; COPY s: the statement the service sent for the 1M CSV"
echo "service CSV / COPY s: the relay's own cost; service CSV / COPY q: with what formatting the cells costs PostgreSQL"
rm -f /tmp/bangfu-export.csv /tmp/bangfu-export.xlsx /tmp/bangfu-export-copy.sql
