#!/usr/bin/env bash
# CPU per request of each hot path as a ratio to GET /v2/user/logout (it touches no data: the
# framework's floor), all in one run, as issue 20 measures them: the packaged jar started the way the
# README says (`java -jar target/petstore.jar`, no flags), 10,000 classic pets, `wrk -t1 -c32`, each
# endpoint 10 s after a 10 s warm-up, CPU from the server's own /proc/<pid>/stat (user + system).
# Usage: bench/ratios.sh [JAR]   (default target/petstore.jar; bench/run.sh calls it)
# Knobs (environment): RATIO_DURATION (10), RATIO_WARMUP (10), RATIO_PORT (18090),
# RATIO_PETS (10000). Prints a markdown table and `RATIO <name> <req/s> <cpu µs> <ratio> <p99>` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-target/petstore.jar}")
D=${RATIO_DURATION:-10}
W=${RATIO_WARMUP:-10}
PORT=${RATIO_PORT:-18090}
PETS=${RATIO_PETS:-10000}
FIRST_ID=100000
export FIRST_ID COUNT=$PETS
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAVA=java
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
  v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
  if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$home/bin/java"; break; fi
done
WORK=$(mktemp -d /tmp/petstore-ratios.XXXXXX)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

(cd "$WORK" && exec "$JAVA" -jar "$JAR" --server.port="$PORT" --spring.grpc.server.port=$((PORT + 1)) \
  --petstore.inbox.smtp.port=$((PORT + 2)) --petstore.data-dir="$WORK/data" --petstore.rate-limit.requests=1000000000 \
  >"$WORK/server.log" 2>&1) &
PID=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/pet/1" && break; sleep 0.2; done
S=http://127.0.0.1:$PORT
mkdir -p "$WORK/static"
python3 bench/load_pets.py 127.0.0.1 "$PORT" "$PETS" "$FIRST_ID" "$WORK/static" >/dev/null
MAX=019b4132-70aa-764f-b315-e2803d882a24
export PET_ID=$MAX
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

# measure NAME URL [LUA]: warm-up, then the measured run; prints "NAME req/s cpu_us p99"
measure() {
  local name=$1 url=$2 lua=${3:-} c0 c1 out req rps p99 bad
  wrk -t1 -c32 -d"${W}s" ${lua:+-s "$lua"} "$url" >/dev/null
  c0=$(cpu)
  out=$(wrk -t1 -c32 -d"${D}s" --latency ${lua:+-s "$lua"} "$url")
  c1=$(cpu)
  req=$(echo "$out" | awk '/requests in/{print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  [ -z "$bad" ] || { echo "$name: $bad non-2xx answers" >&2; exit 1; }
  echo "$name $rps $(awk -v a="$c0" -v b="$c1" -v r="$req" -v t="$TICK" 'BEGIN{printf "%.1f", (b-a)/t*1e6/r}') $p99"
}
ROWS=()
ROWS+=("$(measure logout "$S/v2/user/logout")")
ROWS+=("$(measure get-v2-pet "$S/v2/pet/1" bench/get_pet.lua)")
ROWS+=("$(measure find-by-status "$S/v2/pet/findByStatus?status=available")")
ROWS+=("$(measure inventory "$S/v2/store/inventory")")
ROWS+=("$(measure get-v1-pet "$S/v1/pets/$MAX")")
ROWS+=("$(measure list-v1-pets "$S/v1/pets?limit=20")")
ROWS+=("$(measure graphql-pet "$S/v1/graphql" bench/graphql_pet.lua)")
# gRPC GetPet on the same pet (bench/GrpcGetPet.java: 32 calls in flight on 1 connection)
mkdir -p "$WORK/app" && (cd "$WORK/app" && "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination x >/dev/null)
c0=$(cpu)
read -r G_RPS G_P50 G_P99 G_ERR <<<"$("$JAVA" -cp "$WORK/app/x/$(basename "$JAR"):$WORK/app/x/lib/*" bench/GrpcGetPet.java 127.0.0.1 $((PORT + 1)) "$MAX" "$D" "$W" 32 1 2>/dev/null)"
c1=$(cpu)
# the CPU read spans the client's warm-up too: per call over both periods, at the measured rate
ROWS+=("grpc-get-pet $G_RPS $(awk -v a="$c0" -v b="$c1" -v r="$G_RPS" -v d="$D" -v w="$W" -v t="$TICK" 'BEGIN{printf "%.1f", (b-a)/t*1e6/(r*(d+w))}') $G_P99")
ROWS+=("$(measure post-v2-pet "$S/v2/pet" bench/post_pet.lua)")
RSS=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$PID/status")

FLOOR=$(echo "${ROWS[0]}" | awk '{print $3}')
echo "| endpoint (wrk -t1 -c32) | req/s | CPU per request | ratio to logout | p99 |"
echo "|---|---|---|---|---|"
for r in "${ROWS[@]}"; do echo "$r" | awk -v f="$FLOOR" '{printf "| %s | %.0f | %s µs | %.2f× | %s |\n", $1, $2, $3, $3 / f, $4}'; done
echo
echo "RSS after the run (plain java -jar, no flags): $RSS MiB"
for r in "${ROWS[@]}"; do echo "$r" | awk -v f="$FLOOR" '{printf "RATIO %s %s %s %.2f %s\n", $1, $2, $3, $3 / f, $4}'; done
