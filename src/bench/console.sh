#!/usr/bin/env bash
# The console's 总览 (issue 17 §6) on the packaged jar with 100,000 households: growth.sh seeds one
# county of 20 townships x 50 villages (20 ledger rows each, a 2026 line; it prints its own request
# timings too), then headless chromium opens /console/#overview as the county's bureau, once cold
# and ten times warm, and prints when the overview's figures and the whole overview were drawn
# (ConsoleFirstPaint); the cold run also lists each request the page made.
# Usage: src/bench/console.sh [households]   (needs: postgresql, chromium, chromium-driver)
# As shipped (JDK 25 and the AOT cache of ./mvnw verify -Paot, built with JAVA_HOME on that JDK):
#   PATH=<jdk25>/bin:$PATH JAVA_OPTS=-XX:AOTCache=target/quarkus-app/app.aot src/bench/console.sh
source "$(dirname "$0")/lib.sh"
HOUSEHOLDS="${1:-100000}"
SIZES="$HOUSEHOLDS" KEEP_DB=1 "$BENCH_DIR/growth.sh"
trap 'stop_app; stop_postgres' EXIT
start_app
TOKEN=$("$BENCH_DIR/token.sh" '{"groups":["bureau"],"region_code":"620826"}')
echo "== console 总览, $HOUSEHOLDS households, county 620826"
(cd "$PROJECT_DIR" && ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cn.bangfu.market.console.ConsoleFirstPaint \
  -Dexec.args="http://127.0.0.1:$APP_PORT/console/ $TOKEN 620826 10")
