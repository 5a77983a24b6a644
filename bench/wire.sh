#!/bin/bash
# Pages on the wire: what the demo article page costs a phone to download, with and without
# compression and on a repeat view; and the front page under load as a share of a static file.
#
#   bash bench/wire.sh        # from the repository root; about 3 minutes with the defaults
#
# Settings (environment): BUILD=1|0  JAR=target/diwan.jar  PORT=8095  ARTICLE=<demo slug with the
# photo>  PHOTO_WIDTH=480 (the srcset copy a phone picks: 480 at 1x, 960 at 2x)  ROUNDS=3  CONNS=32  DUR=10 (seconds per wrk run)  WARM=10  LOAD=1|0 (0: bytes only)
# ARGS (more arguments for the jar, e.g. --spring.web.resources.chain.compressed=false).
# Prints two Markdown tables and writes them to bench/results/sqlite/wire.md (every curl and wrk
# answer stays in target/bench/wire/).
# Only 127.0.0.1 is loaded. Every wrk run is bounded by -d and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-8095}
JAR=${JAR:-target/diwan.jar}
ARTICLE=${ARTICLE:-erbil-bazaar-covered-lanes-reopen}
ROUNDS=${ROUNDS:-3}
C=${CONNS:-32}
DUR=${DUR:-10}
WARM=${WARM:-10}
BASE=http://127.0.0.1:$PORT
RAW=$ROOT/target/bench/wire
rm -rf "$RAW" && mkdir -p "$RAW"
# A phone's browser. The article's photo is the srcset copy it picks: on a 390-pixel-wide screen the
# photo's slot is 358 CSS pixels (sizes), so 480w at 1x, 960w at 2x, 1600w at 3x (PHOTO_WIDTH).
PHONE="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"

for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }; done
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
WORK=$(mktemp -d /tmp/diwan-wire.XXXXXX)
PID=
trap '[ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; rm -rf "$WORK"' EXIT

if curl -s -o /dev/null "$BASE/"; then echo "port $PORT is taken: PORT=… another"; exit 1; fi
# The demo site, as a first start seeds it; per-address limits off, the load comes from one address.
DIWAN_DATA_DIR=$WORK DIWAN_DEMO=true DIWAN_CONCURRENT_REQUESTS=1000 DIWAN_REQUESTS_PER_ADDRESS=0 \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" ${ARGS:-} > "$RAW/diwan.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 $PID 2>/dev/null || { tail -20 "$RAW/diwan.log"; exit 1; }
  sleep 0.5
done

# get NAME PATH [curl options…]: prints "body-bytes header-bytes" as they crossed the wire.
get() {
  local name=$1 path=$2; shift 2
  curl -s -A "$PHONE" -b "$WORK/cookies" -c "$WORK/cookies" -D "$RAW/$name.headers" \
    -o "$RAW/$name.body" -w '%{size_download} %{size_header}\n' "$@" "$BASE$path"
}

page=/articles/$ARTICLE
html=$(curl -s "$BASE$page")
mapfile -t parts < <(printf '%s' "$html" |
  grep -oE '(href="/css/[^"]+"|src="/js/[^"]+"|src="/photos/[^"]+")' | sed -E 's/^[a-z]+="([^"]+)"$/\1/')
[ ${#parts[@]} -ge 3 ] || { echo "expected a stylesheet, a script and a photo on $page"; exit 1; }
copy=$(printf '%s' "$html" | grep -oE "/photos/${PHOTO_WIDTH:-480}/[^\" ]+ [0-9]+w" | head -1 | cut -d' ' -f1 || true)
if [ -n "$copy" ]; then
  for i in "${!parts[@]}"; do [[ ${parts[$i]} == /photos/* ]] && parts[$i]=$copy; done
fi

echo "== bytes of $page and what it loads (${#parts[@]} files), as a phone asks for them"
declare -A SUM
row() { # LABEL PATH N: one table row: body bytes plain and gzipped, and the repeat view
  local label=$1 path=$2 n=$3 plain gz hplain hgz repeat etag kept
  rm -f "$WORK/cookies"
  read -r plain hplain < <(get "plain-$n" "$path")
  read -r gz hgz < <(get "gzip-$n" "$path" --compressed)
  # A repeat view: the page is revalidated (If-None-Match, same cookie); a file the browser may
  # keep (immutable, or a max-age) is not asked for at all.
  etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$RAW/gzip-$n.headers" | tr -d '\r')
  kept=$(sed -n 's/^[Cc]ache-[Cc]ontrol: *//p' "$RAW/gzip-$n.headers" | tr -d '\r' | grep -oE 'immutable|max-age=[1-9][0-9]*' | tail -1 || true)
  if [ -n "$kept" ]; then
    repeat="not asked for ($kept)"
  elif [ -n "$etag" ]; then
    read -r repeat repeat_headers < <(get "repeat-$n" "$path" --compressed -H "If-None-Match: $etag")
    repeat="$(head -1 "$RAW/repeat-$n.headers" | awk '{print $2}'): $repeat body + $repeat_headers header bytes"
  else
    repeat="asked for again in full"
  fi
  SUM[plain]=$(( ${SUM[plain]:-0} + plain )); SUM[hplain]=$(( ${SUM[hplain]:-0} + hplain ))
  SUM[gz]=$(( ${SUM[gz]:-0} + gz )); SUM[hgz]=$(( ${SUM[hgz]:-0} + hgz ))
  printf '| %s | %s | %s | %s%% | %s |\n' "$label" "$plain" "$gz" $(( 100 - 100 * gz / plain )) "$repeat"
}
{
  echo "| file | body bytes, plain | body bytes, gzip | saved | repeat view |"
  echo "|---|---|---|---|---|"
  row "HTML \`$page\`" "$page" 0
  i=1
  for p in "${parts[@]}"; do row "\`${p%%\?*}\`" "$p" $i; i=$((i + 1)); done
  printf '| **total** | %s | %s | %s%% | |\n' "${SUM[plain]}" "${SUM[gz]}" $(( 100 - 100 * ${SUM[gz]} / ${SUM[plain]} ))
  printf '| total with headers | %s | %s | %s%% | |\n' $(( ${SUM[plain]} + ${SUM[hplain]} )) \
    $(( ${SUM[gz]} + ${SUM[hgz]} )) $(( 100 - 100 * (${SUM[gz]} + ${SUM[hgz]}) / (${SUM[plain]} + ${SUM[hplain]}) ))
} | tee "$RAW/bytes.md"
RESULTS=$ROOT/bench/results/sqlite
mkdir -p "$RESULTS"
{ echo "Pages on the wire, $(date -u '+%F %H:%M') UTC, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"; echo; cat "$RAW/bytes.md"; } > "$RESULTS/wire.md"
[ "${LOAD:-1}" = 1 ] || exit 0

css=$(printf '%s\n' "${parts[@]}" | grep '^/css/' | head -1)
echo
echo "== the front page against a static file: $C connections, ${DUR} s a run, $ROUNDS rounds, gzip asked"
run() { # NAME PATH SECONDS: prints requests/s
  timeout $(($3 + 30)) wrk -t2 -c"$C" -d"${3}s" --timeout 10s --latency \
    -s bench/fetch.lua "$BASE$2" -- "Accept-Encoding: gzip" > "$RAW/$1.txt" 2>&1 || true
  grep -q 'codes=200:[0-9]* ' "$RAW/$1.txt" || echo "not every answer a 200: $RAW/$1.txt" >&2
  sed -n 's/^SUMMARY rps=\([0-9.]*\).*/\1/p' "$RAW/$1.txt"
}
run warm-front / "$WARM" > /dev/null
run warm-css "$css" "$WARM" > /dev/null
front=() static=()
for round in $(seq "$ROUNDS"); do
  # Alternating order, so whatever else the machine does falls on both alike.
  if [ $((round % 2)) = 1 ]; then
    front+=("$(run "front-$round" / "$DUR")"); static+=("$(run "css-$round" "$css" "$DUR")")
  else
    static+=("$(run "css-$round" "$css" "$DUR")"); front+=("$(run "front-$round" / "$DUR")")
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mf=$(median "${front[@]}") ms=$(median "${static[@]}") size=$(curl -s "$BASE/" | wc -c)
{
  echo "| request | requests/s, each round | median | share of the static file |"
  echo "|---|---|---|---|"
  echo "| \`/\` (front page, $size bytes plain) | ${front[*]} | $mf | $(awk "BEGIN{printf \"%.2f\", $mf / $ms}") |"
  echo "| \`${css%%\?*}\` (fingerprinted) | ${static[*]} | $ms | 1 |"
} | tee "$RAW/load.md"
{ echo; cat "$RAW/load.md"; } >> "$RESULTS/wire.md"
