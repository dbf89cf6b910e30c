#!/usr/bin/env bash
# Cost growth (issue 13 §5): the same requests on one county of 20 townships x 50 villages,
# seeded by SQL with 10,000 and then 1,000,000 households (20 ledger rows each, a monitoring
# line for 2026), each request timed by curl, median of 10 after one warm-up, and the growth
# between the two sizes. Each size runs on a fresh database and a fresh JVM.
# Usage: [SIZES="10000 1000000"] src/bench/growth.sh   (needs: apt-get install -y postgresql)
source "$(dirname "$0")/lib.sh"
trap 'stop_app; [ "${KEEP_DB:-0}" = 1 ] || stop_postgres' EXIT
build_app
SIZES="${SIZES:-10000 1000000}"
RESULTS=/tmp/bangfu-growth.tsv
: > "$RESULTS"

seed() { # $1 households
  psql -q -v ON_ERROR_STOP=1 -v n="$1" -o /dev/null <<'SQL'
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'), ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/');
insert into region (code, name, level, parent_code, path)
  select '620826' || lpad(t::text, 3, '0') || '000', '镇' || t, 'TOWNSHIP', '620826',
         '/620000/620800/620826/620826' || lpad(t::text, 3, '0') || '000/' from generate_series(1, 20) t;
insert into region (code, name, level, parent_code, path)
  select '620826' || lpad(t::text, 3, '0') || lpad(v::text, 3, '0'), '村' || t || '-' || v, 'VILLAGE',
         '620826' || lpad(t::text, 3, '0') || '000',
         '/620000/620800/620826/620826' || lpad(t::text, 3, '0') || '000/620826' || lpad(t::text, 3, '0')
         || lpad(v::text, 3, '0') || '/'
  from generate_series(1, 20) t, generate_series(1, 50) v;
insert into cooperative (id, name, credit_code, kind, region_code, status)
  values (1, '静宁县红果苹果专业合作社', '93620826MA7JNG001T', 'COOPERATIVE', '620826', 'APPROVED');
-- household g lives in village (g mod 1000): 1..20 townships x 1..50 villages
insert into household (id, code, head_name, id_number, village_code, members, category)
  select g, 'H' || lpad(g::text, 8, '0'), '农户' || g, '620826198001010016',
         '620826' || lpad((1 + g % 1000 / 50)::text, 3, '0') || lpad((1 + g % 50)::text, 3, '0'),
         1 + g % 6, 'POVERTY_ALLEVIATED' from generate_series(1, :n) g;
insert into benefit_link (id, cooperative_id, household_id, mechanism, valid_from, daily_wage_fen)
  select g, 1, g, 'WAGE', '2026-01-01', 12000 from generate_series(1, :n) g;
insert into household_change (id, household_id, effective_from, members, category, recorded_by, recorded_at)
  select id, id, null, members, category, 'bench', now() from household;
insert into recording (id, cooperative_id, kind, source_id, recorded_by, recorded_at)
  values (1, 1, 'WAGE_RECORD', 0, 'bench', now());
insert into monitoring_line (province_code, year, per_capita_fen) values ('620000', 2026, 78000);
SQL
  # 20 ledger rows per household (row g for household 1 + g mod n), all of a slice of 50,000
  # households in one INSERT: the roll-up triggers run once per statement and write each
  # household's year figures once per statement, so a slice of households, not of rows, per statement
  local slice=50000 first=0
  while [ "$first" -lt "$1" ]; do
    psql -q -v ON_ERROR_STOP=1 -o /dev/null -c "
      insert into contribution (id, household_id, cooperative_id, link_id, mechanism, amount_fen, date, source_type,
                                source_id, recording_id, recorded_by)
      select g, 1 + g % $1, 1, 1 + g % $1, 'WAGE', 100 + (g::bigint * 7919) % 20000,
             date '2026-01-01' + (g / $1 * 15 + g % 11)::integer, 'WAGE_RECORD', g, 1, 'bench'
      from generate_series(0, 19) k, generate_series($first, least($first + $slice, $1) - 1) r,
           lateral (select k::bigint * $1 + r as g) x"
    first=$(( first + slice ))
  done
  psql -q -o /dev/null -c "select setval('recording_seq', 1000); select setval('household_change_seq', 100000000);
    select setval('household_seq', 100000000); select setval('benefit_link_seq', 100000000);
    select setval('contribution_seq', 100000000); select setval('cooperative_seq', 1000)" -c "vacuum analyze"
}

median_ms() { # $1 label, $2 path: median of 10 after one warm-up, in ms
  local times=()
  curl -s -o /dev/null -H "authorization: Bearer $TOKEN" "$URL$2"
  for _ in $(seq 10); do
    r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "authorization: Bearer $TOKEN" "$URL$2")
    [ "${r%% *}" = 200 ] || { echo "$1 failed: $r"; exit 1; }
    times+=("${r#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%.1f", (a[5] + a[6]) / 2 * 1000}'
}

for n in $SIZES; do
  start_postgres
  start_app
  echo "== seeding $n households, $(( n * 20 )) contributions"
  seed_start=$(date +%s)
  seed "$n"
  echo "   seeded in $(( $(date +%s) - seed_start )) s"
  TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
  URL="http://127.0.0.1:$APP_PORT/api/v1"
  mid=$(( n / 2 ))
  for row in "household income|/households/$mid/income?year=2026" \
             "contributions of a household, page 0|/contributions?householdId=$mid" \
             "at-risk, county, page 0|/households/at-risk?regionCode=620826&year=2026" \
             "at-risk, county, page 100|/households/at-risk?regionCode=620826&year=2026&page=100" \
             "at-risk, village, page 0|/households/at-risk?regionCode=620826001001&year=2026" \
             "alerts, county, page 0|/households/alerts?regionCode=620826&year=2026" \
             "region report, county|/reports/regions?regionCode=620826&year=2026"; do
    label=${row%%|*}
    ms=$(median_ms "$label" "${row#*|}")
    printf '%s\t%s\t%s\n' "$n" "$label" "$ms" | tee -a "$RESULTS"
  done
  stop_app # the next size's start_postgres begins afresh; KEEP_DB=1 keeps the last one running
done
echo "== growth (median ms; the last size over the first)"
python3 - "$RESULTS" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sizes = sorted({int(r[0]) for r in rows})
by = collections.OrderedDict()
for n, label, ms in rows:
    by.setdefault(label, {})[int(n)] = float(ms)
print("| request | " + " | ".join(f"{s:,} households" for s in sizes) + " | growth |")
print("|---|" + "---|" * (len(sizes) + 1))
for label, v in by.items():
    g = v[sizes[-1]] / v[sizes[0]] if len(sizes) > 1 and v.get(sizes[0]) else float("nan")
    print(f"| {label} | " + " | ".join(f"{v.get(s, float('nan')):,.1f} ms" for s in sizes) + f" | {g:.1f} × |")
PY
