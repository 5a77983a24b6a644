#!/bin/bash
# The second screening stage under load (issue 23), on SQLite:
#   1. comment submission (API, wrk, $CONNS connections, $DUR s) with the stage switched off;
#   2. the same with the stage on (1 thread), while it reads what arrives;
#   3. how fast the stage drains the backlog the run left while a steady trickle of submissions
#      arrives (TRICKLE_S s, one every PACE_MS ms; 0 skips it), then once submissions stop
#      (DRAIN_S s), and so how long 100,000 comments that arrived at the submission rate would take;
#   4. heap after GC and RSS with the encoder loaded, against the stage off.
# Usage: bench/second-stage.sh   (BUILD=0 to use target/diwan.jar as it is; PORT, DUR, CONNS,
#   BUSY_PAUSE for diwan.second-stage.busy-pause (50, the default), BUSY_RATE for busy-rate (20),
#   TRICKLE_S and PACE_MS (30 s, 200 ms), DRAIN_S: seconds, or "all" to time the whole
#   backlog; DUR=45 leaves about 100,000 comments on this machine)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DUR=${DUR:-20}
WARM_MIN=${WARM_MIN:-10}
WARM_MAX=${WARM_MAX:-20}
CONNS=${CONNS:-8}
DB=sqlite
PORT=${PORT:-8093}
JAR=${JAR:-target/diwan.jar}
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/second-stage
TAG=$(date -u +%H%M%S)
PACE=${PACE_MS:-200}
unset PACE_MS # submit.lua paces every wrk that sees it: only the trickle may
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD=bench-password-$TAG
export DIWAN_ADMIN_EMAIL=$ADMIN_EMAIL DIWAN_ADMIN_PASSWORD=$ADMIN_PASSWORD
rm -rf "$RAW" && mkdir -p "$RAW"
source bench/lib.sh

need_tools wrk curl sqlite3
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
DATA=$(mktemp -d /tmp/diwan-bench-stage2.XXXXXX)
trap 'stop_all' EXIT
DIWAN_DATA_DIR=$DATA java -jar "$JAR" generate --articles 5 --comments 1000 \
  --approved-share 0.1 --showcase 0 > "$RAW/generate.txt" 2>&1

memory() { # LABEL: heap after a full GC and RSS of the running site
  jcmd "$DIWAN_PID" GC.run >/dev/null 2>&1 || true
  local used rss
  used=$(jcmd "$DIWAN_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++)
    if ($i == "used") { gsub(/K,?/, "", $(i + 1)); print int($(i + 1) / 1024); exit } }')
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$DIWAN_PID/status")
  echo "$1 heap_after_gc_mb=$used rss_mb=$rss" | tee -a "$RAW/summary.txt"
}

backlog() { db_query "SELECT COUNT(*) FROM comment_screening WHERE second_stage IN ('PENDING', 'WORKING')"; }

for stage in off on; do
  threads=0; [ $stage = on ] && threads=1
  start_diwan "$JAR" -Ddiwan.second-stage.threads=$threads -Ddiwan.second-stage.busy-pause=${BUSY_PAUSE:-50} \
    -Ddiwan.second-stage.busy-rate=${BUSY_RATE:-20}
  # the encoder loads on the worker's thread; let it finish before measuring
  sleep 5
  memory "stage_$stage"
  for c in $CONNS; do
    rm -f "$RAW/submit_$stage.warm"
    measure "submit_$stage" "$c" submit.lua "$BASE" api showcase-0 "$TAG-$stage-$c"
  done
  if [ $stage = on ]; then
    # what the run left: how fast the stage drains it with no submissions (DRAIN_S seconds)
    left=$(backlog)
    echo "backlog_after_run $left" | tee -a "$RAW/summary.txt"
    if [ "${TRICKLE_S:-30}" -gt 0 ]; then
      # a steady trickle (one connection, a request every PACE_MS): how fast the backlog drains
      # while readers keep submitting at a news site's pace, and what those submissions wait
      before=$(backlog)
      PACE_MS=$PACE timeout $((TRICKLE_S + 30)) wrk -t1 -c1 -d"${TRICKLE_S:-30}s" \
        --timeout 10s --latency -s bench/submit.lua "$BASE" -- api showcase-0 "$TAG-trickle" \
        > "$RAW/trickle.txt" 2>&1
      after=$(backlog)
      arrived=$(db_query "SELECT COUNT(*) FROM comment WHERE body LIKE 'Load $TAG-trickle-%'")
      p99=$(awk '$1 == "99%" { print $2 }' "$RAW/trickle.txt")
      awk -v b="$before" -v a="$after" -v n="$arrived" -v s="${TRICKLE_S:-30}" -v p="$p99" \
        'BEGIN { printf "trickle %d s: %.1f submissions/s (p99 %s), stage read %.1f comments/s\n",
          s, n / s, p, (b + n - a) / s }' | tee -a "$RAW/summary.txt"
      left=$(backlog)
    fi
    if [ "${DRAIN_S:-60}" = all ]; then
      # the whole backlog, its size every 30 s, until it is empty
      began=$(date +%s)
      now=$left
      while [ "$now" -gt 0 ]; do
        sleep 30
        now=$(backlog)
        echo "drain t=$(($(date +%s) - began))s backlog=$now" | tee -a "$RAW/summary.txt"
      done
      took=$(($(date +%s) - began))
      awk -v a="$left" -v s="$took" 'BEGIN { printf "drained all %d comments in %d s (%.1f min): %.1f comments/s\n",
        a, s, s / 60, a / s }' | tee -a "$RAW/summary.txt"
    else
      sleep "${DRAIN_S:-60}"
      now=$(backlog)
      awk -v a="$left" -v b="$now" -v s="${DRAIN_S:-60}" 'BEGIN { r = (a - b) / s;
        printf "drained %d comments in %d s: %.1f comments/s; 100,000 comments: %.0f min\n",
          a - b, s, r, 100000 / r / 60 }' | tee -a "$RAW/summary.txt"
    fi
    db_query "SELECT second_stage, COUNT(*) FROM comment_screening GROUP BY second_stage" |
      tr '\n' ' ' | tee -a "$RAW/summary.txt"; echo | tee -a "$RAW/summary.txt"
    memory "stage_on_after_drain"
  fi
  stop_diwan
done
awk -F'\t' '{ printf "%s c=%s rps=%s p50=%s p99=%s codes=%s\n", $1, $2, $3, $4, $6, $8 }' \
  "$RAW/results.tsv" | tee -a "$RAW/summary.txt"
