#!/bin/bash
# Helpers for bench/run.sh (sourced): tools, the servers under test, wrk runs and their records.
# Expects ROOT, RAW, DATA, DB, DUR, PORT, NGINX_PORT, BASE, ADMIN_EMAIL, ADMIN_PASSWORD.

need_tools() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} = 0 ] && return
  local pkgs=()
  for tool in "${missing[@]}"; do
    case $tool in nginx) pkgs+=(nginx-light) ;; gnuplot) pkgs+=(gnuplot-nox) ;; *) pkgs+=("$tool") ;; esac
  done
  # keep Debian's init scripts from starting nginx on port 80
  local policy=0
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; policy=1; }
  apt-get -o DPkg::Lock::Timeout=600 update -q && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${pkgs[@]}"
  [ $policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

start_postgres() { # DIR: a throw-away cluster on port 5439, owned by the postgres user
  need_tools psql
  command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_tools postgresql
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
  chmod 755 "$DATA"; mkdir -p "$1"; chown postgres "$1"
  su postgres -c "$bin/initdb -A trust -D $1" >/dev/null
  su postgres -c "$bin/pg_ctl -s -D $1 -l $1/log -o '-p 5439 -k /tmp -c listen_addresses=127.0.0.1' start -w"
  PG_DIR=$1 PG_BIN=$bin
  su postgres -c "$bin/createdb -h 127.0.0.1 -p 5439 diwan"
  export DIWAN_DB_URL=jdbc:postgresql://127.0.0.1:5439/diwan DIWAN_DB_USER=postgres DIWAN_DB_PASSWORD=
}

db_query() {
  if [ "$DB" = postgres ]; then
    psql -h 127.0.0.1 -p 5439 -U postgres -d diwan -tAq -c "$1"
  else
    sqlite3 -cmd ".timeout 10000" "$DATA/diwan.db" "$1"
  fi
}

start_diwan() { # [JAR [java options…]]: starts the jar and sets STARTUP_S, launch to first page
  local jar=${1:-$JAR} t0 nap; shift || true
  # Waiting forks nothing: on two cores, a curl every 20 ms added 1-2 s to the start it was
  # timing. Bash opens the port itself and naps on a FIFO; curl runs only once the port answers.
  mkfifo "$DATA/nap" 2>/dev/null || true
  exec {nap}<>"$DATA/nap"
  t0=$(date +%s%N)
  # The per-address limits would refuse a load generator on one address: off here.
  DIWAN_DATA_DIR=$DATA DIWAN_DEMO=false DIWAN_COMMENTS_PER_IP_PER_MINUTE=0 \
    DIWAN_COMMENTS_PER_EMAIL_PER_MINUTE=0 DIWAN_CONCURRENT_REQUESTS=1000 \
    DIWAN_REQUESTS_PER_ADDRESS=0 java -Xmx512m "$@" \
    -jar "$jar" --server.port="$PORT" > "$RAW/diwan.log" 2>&1 &
  DIWAN_PID=$!
  until { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null && exec 3>&- &&
    curl -sf -o /dev/null "$BASE/articles/showcase-0"; do
    if ! kill -0 $DIWAN_PID 2>/dev/null || [ $(($(date +%s%N) - t0)) -gt 90000000000 ]; then
      exec {nap}>&-; tail -20 "$RAW/diwan.log"; return 1
    fi
    read -rt 0.02 -u $nap || true
  done
  exec {nap}>&-
  STARTUP_S=$(( ($(date +%s%N) - t0) / 1000000 ))e-3
  STARTUP_S=$(awk "BEGIN{printf \"%.2f\", $STARTUP_S}")
  # readiness: the site answers only once start-up work is done; this waits out the rest of the start
  until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do sleep 0.1; done
}

stop_diwan() {
  if [ -n "${DIWAN_PID:-}" ]; then kill "$DIWAN_PID" 2>/dev/null || true; wait "$DIWAN_PID" 2>/dev/null || true; fi
  DIWAN_PID=
}

# startup_with_cds: the README's "Faster start" (Java 17), timed the same way: the jar extracted,
# a class-data archive written by a training run, then started with it (sets STARTUP_CDS_S).
startup_with_cds() {
  local app=$DATA/app
  java -Djarmode=tools -jar "$JAR" extract --destination "$app" >/dev/null
  local jar; jar=$app/$(basename "$JAR")
  DIWAN_DATA_DIR=$DATA DIWAN_DEMO=false java -XX:ArchiveClassesAtExit="$app/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$jar" --server.port="$PORT" > "$RAW/cds-training.log" 2>&1
  start_diwan "$jar" -XX:SharedArchiveFile="$app/app.jsa"
  STARTUP_CDS_S=$STARTUP_S
  stop_diwan
}

moderator_key() {
  for _ in $(seq 50); do
    curl -s -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -o /dev/null -w '%{http_code}' "$BASE/api/admin/api-keys" |
      grep -q 200 && break
    sleep 0.2
  done
  curl -sf -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"bench","role":"MODERATOR"}' "$BASE/api/admin/api-keys" |
    sed -n 's/.*"key":"\([^"]*\)".*/\1/p'
}

login_staff() { # SESSION: a logged-in admin's session id, for the HTML queue
  local jar=$DATA/staff.cookies token
  token=$(curl -sf -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login"
  SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
}

fetch_csrf() { # CSRF_FIELD and CSRF_COOKIE: what a reader's browser holds after opening the page
  local jar=$DATA/reader.cookies
  CSRF_FIELD=$(curl -sf -c "$jar" "$BASE/articles/$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  CSRF_COOKIE=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
}

start_nginx() { # ROOT_DIR: serve it as static files, the way a front proxy would
  chmod 755 "$DATA" "$1" && chmod 644 "$1"/*
  cat > "$DATA/nginx.conf" <<CONF
worker_processes 2;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 1024; }
http {
  types { text/html html; application/json json; text/javascript js; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$NGINX_PORT; root $1; }
}
CONF
  nginx -c "$DATA/nginx.conf" -p "$DATA" -e "$DATA/nginx-error.log"
}

stop_all() {
  stop_diwan
  if [ -f "$DATA/nginx.pid" ]; then kill "$(cat "$DATA/nginx.pid")" 2>/dev/null || true; rm -f "$DATA/nginx.pid"; fi
  if [ -n "${PG_DIR:-}" ]; then su postgres -c "$PG_BIN/pg_ctl -s -D $PG_DIR stop -m fast" || true; PG_DIR=; fi
  rm -rf "$DATA"
  return 0
}

# measure NAME CONNS SCRIPT URL [script args…]: the first time a workload runs, 5 s rounds of the
# same load until two rounds in a row agree within 10 % after at least WARM_MIN seconds (at most
# WARM_MAX), so the JIT has compiled its path as on a server that has been up a while (two early
# rounds can agree while the compilers are still at work: the form's path did); then DUR seconds.
# One line per run in $RAW/results.tsv: name conns rps p50 p90 p99 max codes errors
measure() {
  local name=$1 c=$2 script=$3 url=$4; shift 4
  local out=$RAW/$name-c$c.txt
  if [ ! -f "$RAW/$name.warm" ]; then
    local spent=0 prev=0 rps
    while [ "$spent" -lt "$WARM_MAX" ]; do
      # (submissions in the warm-up carry another tag, so the measured run's rows can be counted)
      rps=$(timeout 40 wrk -t2 -c"$c" -d5s -s "bench/$script" "$url" -- "${@/$TAG/warm$TAG}" 2>&1 |
        tee -a "$RAW/$name.warm" | sed -n 's/^SUMMARY rps=\([0-9.]*\).*/\1/p')
      spent=$((spent + 5))
      if [ "$spent" -ge "$WARM_MIN" ] && awk -v a="${rps:-0}" -v b="$prev" 'BEGIN { exit !(b > 0 && a > 0 && a / b > 0.9 && a / b < 1.1) }'; then
        break
      fi
      prev=${rps:-0}
    done
    echo "warm-up: $spent s" >> "$RAW/$name.warm"
  fi
  timeout $((DUR + 30)) wrk -t2 -c"$c" -d"${DUR}s" --timeout 10s --latency -s "bench/$script" \
    "$url" -- "$@" > "$out" 2>&1 || true
  local line; line=$(grep '^SUMMARY' "$out" || echo "SUMMARY rps=0 codes=none")
  echo "$line" | awk -v n="$name" -v c="$c" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, c, v["rps"], v["p50"], v["p90"], v["p99"], v["max"], v["codes"], v["errors"]
  }' >> "$RAW/results.tsv"
  printf '%-14s c=%-3s %s\n' "$name" "$c" "${line#SUMMARY }"
}

# verify_stored NAME CONNS TEXT_PREFIX CODE: acknowledged answers against rows really stored
verify_stored() {
  local name=$1 c=$2 prefix=$3 code=$4 acked stored
  acked=$(awk -F'\t' -v n="$name" -v c="$c" '$1 == n && $2 == c {print $8}' "$RAW/results.tsv" |
    tr ',' '\n' | awk -F: -v k="$code" '$1 == k {print $2}')
  stored=$(db_query "SELECT COUNT(*) FROM comment WHERE body LIKE '$prefix%' AND status = 'PENDING'")
  printf '%s\t%s\t%s\t%s\n' "$name" "$c" "${acked:-0}" "$stored" >> "$RAW/verify.tsv"
  echo "   verify: acknowledged ${acked:-0}, stored $stored"
}

heap_after_load() {
  jcmd "$DIWAN_PID" GC.run >/dev/null 2>&1 || return 0
  local used; used=$(jcmd "$DIWAN_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++)
    if ($i == "used") { gsub(/K,?/, "", $(i + 1)); print int($(i + 1) / 1024); exit } }')
  local rss; rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$DIWAN_PID/status")
  echo "heap_used_after_gc_mb $used" | tee -a "$RAW/startup.txt"
  echo "rss_mb $rss" | tee -a "$RAW/startup.txt"
  echo "comments_stored $(db_query "SELECT COUNT(*) FROM comment")" | tee -a "$RAW/startup.txt"
}

run_peers() { # the peers' own scripts, same duration and connections, results under $RAW/peers
  local peers=${PEERS_DIR:-../shared/peers}
  mkdir -p "$RAW/peers"
  if [ -f /var/tmp/peers-run/wordpress/post_id ]; then
    bash "$peers/wordpress/ctl.sh" start
    PEERS_OUT=$RAW/peers bash "$peers/bench/run_wordpress.sh" "$DUR" "$CONNS" > "$RAW/peers/wordpress.log" 2>&1 || true
    bash "$peers/wordpress/ctl.sh" stop
  fi
  if [ -d /opt/peers/waline ]; then
    bash "$peers/waline/ctl.sh" start
    PEERS_OUT=$RAW/peers bash "$peers/bench/run_waline.sh" "$DUR" "$CONNS" > "$RAW/peers/waline.log" 2>&1 || true
    bash "$peers/waline/ctl.sh" stop
  fi
}
