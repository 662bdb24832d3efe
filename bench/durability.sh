#!/usr/bin/env bash
# The cost of crash safety on H2, alone: POST /v2/pet (new ids) on the packaged server with its
# default (every commit written before the answer) and with H2's own write delay
# (WRITE_DELAY=500, not crash-safe), alternated ROUNDS times on fresh data folders so that both
# see the same machine. bench/run.sh measures the same pair inside the full benchmark.
# Usage: bench/durability.sh   (knobs: BENCH_DURATION 15, BENCH_WARMUP 10, BENCH_CONNECTIONS 64,
# BENCH_ROUNDS 2, BENCH_PORT 18090; JAVA defaults to the newest JDK >= 21 on the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(pwd)/bench/out/durability
DURATION=${BENCH_DURATION:-15}; WARMUP=${BENCH_WARMUP:-10}; CONNS=${BENCH_CONNECTIONS:-64}
ROUNDS=${BENCH_ROUNDS:-2}; PORT=${BENCH_PORT:-18090}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAVA=${JAVA:-java}
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
  v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
  if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$home/bin/java"; break; fi
done
[ -f target/petstore.jar ] || ./mvnw -q -B -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT
run() { # run LABEL [extra args]: prints "LABEL req/s p50 p99"
  local label=$1; shift
  local data="$OUT/data-$label-$RANDOM"
  "$JAVA" -Xmx256m -XX:+UseParallelGC -jar target/petstore.jar --server.port="$PORT" --petstore.data-dir="$data" \
    --petstore.inbox.smtp.port=0 --petstore.admin.password=bench "$@" >"$OUT/server-$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT/v2/pet/1" && break; sleep 0.1; done
  wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s bench/post_pet.lua "http://127.0.0.1:$PORT/v2/pet" >/dev/null
  local out; out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s bench/post_pet.lua "http://127.0.0.1:$PORT/v2/pet")
  echo "$out" >>"$OUT/wrk.log"
  echo "$label $(echo "$out" | awk '/Requests\/sec/{print $2}') $(echo "$out" | awk '$1=="50%"{print $2}') $(echo "$out" | awk '$1=="99%"{print $2}')"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; wrk -t2 -c$CONNS, ${WARMUP}s warm-up, ${DURATION}s measured"
for _ in $(seq 1 "$ROUNDS"); do
  run crash-safe
  run write-delay-500 "--spring.datasource.url=jdbc:h2:file:\${petstore.data-dir}/petstore;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500"
done
