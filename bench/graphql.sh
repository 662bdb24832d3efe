#!/usr/bin/env bash
# GraphQL next to REST, on a server that is already running (bench/run.sh measures the same rows
# on its own server): GET /v1/pets/{id} vs pet(id:), GET /v1/pets?limit=20 vs pets(limit: 20).
# Usage: bench/graphql.sh [BASE_URL] (default http://127.0.0.1:18080). Knobs: BENCH_DURATION (s, 10),
# BENCH_WARMUP (s, 5), BENCH_CONNECTIONS (64), BENCH_THREADS (2), PET_ID (Max of the shared pool).
# Prints a markdown table (req/s, p50, p99, errors: non-2xx, socket errors, GraphQL errors seen in
# a check before the run).
set -euo pipefail
cd "$(dirname "$0")/.."
S=${1:-http://127.0.0.1:18080}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-5}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
PET_ID=${PET_ID:-019b4132-70aa-764f-b315-e2803d882a24}
export PET_ID

# one request of each GraphQL body first: a GraphQL error answers 200, so wrk would not count it
gql_check() {
  local body
  body=$(wrk_body "$1")
  local answer
  answer=$(curl -s -H 'Content-Type: application/json' -d "$body" "$S/v1/graphql")
  if ! echo "$answer" | grep -q '"data":{"[a-zA-Z]*":{' || echo "$answer" | grep -q '"errors"'; then
    echo "GraphQL $1 answers an error: $answer" >&2; exit 1
  fi
}
# the body a wrk lua script sends (the scripts only set wrk.body from a literal and PET_ID)
wrk_body() { python3 bench/lua_body.py "$1"; }

measure() {
  local url=$1 script=${2:-} out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency ${script:+-s "$script"} "$url")
  local rps p50 p99 non2xx sockerr
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  sockerr=$(echo "$out" | awk '/Socket errors/{gsub(",",""); print $4+$6+$8+$10}')
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${sockerr:-0} ))"
}
warm() { wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" ${2:+-s "$2"} "$1" >/dev/null; }
row() { echo "$2" | awk -v n="$1" '{printf "| %s | %.0f | %s | %s | %d |\n", n, $1, $2, $3, $4}'; }

gql_check bench/graphql_pet.lua
gql_check bench/graphql_pets.lua
echo "warming up (${WARMUP}s each)" >&2
warm "$S/v1/pets/$PET_ID"; warm "$S/v1/pets?limit=20"
warm "$S/v1/graphql" bench/graphql_pet.lua; warm "$S/v1/graphql" bench/graphql_pets.lua
echo "measuring (${DURATION}s each, $CONNS connections, $THREADS wrk threads)" >&2
R1=$(measure "$S/v1/pets/$PET_ID")
R2=$(measure "$S/v1/graphql" bench/graphql_pet.lua)
R3=$(measure "$S/v1/pets?limit=20")
R4=$(measure "$S/v1/graphql" bench/graphql_pets.lua)
echo "| measurement | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
row "GET /v1/pets/{id}" "$R1"
row "POST /v1/graphql pet(id:) (every Pet field)" "$R2"
row "GET /v1/pets?limit=20" "$R3"
row "POST /v1/graphql pets(limit: 20) with nested medicalInfo" "$R4"
