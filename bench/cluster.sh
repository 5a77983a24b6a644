#!/bin/bash
# Diwan as a cluster: 1, 2 and 3 instances of the jar on one PostgreSQL, behind nginx running
# deploy/nginx/diwan.conf, in one run; one instance on SQLite and on PostgreSQL reached directly
# as the baselines. Also reached as `NODES="1 2 3" bash bench/run.sh`.
#
#   bash bench/cluster.sh        # from the repository root, as root (PostgreSQL runs as postgres)
#
# Settings (environment): NODES="1 2 3"  DUR=10  WARM=20 (seconds of warm-up per workload and
# running instance)  CONNS=32  COMMENTS=100000  BUILD=1|0  JAR=target/diwan.jar
# For each workload: requests/s, p50/p99 (ms), and CPU per request (ms of CPU of every Diwan,
# nginx and PostgreSQL process, from /proc, divided by the requests answered).
# Writes bench/results/cluster/table.md; raw wrk output under target/bench/cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NODES=${NODES:-"1 2 3"}
DUR=${DUR:-10}
WARM=${WARM:-20}
CONNS=${CONNS:-32}
COMMENTS=${COMMENTS:-100000}
JAR=${JAR:-target/diwan.jar}
DB=postgres
PORT=8090
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/cluster
RESULTS=$ROOT/bench/results/cluster
TAG=$(date -u +%H%M%S)
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD=bench-password-$TAG
export DIWAN_ADMIN_EMAIL=$ADMIN_EMAIL DIWAN_ADMIN_PASSWORD=$ADMIN_PASSWORD
rm -rf "$RAW" && mkdir -p "$RAW" "$RESULTS"
source bench/lib.sh
need_tools wrk nginx curl psql
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
DATA=$(mktemp -d /tmp/diwan-cluster.XXXXXX)
PIDS=()
NGINX_DIR=$DATA/nginx

stop_cluster() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
  if [ -f "$NGINX_DIR/nginx.pid" ]; then kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true; sleep 0.5; fi
}
trap 'stop_cluster; stop_all' EXIT

# start_instances N [sqlite]: N instances on ports 8091…, each with its own data directory
start_instances() {
  local n=$1 i port
  for i in $(seq 1 "$n"); do
    port=$((8090 + i))
    DIWAN_DATA_DIR=$DATA/node-$i DIWAN_DEMO=false DIWAN_COMMENTS_PER_IP_PER_MINUTE=0 \
      DIWAN_COMMENTS_PER_EMAIL_PER_MINUTE=0 DIWAN_CONCURRENT_REQUESTS=1000 \
      DIWAN_REQUESTS_PER_ADDRESS=0 DIWAN_TRUSTED_PROXIES='127\.0\.0\.1' \
      java -Xmx512m -jar "$JAR" --server.port=$port > "$RAW/node-$i-of-$n.log" 2>&1 &
    PIDS+=($!)
  done
  for i in $(seq 1 "$n"); do
    until curl -sf -o /dev/null "http://127.0.0.1:$((8090 + i))/actuator/health/readiness"; do sleep 0.2; done
  done
}

# start_balancer N: the shipped configuration with N upstream servers, on port 8090
start_balancer() {
  local n=$1 servers="" i
  mkdir -p "$NGINX_DIR/cache"
  chmod 755 "$DATA" "$NGINX_DIR"
  for i in $(seq 1 "$n"); do servers+="    server 127.0.0.1:$((8090 + i)) max_fails=1 fail_timeout=5s;\n"; done
  sed -e '/^    server 127\.0\.0\.1:808[0-9]/d' \
    -e "s|^upstream diwan {|upstream diwan {\n$servers|" \
    -e "s|listen 80;|listen 127.0.0.1:$PORT;|" \
    -e "s|/var/cache/nginx/|$NGINX_DIR/cache/|" deploy/nginx/diwan.conf > "$NGINX_DIR/diwan.conf"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
user $(id -un);
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  include $NGINX_DIR/diwan.conf;
}
CONF
  nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log"
  until curl -sf -o /dev/null "$BASE/actuator/health/readiness" 2>/dev/null || curl -sf -o /dev/null "$BASE/"; do sleep 0.2; done
}

# cpu_ticks: CPU time (clock ticks) so far of this run's own Diwan instances, nginx and PostgreSQL
# (processes of other work on the machine must not count, nor end mid-run and subtract)
cpu_ticks() {
  local total=0 pid pids=("${PIDS[@]}")
  if [ -f "$NGINX_DIR/nginx.pid" ]; then
    local master; master=$(cat "$NGINX_DIR/nginx.pid")
    pids+=("$master" $(pgrep -P "$master" || true))
  fi
  pids+=($(pgrep -u postgres || true))
  for pid in "${pids[@]}"; do
    if [ -r "/proc/$pid/stat" ]; then
      total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    fi
  done
  echo "$total"
}

# run NAME URL SCRIPT [args…]: warm-up (WARM seconds for each running instance, so every JVM's
# compilers have seen as much traffic as one instance's), then DUR seconds with the CPU they cost
run() {
  local name=$1 url=$2 script=$3; shift 3
  local warm=$((WARM * ${#PIDS[@]}))
  timeout $((warm + 30)) wrk -t2 -c"$CONNS" -d"${warm}s" -s "bench/$script" "$url" -- "${@/$TAG/warm$TAG}" > /dev/null 2>&1 || true
  local before after out=$RAW/$name.txt
  before=$(cpu_ticks)
  timeout $((DUR + 30)) wrk -t2 -c"$CONNS" -d"${DUR}s" --timeout 10s --latency -s "bench/$script" "$url" -- "$@" > "$out" 2>&1 || true
  after=$(cpu_ticks)
  local line; line=$(grep '^SUMMARY' "$out" || echo "SUMMARY rps=0")
  echo "$line" | awk -v n="$name" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v d="$DUR" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    req = v["requests"]
    printf "| %s | %.0f | %s | %s | %.3f |\n", n, v["rps"], v["p50"], v["p99"], (req > 0 ? t * 1000 / hz / req : 0)
  }' | tee -a "$RAW/rows.md"
}

echo "== SQLite baseline: one instance, reached directly"
SQLITE_DATA=$DATA/sqlite
DIWAN_DATA_DIR=$SQLITE_DATA java -jar "$JAR" generate --articles 20 --comments "$COMMENTS" \
  --approved-share 0.1 --showcase 0,50 > "$RAW/generate-sqlite.txt" 2>&1
DIWAN_DATA_DIR=$SQLITE_DATA DIWAN_DEMO=false DIWAN_COMMENTS_PER_IP_PER_MINUTE=0 \
  DIWAN_COMMENTS_PER_EMAIL_PER_MINUTE=0 DIWAN_CONCURRENT_REQUESTS=1000 DIWAN_REQUESTS_PER_ADDRESS=0 \
  java -Xmx512m -jar "$JAR" --server.port=8091 > "$RAW/sqlite.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:8091/actuator/health/readiness"; do sleep 0.2; done
run "sqlite, 1 instance, direct: submit" http://127.0.0.1:8091 submit.lua api showcase-0 "$TAG-sqlite"
run "sqlite, 1 instance, direct: article page" http://127.0.0.1:8091/articles/showcase-50 fetch.lua
stop_cluster

start_postgres "$DATA/pg"
DIWAN_DATA_DIR=$DATA/gen java -jar "$JAR" generate --articles 20 --comments "$COMMENTS" \
  --approved-share 0.1 --showcase 0,50 > "$RAW/generate-postgres.txt" 2>&1
for n in $NODES; do
  echo "== PostgreSQL, $n instance(s)"
  start_instances "$n"
  if [ "$n" = 1 ]; then
    run "postgres, 1 instance, direct: submit" http://127.0.0.1:8091 submit.lua api showcase-0 "$TAG-direct"
    run "postgres, 1 instance, direct: article page" http://127.0.0.1:8091/articles/showcase-50 fetch.lua
  fi
  start_balancer "$n"
  run "postgres, $n behind nginx: submit" "$BASE" submit.lua api showcase-0 "$TAG-n$n"
  run "postgres, $n behind nginx: article page" "$BASE/articles/showcase-50" fetch.lua
  stop_cluster
done

{
  echo "Measured $(date -u +%F) on $(nproc) cores, $CONNS connections, ${DUR} s per run after ${WARM} s of warm-up,"
  echo "$COMMENTS stored comments. CPU per request: every Diwan, nginx and PostgreSQL process."
  echo
  echo "| workload | requests/s | p50 | p99 | CPU ms / request |"
  echo "|---|---|---|---|---|"
  cat "$RAW/rows.md"
} > "$RESULTS/table.md"
cat "$RESULTS/table.md"
