#!/bin/bash
# What the fast paths are worth: the same jar with diwan.fast-paths on and off, in interleaved
# rounds (on, off, on, off, …), each on a fresh copy of the same data, SQLite, 32 connections.
#
#   bash bench/fastpaths.sh        # from the repository root; about 8 minutes with the defaults
#
# Settings (environment): ROUNDS=3  CONNS=32  WARM=15 (seconds of load before each measured run)
# DUR=10  BUILD=1|0  JAR=target/diwan.jar  PORT=8091.
# Writes target/bench/fastpaths/results.tsv (setting round workload rps p99) and prints the median
# requests/s of each workload with the switch on and off. Only 127.0.0.1 is loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-3}
C=${CONNS:-32}
WARM=${WARM:-15}
DUR=${DUR:-10}
PORT=${PORT:-8091}
JAR=${JAR:-target/diwan.jar}
BASE=http://127.0.0.1:$PORT
DB=sqlite
RAW=$ROOT/target/bench/fastpaths
TAG=$(date -u +%H%M%S)
rm -rf "$RAW" && mkdir -p "$RAW"
source bench/lib.sh

need_tools wrk curl sqlite3
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
WORK=$(mktemp -d /tmp/diwan-fastpaths.XXXXXX)
DATA=$WORK/run
trap 'stop_diwan; rm -rf "$WORK"' EXIT

echo "== sample data: showcase articles with 0 and 500 approved comments"
DIWAN_DATA_DIR=$WORK/seed java -jar "$JAR" generate --articles 1 --comments 0 \
  --showcase 0,500 > "$RAW/generate.txt" 2>&1

run() { # NAME SECONDS SCRIPT URL [args…]: one wrk run; prints "rps p99"
  local name=$1 seconds=$2 script=$3 url=$4; shift 4
  timeout $((seconds + 30)) wrk -t2 -c"$C" -d"${seconds}s" --timeout 10s --latency \
    -s "bench/$script" "$url" -- "$@" > "$RAW/$name.txt" 2>&1 || true
  sed -n 's/^SUMMARY rps=\([0-9.]*\).* p99=\([0-9.]*\).*/\1 \2/p' "$RAW/$name.txt"
}

for round in $(seq "$ROUNDS"); do
  for setting in true false; do
    rm -rf "$DATA" && cp -r "$WORK/seed" "$DATA"
    export DIWAN_FAST_PATHS=$setting
    start_diwan
    fetch_csrf showcase-0
    for workload in api500 submit_api submit_form; do
      case $workload in
        api500) args=(fetch.lua "$BASE/api/articles/showcase-500/comments?after=0&limit=500") ;;
        submit_api) args=(submit.lua "$BASE" api showcase-0 "$TAG-$round-$setting") ;;
        submit_form) args=(submit.lua "$BASE" form showcase-0 "$TAG-$round-$setting" "$CSRF_FIELD" "$CSRF_COOKIE") ;;
      esac
      run "warm-$workload-$setting-$round" "$WARM" "${args[@]/$TAG/warm$TAG}" > /dev/null
      read -r rps p99 < <(run "$workload-$setting-$round" "$DUR" "${args[@]}")
      printf '%s\t%s\t%s\t%s\t%s\n' "$setting" "$round" "$workload" "$rps" "$p99" | tee -a "$RAW/results.tsv"
    done
    stop_diwan
  done
done

echo "== median requests/s over $ROUNDS rounds ($C connections): fast paths on / off"
for workload in api500 submit_api submit_form; do
  on=$(awk -F'\t' -v w="$workload" '$1 == "true" && $3 == w {print $4}' "$RAW/results.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  off=$(awk -F'\t' -v w="$workload" '$1 == "false" && $3 == w {print $4}' "$RAW/results.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  awk -v w="$workload" -v a="$on" -v b="$off" 'BEGIN { printf "%-12s %8.0f / %8.0f  (%+.0f %%)\n", w, a, b, (a / b - 1) * 100 }'
done
