#!/bin/bash
# What the fast paths are worth: the same jar twice, one instance with diwan.fast-paths on and one
# with it off, each on its own copy of the same data (SQLite), both running throughout; each
# workload is measured on one and then the other in alternating order (ABBA), so that whatever
# else the machine does falls on both alike.
#
#   bash bench/fastpaths.sh        # from the repository root; about 9 minutes with the defaults
#
# Settings (environment): ROUNDS=5  CONNS=32  WARM=20 (seconds of load on each before measuring)
# DUR=10  WORKLOADS="api500 submit_api submit_form"  BUILD=1|0  JAR=target/diwan.jar  PORT=8091
# (on) and PORT+1 (off).
# Writes target/bench/fastpaths/results.tsv (setting round workload rps p99 cpu-µs-per-request)
# and prints the medians of each workload with the fast paths on and off. The server's CPU time per
# request (from /proc) moves much less than requests/s when other work shares the machine.
# Only 127.0.0.1 is loaded.
# Another switch can be compared the same way (bench/metrics.sh does): NAME names the results
# directory, FAST_PATHS=true keeps the fast paths on in both, and ON_OPTS / OFF_OPTS are each
# instance's extra java options.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-5}
C=${CONNS:-32}
WARM=${WARM:-20}
DUR=${DUR:-10}
WORKLOADS=${WORKLOADS:-"api500 submit_api submit_form"}
PORT=${PORT:-8091}
JAR=${JAR:-target/diwan.jar}
NAME=${NAME:-fastpaths}
RAW=$ROOT/target/bench/$NAME
TAG=$(date -u +%H%M%S)
rm -rf "$RAW" && mkdir -p "$RAW"

for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }; done
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
WORK=$(mktemp -d /tmp/diwan-$NAME.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

echo "== sample data: showcase articles with 0 and 500 approved comments"
DIWAN_DATA_DIR=$WORK/seed java -jar "$JAR" generate --articles 1 --comments 0 \
  --showcase 0,500 > "$RAW/generate.txt" 2>&1

declare -A BASE FIELD COOKIE PID
for setting in true false; do
  port=$PORT; opts=${ON_OPTS:-}
  if [ $setting = false ]; then port=$((PORT + 1)); opts=${OFF_OPTS:-}; fi
  cp -r "$WORK/seed" "$WORK/$setting"
  # As bench/run.sh starts it: the per-address limits off, the load comes from one address.
  DIWAN_DATA_DIR=$WORK/$setting DIWAN_FAST_PATHS=${FAST_PATHS:-$setting} DIWAN_DEMO=false \
    DIWAN_COMMENTS_PER_IP_PER_MINUTE=0 DIWAN_COMMENTS_PER_EMAIL_PER_MINUTE=0 \
    DIWAN_CONCURRENT_REQUESTS=1000 DIWAN_REQUESTS_PER_ADDRESS=0 \
    java -Xmx512m $opts -jar "$JAR" --server.port=$port > "$RAW/diwan-$setting.log" 2>&1 &
  PIDS+=($!)
  PID[$setting]=$!
  BASE[$setting]=http://127.0.0.1:$port
done
for setting in true false; do
  until curl -sf -o /dev/null "${BASE[$setting]}/actuator/health/readiness"; do sleep 0.5; done
  jar=$WORK/$setting.cookies
  FIELD[$setting]=$(curl -sf -c "$jar" "${BASE[$setting]}/articles/showcase-0" |
    sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  COOKIE[$setting]=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system, in 1/100 s

run() { # NAME SECONDS SETTING WORKLOAD TAG: one wrk run; prints "rps p99 cpu-µs-per-request"
  local name=$1 seconds=$2 setting=$3 workload=$4 tag=$5 base=${BASE[$3]} args
  case $workload in
    api500) args=(fetch.lua "$base/api/articles/showcase-500/comments?after=0&limit=500") ;;
    submit_api) args=(submit.lua "$base" api showcase-0 "$tag") ;;
    submit_form) args=(submit.lua "$base" form showcase-0 "$tag" "${FIELD[$setting]}" "${COOKIE[$setting]}") ;;
  esac
  local before; before=$(cpu_ticks "${PID[$setting]}")
  timeout $((seconds + 30)) wrk -t2 -c"$C" -d"${seconds}s" --timeout 10s --latency \
    -s "bench/${args[0]}" "${args[1]}" -- "${args[@]:2}" > "$RAW/$name.txt" 2>&1 || true
  local ticks=$(( $(cpu_ticks "${PID[$setting]}") - before ))
  sed -n 's/^SUMMARY rps=\([0-9.]*\).* p99=\([0-9.]*\).* requests=\([0-9]*\).*/\1 \2 \3/p' "$RAW/$name.txt" |
    awk -v t="$ticks" '{ printf "%s %s %.0f\n", $1, $2, ($3 > 0 ? t * 10000 / $3 : 0) }'
}

for workload in $WORKLOADS; do
  for setting in true false; do
    run "warm-$workload-$setting" "$WARM" $setting $workload "warm$TAG-$setting" > /dev/null
  done
  for round in $(seq "$ROUNDS"); do
    order="true false"; [ $((round % 2)) = 0 ] && order="false true"
    for setting in $order; do
      read -r rps p99 cpu < <(run "$workload-$setting-$round" "$DUR" $setting $workload "$TAG-$round-$setting")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "$round" "$workload" "$rps" "$p99" "$cpu" | tee -a "$RAW/results.tsv"
    done
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "== median over $ROUNDS rounds, $C connections, $NAME on / off: requests/s, p99 ms, CPU µs a request"
for workload in $WORKLOADS; do
  on=$(awk -F'\t' -v w="$workload" '$1 == "true" && $3 == w {print $4}' "$RAW/results.tsv" | median)
  off=$(awk -F'\t' -v w="$workload" '$1 == "false" && $3 == w {print $4}' "$RAW/results.tsv" | median)
  p99on=$(awk -F'\t' -v w="$workload" '$1 == "true" && $3 == w {print $5}' "$RAW/results.tsv" | median)
  p99off=$(awk -F'\t' -v w="$workload" '$1 == "false" && $3 == w {print $5}' "$RAW/results.tsv" | median)
  cpuon=$(awk -F'\t' -v w="$workload" '$1 == "true" && $3 == w {print $6}' "$RAW/results.tsv" | median)
  cpuoff=$(awk -F'\t' -v w="$workload" '$1 == "false" && $3 == w {print $6}' "$RAW/results.tsv" | median)
  awk -v w="$workload" -v a="$on" -v b="$off" -v pa="$p99on" -v pb="$p99off" -v ca="$cpuon" -v cb="$cpuoff" \
    'BEGIN { printf "%-12s %8.0f / %8.0f (%+.0f %%)   p99 %s / %s   CPU %s / %s µs\n", w, a, b, (a / b - 1) * 100, pa, pb, ca, cb }'
done
