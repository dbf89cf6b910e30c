#!/usr/bin/env bash
# Bulk-import benchmark: a 10,000-row household roster (CSV) and a 10,000-row
# link list, each POSTed once to the packaged app on a local PostgreSQL.
# Usage: src/bench/import.sh [rows]   (needs: apt-get install -y postgresql)
source "$(dirname "$0")/lib.sh"
ROWS="${1:-10000}"
trap 'stop_app; stop_postgres' EXIT
build_app
start_postgres
start_app
psql -q <<'SQL'
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'),
  ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/'),
  ('620826100000', '城关镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826100000/');
insert into region (code, name, level, parent_code, path)
  select '620826100' || lpad(g::text, 3, '0'), '村' || g, 'VILLAGE', '620826100000',
         '/620000/620800/620826/620826100000/620826100' || lpad(g::text, 3, '0') || '/'
  from generate_series(1, 50) g;
insert into cooperative (id, name, credit_code, kind, region_code, status)
  values (1, '静宁县红果苹果专业合作社', '93620826MA7JNG001T', 'COOPERATIVE', '620826', 'APPROVED');
SQL

work=$(mktemp -d)
python3 - "$ROWS" "$work" <<'PY'
import random, sys
rows, work = int(sys.argv[1]), sys.argv[2]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]; C = "10X98765432"
random.seed(1)
with open(f"{work}/households.csv", "w", encoding="utf-8") as f:
    f.write("\ufeff户编码,户主姓名,身份证号,村代码,家庭人口,户类别,联系电话\n")
    for i in range(rows):
        first = "620826%04d%02d%02d%03d" % (random.randint(1950, 1999), random.randint(1, 12), random.randint(1, 28), random.randint(0, 999))
        idn = first + C[sum(int(a) * w for a, w in zip(first, W)) % 11]
        f.write(f"H{i:07d},农户{i},{idn},620826100{1 + i % 50:03d},{1 + i % 6},脱贫户,139{i:08d}\n")
with open(f"{work}/links.csv", "w", encoding="utf-8") as f:
    f.write("householdCode,cooperativeId,mechanism,validFrom,weight\n")
    for i in range(rows):
        f.write(f"H{i:07d},1,SALES_SHARE,2026-01-01,{1 + i % 5}\n")
PY
TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
for kind in households links; do
  size=$(stat -c %s "$work/$kind.csv")
  result=$(curl -s -o "$work/$kind.out" -w '%{http_code} %{time_total}' -XPOST \
    -H "authorization: Bearer $TOKEN" -H 'content-type: text/csv; charset=UTF-8' \
    --data-binary @"$work/$kind.csv" "http://127.0.0.1:$APP_PORT/api/v1/$kind/import")
  echo "== POST /api/v1/$kind/import: $ROWS rows, $size bytes -> HTTP ${result% *} in ${result#* } s: $(cat "$work/$kind.out")"
done
echo "== rows stored: households $(psql -tAc 'select count(*) from household'), links $(psql -tAc 'select count(*) from benefit_link')"
rm -rf "$work"
