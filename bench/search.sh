#!/bin/bash
# Search at 100,000 articles (issue 20): the JSON API and the search page, with words of every
# edition (one word, two words, a rare word, a prefix), two and eight connections at a time.
#
#   bash bench/search.sh                # SQLite; ~12 min with the defaults (most of it generating)
#   DB=postgres bash bench/search.sh    # the same on a throw-away PostgreSQL cluster (root)
#
# Settings (environment): ARTICLES=100000  DUR=10  WARM_MIN=20 WARM_MAX=60  CONNS="2 8"
# DB=sqlite|postgres  BUILD=1|0  JAR=target/diwan.jar  PORT=8092.
# Writes bench/results/<db>/search.md (raw wrk output under target/bench/search-<db>).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTICLES=${ARTICLES:-100000}
DUR=${DUR:-10}
WARM_MIN=${WARM_MIN:-20}
WARM_MAX=${WARM_MAX:-60}
CONNS=${CONNS:-"2 8"}
DB=${DB:-sqlite}
PORT=${PORT:-8092}
JAR=${JAR:-target/diwan.jar}
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/search-$DB
RESULTS=$ROOT/bench/results/$DB
TAG=$(date -u +%H%M%S)
rm -rf "$RAW" && mkdir -p "$RAW" "$RESULTS"
source bench/lib.sh

need_tools wrk curl sqlite3 python3
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
DATA=$(mktemp -d /tmp/diwan-search.XXXXXX)
trap 'stop_all' EXIT
if [ "$DB" = postgres ]; then start_postgres "$DATA/pg"; fi

echo "== $ARTICLES archive articles in six editions"
DIWAN_DATA_DIR=$DATA java -jar "$JAR" generate --articles 1 --comments 0 --showcase 0 \
  --archive "$ARTICLES" 2>&1 | tee "$RAW/generate.txt" | grep -E '^generated' || true
start_diwan

# Words of each edition from the demo stories: common, rare, two together, a prefix, variant
# spellings (Arabic yeh and kaf in Sorani, no vowel marks in Arabic).
python3 - "$RAW/queries.txt" <<'PY'
import sys, urllib.parse
queries = ["bazaar", "restoration shopkeepers", "Erbil", "water", "libr",
           "بازاڕ", "بازار", "کوردستان", "هەولێر دەرگاکانیان", "ئابووري",
           "Duhok", "pirtûk", "weşanxane", "Zaxo pira",
           "مكتبة", "المَكْتَبَة", "البصرة", "السمك سوق",
           "سنندج", "کلاش", "تالاب پرندگان",
           "Diyarbakır", "kütüphane", "Van gölü", "inci kefali"]
with open(sys.argv[1], "w") as out:
    for q in queries:
        e = urllib.parse.quote(q)
        out.write(f"/api/search?q={e}\n")
with open(sys.argv[1].replace(".txt", "-pages.txt"), "w") as out:
    for q in queries:
        out.write(f"/search?q={urllib.parse.quote(q)}\n")
PY

echo "== first answers (curl, seconds: status, time, results on the first page)"
while read -r path; do
  printf '%s\t%s\n' "$path" "$(curl -s -o "$RAW/one.json" -w '%{http_code} %{time_total}' "$BASE$path") $(grep -o '"slug"' "$RAW/one.json" | wc -l)" |
    tee -a "$RAW/first-answers.tsv"
done < "$RAW/queries.txt"

for c in $CONNS; do
  measure search_api "$c" search.lua "$BASE" "$RAW/queries.txt"
  measure search_page "$c" search.lua "$BASE" "$RAW/queries-pages.txt"
done

{
  echo "# Search at $ARTICLES articles ($DB, $(date -u +%Y-%m-%d))"
  echo
  echo "Generated with \`java -jar diwan.jar generate --archive $ARTICLES\` (words of the six editions'"
  echo "demo stories). $(grep -c . "$RAW/queries.txt") queries in turn (see \`bench/search.sh\`), ${DUR} s per run."
  echo
  echo "| workload | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | codes |"
  echo "|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$RAW/results.tsv"
  echo
  echo "First answers (status, seconds, results on the first page):"
  echo
  echo '```'
  cat "$RAW/first-answers.tsv"
  echo '```'
} > "$RESULTS/search.md"
cat "$RESULTS/search.md"
