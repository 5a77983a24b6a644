#!/bin/bash
# Pages of comments on a long thread: an article with 20,000 approved comments against one with 50,
# page 1 and the last page, as the article page and as the comments API (issue 15).
#
#   bash bench/comment-pages.sh      # from the repository root; ~5 min with the defaults
#
# Settings (environment): DUR=10 (seconds per run)  WARM_MIN=20 WARM_MAX=60 (as in run.sh)
# CONNS="8 32"  LONG=20000 (comments on the long thread)  DB=sqlite|postgres  BUILD=1|0
# JAR=target/diwan.jar  PORT=8091.
# Writes bench/results/<db>/comment-pages.md (raw wrk output under target/bench/comment-pages-<db>).
# Only 127.0.0.1 is loaded. Every wrk run is bounded by -d and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DUR=${DUR:-10}
WARM_MIN=${WARM_MIN:-20}
WARM_MAX=${WARM_MAX:-60}
CONNS=${CONNS:-"8 32"}
LONG=${LONG:-20000}
DB=${DB:-sqlite}
PORT=${PORT:-8091}
JAR=${JAR:-target/diwan.jar}
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/comment-pages-$DB
RESULTS=$ROOT/bench/results/$DB
TAG=$(date -u +%H%M%S)
rm -rf "$RAW" && mkdir -p "$RAW" "$RESULTS"
source bench/lib.sh

need_tools wrk curl sqlite3
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
DATA=$(mktemp -d /tmp/diwan-pages.XXXXXX)
trap 'stop_all' EXIT
if [ "$DB" = postgres ]; then start_postgres "$DATA/pg"; fi

echo "== sample data: showcase articles with 0, 50 and $LONG approved comments"
DIWAN_DATA_DIR=$DATA java -jar "$JAR" generate --articles 1 --comments 0 \
  --showcase "0,50,$LONG" 2>&1 | tee "$RAW/generate.txt" | grep -v '^\s*$' | tail -1
start_diwan
LONG_ID=$(db_query "SELECT id FROM article WHERE slug = 'showcase-$LONG'")
FIRST_ID=$(db_query "SELECT MIN(id) FROM comment WHERE article_id = $LONG_ID AND status = 'APPROVED'")
LAST_ID=$(db_query "SELECT MAX(id) FROM comment WHERE article_id = $LONG_ID AND status = 'APPROVED'")
# The API page 50 comments from the end: the 'next' a reader paging from the start would reach.
DEEP_ID=$(db_query "SELECT id FROM comment WHERE article_id = $LONG_ID AND status = 'APPROVED'
  ORDER BY id DESC LIMIT 1 OFFSET 50")

echo "== first answers, before any cache holds them (curl, seconds)"
for path in "/articles/showcase-50" "/articles/showcase-$LONG" "/articles/showcase-$LONG?comments=last" \
  "/api/articles/showcase-50/comments?limit=50" "/api/articles/showcase-$LONG/comments?limit=50" \
  "/api/articles/showcase-$LONG/comments?limit=50&after=$DEEP_ID"; do
  printf '%s\t%s\n' "$path" "$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$path")" |
    tee -a "$RAW/first-answers.tsv"
done

echo "== article page and comments API, 50 against $LONG comments"
for c in $CONNS; do
  measure page50_first "$c" fetch.lua "$BASE/articles/showcase-50"
  measure "page${LONG}_first" "$c" fetch.lua "$BASE/articles/showcase-$LONG"
  measure "page${LONG}_last" "$c" fetch.lua "$BASE/articles/showcase-$LONG?comments=last"
  measure "page${LONG}_anywhere" "$c" pages.lua "$BASE" \
    "/articles/showcase-$LONG?comments=after-" "$FIRST_ID" "$((LAST_ID - 1))"
  measure api50_first "$c" fetch.lua "$BASE/api/articles/showcase-50/comments?limit=50"
  measure "api${LONG}_first" "$c" fetch.lua "$BASE/api/articles/showcase-$LONG/comments?limit=50"
  measure "api${LONG}_last" "$c" fetch.lua \
    "$BASE/api/articles/showcase-$LONG/comments?limit=50&after=$DEEP_ID"
  measure "api${LONG}_anywhere" "$c" pages.lua "$BASE" \
    "/api/articles/showcase-$LONG/comments?limit=50&after=" "$FIRST_ID" "$((LAST_ID - 1))"
done

stop_all
trap - EXIT
{
  echo "| workload | connections | requests/s | p50 ms | p99 ms | answers |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $6, $8 }' "$RAW/results.tsv"
} > "$RESULTS/comment-pages.md"
echo "== done: $RESULTS/comment-pages.md"
