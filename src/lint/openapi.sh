#!/usr/bin/env bash
# Lints the published OpenAPI document with Spectral (spectral:oas) and Redocly (recommended):
# any error or warning fails, except the rules src/lint/*.yaml switch off with a reason. Then every
# pattern of the document must compile where clients and fuzzers run it: ECMA-262 (Node, with and
# without the u flag) and Python's re.
# The document is src/openapi/openapi.json, which OpenApiDocumentTest keeps equal to /q/openapi.
# Usage: src/lint/openapi.sh            (installs the pinned linters into target/lint-tools with npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
doc=src/openapi/openapi.json
tools=target/lint-tools
if [ ! -x "$tools/node_modules/.bin/spectral" ] || ! cmp -s src/lint/package.json "$tools/package.json"; then
  mkdir -p "$tools"
  cp src/lint/package.json src/lint/package-lock.json "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
status=0
echo "== Spectral spectral:oas"
"$tools/node_modules/.bin/spectral" lint --ruleset src/lint/spectral.yaml --fail-severity=warn "$doc" || status=1
echo "== Redocly recommended"
"$tools/node_modules/.bin/redocly" lint --config src/lint/redocly.yaml --format=json "$doc" > "$tools/redocly.json" 2>/dev/null || true
python3 - "$tools/redocly.json" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
problems = report.get("problems", [])
for p in problems:
    where = p.get("location", [{}])[0].get("pointer", "")
    print(f'{p["severity"]:8} {p["ruleId"]:30} {where}  {p["message"]}')
counts = {s: sum(1 for p in problems if p["severity"] == s) for s in ("error", "warn")}
print(f'Redocly: {counts["error"]} errors, {counts["warn"]} warnings')
sys.exit(1 if problems else 0)
PY
echo "== Every pattern compiles as ECMA-262, with and without the u flag, and in Python's re"
node -e '
const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const found = new Set();
(function walk(x) {
  if (x && typeof x === "object") {
    for (const [k, v] of Object.entries(x)) {
      if (k === "pattern" && typeof v === "string") found.add(v); else walk(v);
    }
  }
})(doc);
let bad = 0;
for (const p of found) {
  for (const flags of ["", "u"]) {
    try { new RegExp(p, flags); } catch (e) { console.log(`ECMA-262 /${p}/${flags}: ${e.message}`); bad++; }
  }
}
console.log(`ECMA-262: ${found.size} patterns, ${bad} refused`);
process.exit(bad ? 1 : 0);' "$doc" || status=1
python3 - "$doc" <<'PY' || status=1
import json, re, sys
found = set()
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "pattern" and isinstance(v, str):
                found.add(v)
            else:
                walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(json.load(open(sys.argv[1])))
bad = 0
for p in sorted(found):
    try:
        re.compile(p)
    except re.error as e:
        print(f"Python re {p}: {e}")
        bad += 1
print(f"Python re: {len(found)} patterns, {bad} refused")
sys.exit(1 if bad else 0)
PY
exit "$status"
