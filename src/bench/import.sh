#!/usr/bin/env bash
# Bulk-import benchmark: a 10,000-row household roster (CSV), a 10,000-row link list and a
# 10,000-product price list (listed new, then exported, every price edited and imported back
# as updates), each POSTed once to the packaged app on a local PostgreSQL.
# Usage: [STATEMENTS=1] src/bench/import.sh [rows]   (needs: apt-get install -y postgresql)
# STATEMENTS=1 also lists what PostgreSQL ran for each of the roster and link imports
# (pg_stat_statements, statements inside functions and triggers included).
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
with open(f"{work}/products.csv", "w", encoding="utf-8") as f:
    f.write("\ufeff货号,品名,品类,单位,单价(元),库存,农户分成(基点),品牌,认证\n")
    for i in range(rows):
        f.write(f"JN-{i:06d},静宁苹果 红富士 {i % 10 + 1}kg,水果,箱,{59 + i % 40}.90,{100 + i % 900},1000,静宁,地理标志、绿色食品\n")
with open(f"{work}/links.csv", "w", encoding="utf-8") as f:
    f.write("householdCode,cooperativeId,mechanism,validFrom,weight\n")
    for i in range(rows):
        f.write(f"H{i:07d},1,SALES_SHARE,2026-01-01,{1 + i % 5}\n")
PY
TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
for kind in households links; do
  statements_reset
  size=$(stat -c %s "$work/$kind.csv")
  result=$(curl -s -o "$work/$kind.out" -w '%{http_code} %{time_total}' -XPOST \
    -H "authorization: Bearer $TOKEN" -H 'content-type: text/csv; charset=UTF-8' \
    --data-binary @"$work/$kind.csv" "http://127.0.0.1:$APP_PORT/api/v1/$kind/import")
  echo "== POST /api/v1/$kind/import: $ROWS rows, $size bytes -> HTTP ${result% *} in ${result#* } s: $(cat "$work/$kind.out")"
  statements_top 12
done
COOP_TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["cooperative"],"cooperative_id":1}')
post_products() {
  local size result
  size=$(stat -c %s "$work/$1.csv")
  result=$(curl -s -o "$work/$1.out" -w '%{http_code} %{time_total}' -XPOST \
    -H "authorization: Bearer $COOP_TOKEN" -H 'content-type: text/csv; charset=UTF-8' \
    --data-binary @"$work/$1.csv" "http://127.0.0.1:$APP_PORT/api/v1/cooperatives/1/products/import")
  echo "== POST /api/v1/cooperatives/1/products/import ($2): $ROWS rows, $size bytes -> HTTP ${result% *} in ${result#* } s: $(cat "$work/$1.out")"
}
post_products products "new products"
curl -s -o "$work/exported.csv" -H "authorization: Bearer $COOP_TOKEN" \
  "http://127.0.0.1:$APP_PORT/api/v1/cooperatives/1/products/export"
# every price one yuan up: 10,000 updates (column 6 is 单价(元); names hold no commas or quotes)
python3 - "$work" <<'PY'
import sys
from decimal import Decimal
work = sys.argv[1]
lines = open(f"{work}/exported.csv", encoding="utf-8").read().splitlines()
out = [lines[0]]
for line in lines[1:]:
    cells = line.split(",")
    cells[5] = str(Decimal(cells[5]) + 1)
    out.append(",".join(cells))
open(f"{work}/repriced.csv", "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
post_products repriced "the export, every price edited"
echo "== rows stored: products $(psql -tAc 'select count(*) from product'), repriced $(psql -tAc 'select count(*) from product where version = 1')"
echo "== rows stored: households $(psql -tAc 'select count(*) from household'), links $(psql -tAc 'select count(*) from benefit_link')"
rm -rf "$work"
