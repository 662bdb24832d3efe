#!/usr/bin/env bash
# 1,000 concurrent WebSocket chat connections (/v1/ws/chat, the npm `ws` client on Node 20) held
# open against a running server, with the server's resident memory before and after.
# Usage: bench/ws-connections.sh [BASE_URL] [SERVER_PID] [N]
#   BASE_URL default http://127.0.0.1:18080; SERVER_PID default: the java process listening on
#   BASE_URL's port; N default 1000 (100 users, 10 connections each: the per-user cap).
# Prints: "held N: RSS before X MiB, after Y MiB (+Z KiB per connection); opened in T ms,
# handshake p50/p99" and, as the last line, the raw figures for bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://127.0.0.1:18080}
PORT=${BASE##*:}
PID=${2:-$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)}
N=${3:-1000}
[ -n "$PID" ] || { echo "no server pid (pass it as the second argument)" >&2; exit 1; }
command -v node >/dev/null || { echo "node (20+) is needed" >&2; exit 1; }
DIR=bench/out/ws-client
mkdir -p "$DIR"
cp src/test/chat-js/package.json src/test/chat-js/package-lock.json "$DIR/"
cp bench/ws_connections.mjs "$DIR/"
[ -f "$DIR/node_modules/ws/package.json" ] || (cd "$DIR" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
# the client needs one file descriptor per connection
ulimit -n 65536 2>/dev/null || true
read -r HELD BEFORE AFTER OPEN_MS P50 P99 < <(cd "$DIR" && node ws_connections.mjs "$BASE" "$PID" "$N")
PER=$(( (AFTER - BEFORE) * 1024 / (HELD > 0 ? HELD : 1) ))
echo "held $HELD of $N: server RSS before ${BEFORE} MiB, after ${AFTER} MiB (+${PER} KiB per connection); opened in ${OPEN_MS} ms, handshake p50 ${P50} ms, p99 ${P99} ms"
echo "$HELD $BEFORE $AFTER $OPEN_MS $P50 $P99"
