#!/usr/bin/env bash
# Chat completions per second, offline (no upstream), on a server that is already running
# (bench/run.sh measures the same rows on its own server): POST /v1/chat/completions with
# stream:false, a pet-care question (bench/chat_care.lua) and a catalog question
# (bench/chat_catalog.lua). Usage: bench/chat.sh [BASE_URL] (default http://127.0.0.1:18080).
# Knobs: BENCH_DURATION (s, 10), BENCH_WARMUP (s, 5), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
# TOKEN (a bearer token with chat:write; by default a new user is registered). The server's rate
# limit counts these requests: run it with a high petstore.rate-limit.requests.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${1:-http://127.0.0.1:18080}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-5}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
if [ -z "${TOKEN:-}" ]; then
  NAME="chatbench$RANDOM$RANDOM"
  TOKEN=$(curl -s -H 'Content-Type: application/json' "$S/v1/users" \
    -d "{\"username\":\"$NAME\",\"firstName\":\"C\",\"lastName\":\"B\",\"email\":\"$NAME@example.com\",\"password\":\"chat-bench-password\"}" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
fi
export TOKEN

# one request of each first: it must be a 201 chat.completion
for script in bench/chat_care.lua bench/chat_catalog.lua; do
  answer=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "$(python3 bench/lua_body.py "$script")" "$S/v1/chat/completions")
  if [ "$(echo "$answer" | tail -1)" != 201 ] || ! echo "$answer" | grep -q '"object":"chat.completion"'; then
    echo "$script: not a 201 chat.completion: $answer" >&2; exit 1
  fi
done

measure() {
  local url=$1 script=$2 out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency -s "$script" "$url")
  local rps p50 p99 non2xx sockerr
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  sockerr=$(echo "$out" | awk '/Socket errors/{gsub(",",""); print $4+$6+$8+$10}')
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${sockerr:-0} ))"
}
row() { echo "$2" | awk -v n="$1" '{printf "| %s | %.0f | %s | %s | %d |\n", n, $1, $2, $3, $4}'; }

echo "warming up (${WARMUP}s each)" >&2
wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s bench/chat_care.lua "$S/v1/chat/completions" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s bench/chat_catalog.lua "$S/v1/chat/completions" >/dev/null
echo "measuring (${DURATION}s each, $CONNS connections, $THREADS wrk threads)" >&2
R1=$(measure "$S/v1/chat/completions" bench/chat_care.lua)
R2=$(measure "$S/v1/chat/completions" bench/chat_catalog.lua)
echo "| measurement | completions/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
row "POST /v1/chat/completions (offline, not streamed): pet-care question" "$R1"
row "POST /v1/chat/completions (offline, not streamed): catalog question" "$R2"
