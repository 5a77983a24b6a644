#!/bin/bash
# Diwan under load, side by side with its ceilings (and with WordPress and Waline when PEERS=1).
#
#   bash bench/run.sh            # from the repository root; ~12 min with the defaults
#
# Settings (environment): DUR=10 (seconds per run)  WARM_MIN=20 WARM_MAX=60 (least and most
# seconds of warm-up per workload; in between it stops once two 5 s rounds agree)
# CONNS="8 32"  COMMENTS=1000000 (stored for the queue workloads)  DB=sqlite|postgres  PEERS=0|1
# (also run ../shared/peers, if set up)  JMH=0|1 (also the screening micro-benchmark)  BUILD=1|0
# JAR=target/diwan.jar  PORT=8090  NGINX_PORT=8097  NODES="1 2 3" (the cluster bench instead).
# Writes bench/results/<db>/table.md and throughput.png (raw wrk output under target/bench/<db>).
# Only 127.0.0.1 is loaded. Every wrk run is bounded by -d and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
# NODES="1 2 3": the cluster on PostgreSQL behind nginx instead (bench/cluster.sh).
if [ -n "${NODES:-}" ]; then exec bash bench/cluster.sh; fi
ROOT=$(pwd)
DUR=${DUR:-10}
WARM_MIN=${WARM_MIN:-20}
WARM_MAX=${WARM_MAX:-60}
CONNS=${CONNS:-"8 32"}
COMMENTS=${COMMENTS:-1000000}
DB=${DB:-sqlite}
PEERS=${PEERS:-0}
JMH=${JMH:-0}
PORT=${PORT:-8090}
JAR=${JAR:-target/diwan.jar}
NGINX_PORT=${NGINX_PORT:-8097}
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/$DB
RESULTS=$ROOT/bench/results/$DB
TAG=$(date -u +%H%M%S)
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD=bench-password-$TAG
# the first start (the generator's) creates this admin
export DIWAN_ADMIN_EMAIL=$ADMIN_EMAIL DIWAN_ADMIN_PASSWORD=$ADMIN_PASSWORD
rm -rf "$RAW" && mkdir -p "$RAW" "$RESULTS"
source bench/lib.sh

need_tools wrk nginx gnuplot curl sqlite3
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
DATA=$(mktemp -d /tmp/diwan-bench.XXXXXX)
trap 'stop_all' EXIT
if [ "$DB" = postgres ]; then start_postgres "$DATA/pg"; fi

echo "== sample data: $COMMENTS comments (10% approved) + showcase articles 0/50/500"
DIWAN_DATA_DIR=$DATA /usr/bin/time -f "generate: %e s wall, %M KB max RSS" \
  java -jar "$JAR" generate --articles 20 --comments "$COMMENTS" \
  --approved-share 0.1 --showcase 0,50,500 2>&1 | tee "$RAW/generate.txt" | grep -v '^\s*$' | tail -2

echo "== start the jar (-Xmx512m) and time it to the first served article page"
startup_with_cds
start_diwan
echo "startup_s $STARTUP_S" | tee "$RAW/startup.txt"
echo "startup_cds_s $STARTUP_CDS_S" | tee -a "$RAW/startup.txt"
API_KEY=$(moderator_key)
MAX_ID=$(db_query "SELECT MAX(id) FROM comment")
login_staff
fetch_csrf showcase-0

echo "== ceilings: static files from the same JVM and from nginx (copy of the 500-comment page)"
mkdir -p "$DATA/www"
curl -sf "$BASE/articles/showcase-500" -o "$DATA/www/article-500.html"
curl -sf "$BASE/api/articles/showcase-500/comments?after=0&limit=500" -o "$DATA/www/comments-500.json"
curl -sf "$BASE/js/fontsize.js" -o "$DATA/www/fontsize.js"
start_nginx "$DATA/www"
for c in $CONNS; do
  measure static_diwan "$c" fetch.lua "$BASE/js/fontsize.js"
  measure static_nginx "$c" fetch.lua "http://127.0.0.1:$NGINX_PORT/fontsize.js"
  measure page500_nginx "$c" fetch.lua "http://127.0.0.1:$NGINX_PORT/article-500.html"
  measure api500_nginx "$c" fetch.lua "http://127.0.0.1:$NGINX_PORT/comments-500.json"
done

echo "== (b) article page and approved-comments API, 0 / 50 / 500 approved comments"
for n in 0 50 500; do
  for c in $CONNS; do
    measure "page$n" "$c" fetch.lua "$BASE/articles/showcase-$n"
    measure "api$n" "$c" fetch.lua "$BASE/api/articles/showcase-$n/comments?after=0&limit=500"
  done
done

echo "== (c) moderation queue at $(db_query "SELECT COUNT(*) FROM comment") stored comments"
for c in $CONNS; do
  measure queue_api "$c" queue.lua "$BASE" /api/moderation/queue?status=PENDING\&limit=50 \
    "$MAX_ID" "Authorization: Bearer $API_KEY"
  measure queue_api_risk "$c" queue.lua "$BASE" \
    /api/moderation/queue?status=PENDING\&limit=50\&order=RISK "$MAX_ID" \
    "Authorization: Bearer $API_KEY"
  measure queue_page "$c" queue.lua "$BASE" /moderation?status=PENDING "$MAX_ID" \
    "Cookie: JSESSIONID=$SESSION"
done

echo "== (a) comment submission, every text unique; stored rows counted after each run"
for c in $CONNS; do
  measure submit_api "$c" submit.lua "$BASE" api showcase-0 "$TAG-api-$c"
  verify_stored submit_api "$c" "Load $TAG-api-$c-" 202
  measure submit_form "$c" submit.lua "$BASE" form showcase-0 "$TAG-form-$c" "$CSRF_FIELD" "$CSRF_COOKIE"
  verify_stored submit_form "$c" "Load $TAG-form-$c-" 303
done
heap_after_load

stop_all
trap - EXIT
if [ "$PEERS" = 1 ]; then run_peers; fi
if [ "$JMH" = 1 ]; then ./mvnw -B -q -Pbench test-compile exec:exec | tee "$RAW/jmh.txt"; fi

python3 bench/table.py "$RAW" "$RESULTS"
bash bench/plot.sh "$RESULTS"
echo "== done: $RESULTS/table.md"
