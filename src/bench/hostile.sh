#!/usr/bin/env bash
# The worst request of each kind from issue 9 ("Hostile input and tenant isolation"),
# each timed by curl against the packaged app on a local PostgreSQL: status, the first
# call's time (the JVM not yet warm for that path), the third call's, and the answer's size.
# Usage: src/bench/hostile.sh   (needs: apt-get install -y postgresql; python3)
source "$(dirname "$0")/lib.sh"
need python3 python3
WORK=/tmp/bangfu-hostile
rm -rf "$WORK"; mkdir -p "$WORK"

trap 'stop_app; stop_postgres' EXIT
build_app
start_postgres
start_app

psql -q <<'SQL'
insert into region (code, name, level, parent_code, path) values
  ('620000', '甘肃省', 'PROVINCE', null, '/620000/'),
  ('620800', '平凉市', 'CITY', '620000', '/620000/620800/'),
  ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/'),
  ('620826100', '城关镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826100/'),
  ('620826100201', '东关村', 'VILLAGE', '620826100', '/620000/620800/620826/620826100/620826100201/'),
  ('450000', '广西壮族自治区', 'PROVINCE', null, '/450000/'),
  ('450200', '柳州市', 'CITY', '450000', '/450000/450200/'),
  ('450224', '融安县', 'COUNTY', '450200', '/450000/450200/450224/');
insert into cooperative (id, name, credit_code, kind, region_code, status)
  values (1, '红果合作社', '936208260000000001', 'COOPERATIVE', '620826', 'APPROVED');
insert into household (id, code, head_name, id_number, village_code, members, category)
  values (1, 'JN-0001', '=HYPERLINK("http://evil.example","点我")', '620826198001010016', '620826100201', 3, 'ORDINARY');
insert into household_change (id, household_id, effective_from, members, category, recorded_by, recorded_at)
  values (1, 1, null, 3, 'ORDINARY', 'bench', now());
select setval('household_change_seq', 1000);
SQL

BUREAU=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
OTHER_BUREAU=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"450224"}')
COOP=$("$BENCH_DIR/token.sh" '{"groups":["cooperative"],"cooperative_id":1}')
ROLELESS=$("$BENCH_DIR/token.sh" '{"groups":["auditor"],"region_code":"000000"}')

python3 - "$WORK" <<'PY'
import io, sys, zipfile
w = sys.argv[1]
def write(name, data):
    open(f"{w}/{name}", "wb").write(data if isinstance(data, bytes) else data.encode())
def xlsx(sheet_rows, shared=None):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sheet_rows + '</sheetData></worksheet>')
        if shared: z.writestr("xl/sharedStrings.xml", shared)
    return b.getvalue()
header = "code,headName,idNumber,villageCode,members,category,phone\n"
write("head-name.json", '{"code":"H1","headName":"' + "王" * 40000 + '\\u0001","idNumber":"x","villageCode":"620826100201","members":1,"category":"ORDINARY"}')
write("product-name.json", '{"name":"' + "苹" * 20000 + '\\u0001","category":"FRUIT","unit":"箱","priceFen":1,"stock":1}')
write("big.json", '{"name":"' + "a" * (32 * 1024 * 1024) + '"}')
write("deep.json", "[" * 100000 + "]" * 100000)
write("roster-head-name.csv", header + "H1," + "王" * 40000 + "\u0001,620826198001010016,620826100201,3,ORDINARY,\n")
write("xfd-sst.xlsx", xlsx('<row r="1"><c r="XFD1" t="s"><v>2000000000</v></c></row>'))
write("fxshrxw.xlsx", xlsx('<row r="1"><c r="FXSHRXW1" t="inlineStr"><is><t>x</t></is></c></row>'))
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(b"<worksheet><sheetData><row>")
        for _ in range(1024): f.write(b" " * (1024 * 1024))
        f.write(b"</row></sheetData></worksheet>")
write("bomb-1gb.xlsx", b.getvalue())
write("columns-4m.csv", header + "," * 4_000_000 + "\n")
write("area-300k.csv", "householdCode,cooperativeId,mechanism,validFrom,areaMu,rentPerMuPerYearFen\nJN-0001,1,LAND_RENT,2026-01-01," + "9" * 300000 + ",100\n")
write("upload-12mb.csv", header + " " * (12 * 1024 * 1024))
write("bad-rows-100k.csv", header + "".join(f"H{i},x,bad,620826100201,0,NOPE,\n" for i in range(100000)))
write("probe-other-region.csv", "householdCode,cooperativeId,mechanism,validFrom,weight\n" + "".join(f"JN-{i:04d},1,DIVIDEND,2026-01-01,1\n" for i in range(1, 2001)))
PY

URL="http://127.0.0.1:$APP_PORT/api/v1"
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
printf '| attack | request | status | first | warm | answer |\n|---|---|---|---|---|---|\n'
once() { # method, path, token, content type, body file → "status seconds"
  curl -s -o "$WORK/answer" -w '%{http_code} %{time_total}' -X "$1" "$URL$2" \
    ${3:+-H "authorization: Bearer $3"} ${4:+-H "content-type: $4"} ${5:+--data-binary @"$WORK/$5"}
}
ms() { echo "${1#* } * 1000" | bc -l | xargs printf '%.0f ms'; }
hit() { # label, method, path, token, content type, body file: the first call (cold JVM) and the third
  local first warm
  first=$(once "$2" "$3" "${4:-}" "${5:-}" "${6:-}")
  once "$2" "$3" "${4:-}" "${5:-}" "${6:-}" >/dev/null
  warm=$(once "$2" "$3" "${4:-}" "${5:-}" "${6:-}")
  printf '| %s | `%s %s` | %s | %s | %s | %s bytes |\n' "$1" "$2" "$3" "${warm%% *}" "$(ms "$first")" \
    "$(ms "$warm")" "$(stat -c %s "$WORK/answer")"
}
hit "40,000-char head name ending in U+0001" POST /households "$BUREAU" application/json head-name.json
hit "20,000-char product name" POST /cooperatives/1/products "$COOP" application/json product-name.json
hit "32 MB JSON body" POST /households "$BUREAU" application/json big.json
hit "JSON nested 100,000 deep" POST /households "$BUREAU" application/json deep.json
hit "roster row with a 40,000-char head name" POST /households/import "$BUREAU" text/csv roster-head-name.csv
hit "1 kB XLSX: cell XFD1, shared string 2,000,000,000" POST /households/import "$BUREAU" "$XLSX" xfd-sst.xlsx
hit "XLSX: cell at column FXSHRXW (~2^31)" POST /households/import "$BUREAU" "$XLSX" fxshrxw.xlsx
hit "XLSX inflating to 1 GB" POST /households/import "$BUREAU" "$XLSX" bomb-1gb.xlsx
hit "CSV of 4,000,000 columns" POST /households/import "$BUREAU" text/csv columns-4m.csv
hit "300,000-digit areaMu" POST /links/import "$BUREAU" text/csv area-300k.csv
hit "12 MB upload" POST /households/import "$BUREAU" text/csv upload-12mb.csv
hit "100,000 invalid roster rows (answer ≤ 200 errors)" POST /households/import "$BUREAU" text/csv bad-rows-100k.csv
hit "2,000 household codes probed from another region" POST /links/import "$OTHER_BUREAU" text/csv probe-other-region.csv
grep -o '"message":"[^"]*"' "$WORK/answer" | sort | uniq -c | sed 's/^/    answer: /' >&2
hit "role-less token reading cooperatives" GET /cooperatives "$ROLELESS"
hit "household of another region by id" GET /households/1 "$OTHER_BUREAU"
head -c 300 "$WORK/answer" | sed 's/^/    answer: /' >&2; echo >&2
hit "ledger export with a formula head name (CSV)" GET "/exports/household-income?regionCode=620826&year=2026" "$BUREAU"
grep -a -o "'=HYPERLINK[^,]*" "$WORK/answer" | head -1 | sed 's/^/    written as: /' >&2
