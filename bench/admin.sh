#!/usr/bin/env bash
# The Admin API on 100,000 rows per table (pets, users, orders, payments of one tenant), on H2 or
# PostgreSQL: GET /v1/admin/dashboard/stats (30 days and 366 days) and
# GET /v1/admin/users?q=user12&status=ACTIVE, each with wrk at 1 and 4 connections after a warm-up.
# Usage: bench/admin.sh [h2|postgres]   (default h2)
# Builds target/petstore.jar if it is missing (or uses BENCH_JAR). PostgreSQL: Debian's server
# (/usr/lib/postgresql/<version>/bin, installed with apt-get if missing), started by this script in a
# temporary directory on its own port and removed afterwards.
# Knobs (environment): BENCH_DURATION (s, 10), BENCH_WARMUP (s, 8), ADMIN_BENCH_PORT (18310),
# ADMIN_BENCH_PG_PORT (18311), ADMIN_BENCH_GRPC_PORT (18301), ADMIN_BENCH_SMTP_PORT (18302),
# ADMIN_DATA_SQL (the data script; default bench/admin_data.sql or bench/admin_data_postgres.sql).
# Prints a table and, per measurement, a line `RESULT <name> <req/s> <p50> <p99> <errors>`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB=${1:-h2}
case "$DB" in h2|postgres) ;; *) echo "usage: bench/admin.sh [h2|postgres]" >&2; exit 2 ;; esac
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-8}
PORT=${ADMIN_BENCH_PORT:-18310}
PG_PORT=${ADMIN_BENCH_PG_PORT:-18311}
GRPC_PORT=${ADMIN_BENCH_GRPC_PORT:-18301}
SMTP_PORT=${ADMIN_BENCH_SMTP_PORT:-18302}
JAR=${BENCH_JAR:-$ROOT/target/petstore.jar}
ADMIN_TENANT=00000000-0000-0000-0000-00000000ad00
WORK=$(mktemp -d /tmp/petstore-admin-bench.XXXXXX)
chmod 755 "$WORK"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need curl curl

JAVA=java
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
  v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
  if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$home/bin/java"; break; fi
done

PG_BIN=
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  if [ -n "$PG_BIN" ] && [ -f "$WORK/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for p in "$PORT" "$PG_PORT" "$GRPC_PORT" "$SMTP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use: stop what runs there first" >&2; exit 1; fi
done

if [ ! -f "$JAR" ]; then
  echo "building $JAR"
  ./mvnw -q -B -DskipTests package
fi

if [ "$DB" = postgres ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PG_BIN" ]; then
    echo "installing postgresql"; apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  need psql postgresql-client
  # PostgreSQL refuses to run as root: its files belong to the postgres user
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE petstore" >/dev/null
  DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/petstore" --spring.datasource.username=postgres
    --spring.datasource.password=)
  DATA_SQL=${ADMIN_DATA_SQL:-bench/admin_data_postgres.sql}
  load_data() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d petstore -q -v ON_ERROR_STOP=1 -f "$DATA_SQL" >/dev/null
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d petstore -qc "VACUUM ANALYZE" >/dev/null; }
else
  H2_URL="jdbc:h2:file:$WORK/data/petstore"
  # H2 keeps the last result of a query per connection and answers a repeat from it while the
  # tables are unchanged: off, so that every request counts again (as when orders keep coming in)
  DB_ARGS=(--spring.datasource.url="$H2_URL;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE")
  DATA_SQL=${ADMIN_DATA_SQL:-bench/admin_data.sql}
  load_data() {
    mkdir -p "$WORK/h2"
    (cd "$WORK/h2" && "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination app >/dev/null)
    "$JAVA" -cp "$(ls "$WORK"/h2/app/lib/h2-*.jar)" org.h2.tools.RunScript -url "$H2_URL" -user sa -script "$DATA_SQL"
    # the script's few huge statements leave an 11 GB file whose pages are scattered (rows written one
    # request at a time are not): compacted, as a database grown by use would be (about 200 MB)
    "$JAVA" -cp "$(ls "$WORK"/h2/app/lib/h2-*.jar)" org.h2.tools.Shell -url "$H2_URL" -user sa -sql "SHUTDOWN COMPACT" >/dev/null 2>&1 || true
    echo "database file after compaction: $(du -h "$WORK/data/petstore.mv.db" | cut -f1)"
  }
fi

start_server() {
  (cd "$WORK" && exec "$JAVA" -Xmx256m -XX:+UseParallelGC -jar "$JAR" --server.port="$PORT" \
    --spring.grpc.server.port="$GRPC_PORT" --petstore.inbox.smtp.port="$SMTP_PORT" \
    --petstore.data-dir="$WORK/data" --petstore.rate-limit.requests=1000000000 \
    --petstore.admin.password=bench-admin-password --petstore.live.listener-name=admin-bench "${DB_ARGS[@]}" \
    >>"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/pet/1")" = 200 ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not answer" >&2; tail -50 "$WORK/server.log" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

echo "database: $DB; creating the schema"
start_server; stop_server
echo "loading 100,000 rows per table ($DATA_SQL)"
T0=$(date +%s); load_data; echo "loaded in $(( $(date +%s) - T0 )) s"
start_server

S=http://127.0.0.1:$PORT
ADMIN_TOKEN=$(curl -s -H 'Content-Type: application/json' -H "X-Tenant-ID: $ADMIN_TENANT" "$S/v1/auth/tokens" \
  -d '{"username":"admin","password":"bench-admin-password"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
export ADMIN_TOKEN ADMIN_TENANT
YEAR_AGO=$(date -u -d '-365 days' +%F)

# each answer once, so a broken endpoint stops the run instead of measuring errors
for u in "$S/v1/admin/dashboard/stats" "$S/v1/admin/dashboard/stats?from=$YEAR_AGO" "$S/v1/admin/users?q=user12&status=ACTIVE"; do
  code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" -H "X-Tenant-ID: $ADMIN_TENANT" "$u")
  [ "$code" = 200 ] || { echo "$u answered $code: $(head -c 500 "$WORK/answer.json")" >&2; exit 1; }
done
echo "users matching q=user12, ACTIVE: $(python3 -c 'import sys,json; print(json.load(open(sys.argv[1]))["pagination"]["totalItems"])' "$WORK/answer.json")"

# measure URL CONNECTIONS: prints "req/s p50 p99 errors"
measure() {
  local out rps p50 p99 non2xx sockerr
  out=$(wrk -t"$2" -c"$2" -d"${DURATION}s" --latency -s bench/admin.lua "$1")
  echo "$out" >>"$WORK/wrk.log"
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  sockerr=$(echo "$out" | awk '/Socket errors/{gsub(",",""); print $4+$6+$8+$10}')
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${sockerr:-0} ))"
}

RESULTS=()
run() { # name url
  wrk -t2 -c4 -d"${WARMUP}s" -s bench/admin.lua "$2" >/dev/null
  for c in 1 4; do
    RESULTS+=("admin-$DB-$1-c$c $(measure "$2" "$c")")
  done
}
echo "measuring (${WARMUP}s warm-up, then ${DURATION}s at 1 and at 4 connections per endpoint)"
run dashboard-30d "$S/v1/admin/dashboard/stats"
run dashboard-366d "$S/v1/admin/dashboard/stats?from=$YEAR_AGO"
run users-q-user12 "$S/v1/admin/users?q=user12&status=ACTIVE"

echo "| measurement ($DB, 100k rows per table) | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
for r in "${RESULTS[@]}"; do echo "$r" | awk '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'; done
for r in "${RESULTS[@]}"; do echo "RESULT $r"; done
